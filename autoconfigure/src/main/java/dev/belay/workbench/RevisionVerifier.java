package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.belay.actions.SchemaSnapshot;
import dev.belay.actions.SchemaSnapshot.ObjectDifference;
import dev.belay.revision.HistoryEntry;
import dev.belay.revision.HistoryState;
import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionGraph;
import dev.belay.revision.RevisionHistory;
import dev.belay.revision.RevisionInfo;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.ScratchSchema;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;

import org.jspecify.annotations.Nullable;

/**
 * {@code belay verify}: whether the revisions applied to a database still do what they did
 * there. Each run of revisions recorded its effect (the objects it added, changed and removed,
 * see {@link SchemaSnapshot#effectTo}); the verifier replays the applied revisions in the order
 * they were applied, in a scratch schema (of the application's database, rolled back, or of the
 * dev database), reads the effect of each run again and compares. A revision whose body was
 * edited since it was applied shows up as a run whose effect changed; an edit that changes no
 * effect (formatting, comments, a renamed variable) does not.
 */
public final class RevisionVerifier {

    /** Runs with more revisions than this are not taken apart to find the edited one. */
    private static final int ATTRIBUTED = 50;

    private final MigrationRunner runner;

    private final MigrationRunner rehearsal;

    private final SchemaInspector inspector;

    /**
     * @param runner the application's revisions and database, whose history is read
     * @param rehearsal where the revisions are replayed: the same runner (a scratch schema of the
     * application's database) or one on the dev database
     * @param inspector reads what the replay built
     */
    public RevisionVerifier(MigrationRunner runner, MigrationRunner rehearsal, SchemaInspector inspector) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.rehearsal = Objects.requireNonNull(rehearsal, "rehearsal");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
    }

    /** Replays the applied revisions and compares each run's effect with the one recorded. */
    public Verification verify() {
        MigrationStatus status = this.runner.status();
        RevisionGraph graph = this.runner.graph();
        History history = readHistory(status);
        List<RevisionInfo> order = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (HistoryEntry entry : history.entries()) {
            Optional<RevisionInfo> info = graph.find(entry.id());
            if (info.isEmpty()) {
                unknown.add(entry.id());
                break;
            }
            if (entry.state() != HistoryState.APPLIED) {
                break;
            }
            order.add(info.get());
        }
        List<HistoryEntry> replayed = history.entries().subList(0, order.size());
        List<Run> runs = runs(replayed, history.effects());
        List<String> unchecked = replayed.stream()
            .filter((entry) -> runs.stream().noneMatch((run) -> run.revisions().contains(entry.id())))
            .map(HistoryEntry::id)
            .toList();
        if (runs.isEmpty()) {
            return new Verification(status.schema(), List.of(), 0, unchecked, unknown);
        }
        Map<String, SchemaSnapshot> after = replay(order, runs);
        List<EditedRun> edited = new ArrayList<>();
        int checked = 0;
        for (Run run : runs) {
            checked += run.revisions().size();
            SchemaSnapshot before = after.getOrDefault(run.before(), SchemaSnapshot.of(Schema.empty()));
            SchemaSnapshot now = before.effectTo(after.get(run.last()));
            if (!now.fingerprint().equals(run.recorded().fingerprint())) {
                List<ObjectDifference> differences = run.recorded().differencesTo(now);
                edited.add(new EditedRun(run.revisions(), suspects(run, after, differences), differences,
                        run.entry()));
            }
        }
        return new Verification(status.schema(), edited, checked, unchecked, unknown);
    }

    /** The history with the recorded effect of each run's last revision. */
    private History readHistory(MigrationStatus status) {
        RevisionHistory history = new RevisionHistory(status.schema(), this.runner.settings().historyTable());
        try (Connection connection = this.runner.dataSource().getConnection()) {
            if (!history.exists(connection)) {
                return new History(history.table(), List.of(), Map.of());
            }
            boolean recorded = history.hasFingerprintColumns(connection);
            List<HistoryEntry> entries = history.read(connection, recorded);
            Map<String, SchemaSnapshot> effects = new HashMap<>();
            if (recorded) {
                history.effects(connection).forEach((id, effect) -> effects.put(id, SchemaSnapshot.decompress(effect)));
            }
            return new History(history.table(), entries, effects);
        }
        catch (SQLException ex) {
            throw new MigrationException("Belay could not read the history of schema " + status.schema() + ": "
                    + ex.getMessage() + " [SQLSTATE " + ex.getSQLState() + "].",
                    "Check that the database is reachable and that its user may read " + status.historyTable() + ".",
                    ex);
        }
    }

    /**
     * The runs whose effect was recorded: the revisions applied together (same run id, one after
     * the other), the revision before them, and the recorded effect.
     */
    private static List<Run> runs(List<HistoryEntry> entries, Map<String, SchemaSnapshot> effects) {
        List<Run> runs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < entries.size(); i++) {
            HistoryEntry entry = entries.get(i);
            boolean lastOfRun = i + 1 == entries.size() || entry.runId() == null
                    || !entry.runId().equals(entries.get(i + 1).runId());
            if (!lastOfRun) {
                continue;
            }
            SchemaSnapshot recorded = effects.get(entry.id());
            if (recorded != null && entry.runId() != null) {
                List<String> revisions = entries.subList(start, i + 1).stream().map(HistoryEntry::id).toList();
                runs.add(new Run(revisions, (start > 0) ? entries.get(start - 1).id() : null, entry.id(), recorded,
                        entry));
            }
            start = i + 1;
        }
        return runs;
    }

    /**
     * Replays the revisions in a scratch schema and keeps what the schema was after the revisions
     * that runs start after and end with, and after each revision of a run of several (to find
     * the edited one).
     */
    private Map<String, SchemaSnapshot> replay(List<RevisionInfo> order, List<Run> runs) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Run run : runs) {
            if (run.before() != null) {
                wanted.add(run.before());
            }
            if (run.revisions().size() > 1 && run.revisions().size() <= ATTRIBUTED) {
                wanted.addAll(run.revisions());
            }
            wanted.add(run.last());
        }
        String scratch = ScratchSchema.newName("belay_verify_");
        Map<String, SchemaSnapshot> after = new HashMap<>();
        this.rehearsal.rehearse(scratch, order, (connection, revision) -> {
            if (wanted.contains(revision.id())) {
                after.put(revision.id(),
                        SchemaSnapshot.of(this.runner.settings().managed(this.inspector.inspect(connection, scratch))));
            }
        }, (connection) -> null);
        return after;
    }

    /**
     * The revisions of a run that touch the objects whose effect changed: the run's only
     * revision, or those of a longer run whose own effect names one of them (all of them when
     * none does, or the run was too long to take apart).
     */
    private static List<String> suspects(Run run, Map<String, SchemaSnapshot> after,
            List<ObjectDifference> differences) {
        if (run.revisions().size() == 1) {
            return run.revisions();
        }
        Set<String> objects = new TreeSet<>();
        differences.forEach((difference) -> objects.add(difference.object().substring(1)));
        List<String> suspects = new ArrayList<>();
        SchemaSnapshot previous = (run.before() != null) ? after.get(run.before())
                : SchemaSnapshot.of(Schema.empty());
        for (String revision : run.revisions()) {
            SchemaSnapshot now = after.get(revision);
            if (previous == null || now == null) {
                return run.revisions();
            }
            boolean touches = previous.effectTo(now).lines().keySet().stream()
                .anyMatch((line) -> objects.contains(line.substring(1)));
            if (touches) {
                suspects.add(revision);
            }
            previous = now;
        }
        return suspects.isEmpty() ? run.revisions() : suspects;
    }

    private record History(String table, List<HistoryEntry> entries, Map<String, SchemaSnapshot> effects) {

    }

    /**
     * Revisions applied together, whose effect was recorded on the last.
     *
     * @param revisions their ids, in the order they were applied
     * @param before the revision applied just before them, or {@code null} when they came first
     * @param last the last of them
     * @param recorded the effect recorded when they were applied
     * @param entry the last one's history row
     */
    private record Run(List<String> revisions, @Nullable String before, String last, SchemaSnapshot recorded,
            HistoryEntry entry) {

    }

}
