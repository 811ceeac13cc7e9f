package dev.belay.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.belay.actions.SqlStatement;
import dev.belay.lint.CatalogState.HeldLock;
import dev.belay.lint.CatalogState.Relation;
import dev.belay.revision.RevisionInfo;
import dev.belay.runner.MigrationRunner.RehearsalObserver;
import dev.belay.runner.ScratchSchema;

import org.jspecify.annotations.Nullable;

/**
 * Watches a stepwise rehearsal and reads, around each statement of the revisions being linted,
 * what PostgreSQL did (see {@link StatementFacts}). A non-transactional revision commits each of
 * its statements on its own in production; the recorder commits between them too, so that each
 * statement's locks are its own.
 */
final class RehearsalRecorder implements RehearsalObserver {

    private final String schema;

    private final Set<String> linted;

    private final String historyTable;

    private final List<RevisionFacts> revisions = new ArrayList<>();

    private @Nullable Watched watched;

    private @Nullable String current;

    /**
     * @param schema the rehearsal's scratch schema
     * @param linted the ids of the revisions to watch; the others only build what they meet
     * @param historyTable the history table's name, which is no table of the application's
     */
    RehearsalRecorder(String schema, Set<String> linted, String historyTable) {
        this.schema = schema;
        this.linted = linted;
        this.historyTable = historyTable;
    }

    @Override
    public void beforeRevision(Connection connection, RevisionInfo revision) throws SQLException {
        this.current = revision.id();
        if (!this.linted.contains(revision.id())) {
            this.watched = null;
            return;
        }
        CatalogState start = CatalogState.read(connection, this.schema);
        this.watched = new Watched(revision, start);
    }

    @Override
    public void beforeStatement(Connection connection, RevisionInfo revision, SqlStatement statement, boolean sent)
            throws SQLException {
        Watched watched = this.watched;
        if (watched == null) {
            return;
        }
        if (watched.pending != null) {
            watched.close(watched.current.update(connection, this.schema, watched.created()));
            if (!revision.transactional()) {
                ScratchSchema.commitContained(connection, this.schema);
                watched.locksBefore = Set.of();
            }
        }
        if (sent) {
            watched.pending = statement;
        }
        else {
            watched.statements.add(StatementFacts.unsent(statement, watched.current.lockTimeout()));
        }
    }

    @Override
    public void afterRevision(Connection connection, RevisionInfo revision) throws SQLException {
        Watched watched = this.watched;
        if (watched == null) {
            return;
        }
        if (watched.pending != null) {
            watched.close(watched.current.update(connection, this.schema, watched.created()));
        }
        this.revisions.add(watched.facts(null, this.historyTable));
        this.watched = null;
    }

    String schema() {
        return this.schema;
    }

    /** The id of the revision running (or that ran last). */
    @Nullable String current() {
        return this.current;
    }

    /** Records that the revision being watched failed. */
    void failed(RuntimeException failure) {
        if (this.watched != null) {
            this.revisions.add(this.watched.facts(failure, this.historyTable));
            this.watched = null;
            return;
        }
        int last = this.revisions.size() - 1;
        if (last >= 0 && this.revisions.get(last).revision().id().equals(this.current)
                && this.revisions.get(last).failure() == null) {
            // It ran to its end and failed as it was committed.
            RevisionFacts ran = this.revisions.get(last);
            this.revisions.set(last, new RevisionFacts(ran.revision(), ran.statements(), ran.tablesAtStart(), failure,
                    null));
        }
    }

    /** The facts of the revisions watched, in the order they ran. */
    List<RevisionFacts> revisions() {
        return List.copyOf(this.revisions);
    }

    /** The revision being watched. */
    private static final class Watched {

        private final RevisionInfo revision;

        private final CatalogState start;

        private final List<StatementFacts> statements = new ArrayList<>();

        private CatalogState current;

        private Set<HeldLock> locksBefore;

        private @Nullable SqlStatement pending;

        Watched(RevisionInfo revision, CatalogState start) {
            this.revision = revision;
            this.start = start;
            this.current = start;
            this.locksBefore = start.locks();
        }

        /** The relations that earlier statements of the revision created. */
        Set<Long> created() {
            Set<Long> created = new HashSet<>(this.current.relations().keySet());
            created.removeAll(this.start.relations().keySet());
            return created;
        }

        void close(CatalogState after) {
            this.statements.add(StatementFacts.between(this.pending, true, this.start, this.current, this.locksBefore,
                    after));
            this.current = after;
            this.locksBefore = after.locks();
            this.pending = null;
        }

        RevisionFacts facts(@Nullable RuntimeException failure, String historyTable) {
            Map<String, Set<String>> tables = new LinkedHashMap<>();
            for (Relation relation : this.start.relations().values()) {
                if (relation.isTable() && !relation.name().equals(historyTable)) {
                    Set<String> columns = new LinkedHashSet<>();
                    this.start.columnsOf(relation.oid()).forEach((column) -> columns.add(column.name()));
                    tables.put(relation.name(), columns);
                }
            }
            return new RevisionFacts(this.revision, this.statements, tables, failure,
                    (failure != null) ? this.pending : null);
        }

    }

}
