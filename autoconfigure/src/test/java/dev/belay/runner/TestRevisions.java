package dev.belay.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.belay.revision.Migrator;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;
import dev.belay.test.LambdaRevision;

/** Builds revision graphs for tests from lambdas, without a class per revision. */
final class TestRevisions {

    private final List<Revisions.Entry> entries = new ArrayList<>();

    static TestRevisions chain() {
        return new TestRevisions();
    }

    TestRevisions add(String id, String after, Consumer<Migrator> up, Consumer<Migrator> down) {
        return add(id, after, true, up, down);
    }

    TestRevisions add(String id, String after, boolean transactional, Consumer<Migrator> up,
            Consumer<Migrator> down) {
        return add(id, after, transactional, false, up, down);
    }

    /** A non-transactional revision declared idempotent: Belay runs it again after an interruption. */
    TestRevisions idempotent(String id, String after, Consumer<Migrator> up, Consumer<Migrator> down) {
        return add(id, after, false, true, up, down);
    }

    private TestRevisions add(String id, String after, boolean transactional, boolean idempotent,
            Consumer<Migrator> up, Consumer<Migrator> down) {
        List<String> parents = (after == null) ? List.of() : List.of(after.split(","));
        RevisionInfo info = new RevisionInfo(id, parents, "make " + id, transactional, idempotent, "test." + id);
        this.entries.add(LambdaRevision.entry(info, up, down));
        return this;
    }

    /** A revision that creates a table of its own name and drops it on the way down. */
    TestRevisions table(String id, String after) {
        return add(id, after, (m) -> m.actions().execute("CREATE TABLE " + id + " (id int)"),
                (m) -> m.actions().execute("DROP TABLE " + id));
    }

    Revisions build() {
        return Revisions.ofEntries(this.entries);
    }

}
