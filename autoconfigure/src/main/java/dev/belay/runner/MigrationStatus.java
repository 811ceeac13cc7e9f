package dev.belay.runner;

import java.util.List;
import java.util.Objects;

/**
 * Where a database stands against the application's revisions.
 *
 * @param schema the managed schema
 * @param historyTable the history table, schema-qualified as SQL
 * @param heads the heads of the application's revision graph, sorted
 * @param current the database's heads: applied revisions that no applied revision comes after
 * @param revisions every revision of the application in graph order, followed by those the
 * database has that the application does not
 */
public record MigrationStatus(String schema, String historyTable, List<String> heads, List<String> current,
        List<RevisionStatus> revisions) {

    public MigrationStatus {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(historyTable, "historyTable");
        heads = List.copyOf(heads);
        current = List.copyOf(current);
        revisions = List.copyOf(revisions);
    }

    /** The revisions in the given state, in the order of {@link #revisions()}. */
    public List<RevisionStatus> inState(RevisionState state) {
        return this.revisions.stream().filter((revision) -> revision.state() == state).toList();
    }

    /** Whether every revision is applied and nothing is incomplete or unknown. */
    public boolean upToDate() {
        return this.revisions.stream().allMatch((revision) -> revision.state() == RevisionState.APPLIED);
    }

}
