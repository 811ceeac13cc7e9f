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
 */
public record HistoryEntry(String id, List<String> parents, String message, HistoryState state, long rank,
        Instant appliedAt, @Nullable Long executionMs, String appliedBy) {

    public HistoryEntry {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(appliedBy, "appliedBy");
    }

}
