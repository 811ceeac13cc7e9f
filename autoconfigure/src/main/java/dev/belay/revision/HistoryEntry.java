package dev.belay.revision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One row of the history table.
 *
 * @param id the revision's id
 * @param parents the ids it came after when it was applied
 * @param message its message when it was applied
 * @param state whether it is applied or was interrupted
 * @param rank the order in which revisions were applied (higher is later)
 * @param appliedAt when it was applied (or started, for an interrupted revision)
 * @param executionMs how long {@code up} took, when it finished
 * @param appliedBy the database user that applied it
 * @param runId the run of {@code belay apply} (or start) that applied it, shared by the revisions
 * applied together; {@code null} when stamped, or applied before Belay recorded runs
 * @param effectFingerprint on the last revision of a run: the fingerprint of what the run changed
 * in the schema (see {@link dev.belay.actions.SchemaSnapshot#effectTo}); otherwise {@code null}
 */
public record HistoryEntry(String id, List<String> parents, String message, HistoryState state, long rank,
        Instant appliedAt, @Nullable Long executionMs, String appliedBy, @Nullable String runId,
        @Nullable String effectFingerprint) {

    public HistoryEntry {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(appliedBy, "appliedBy");
    }

    /** A row without a recorded run. */
    public HistoryEntry(String id, List<String> parents, String message, HistoryState state, long rank,
            Instant appliedAt, @Nullable Long executionMs, String appliedBy) {
        this(id, parents, message, state, rank, appliedAt, executionMs, appliedBy, null, null);
    }

}
