package dev.belay.runner;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One revision and where it stands in the database.
 *
 * @param id the revision's id
 * @param parents the ids it comes after
 * @param message what it does
 * @param state applied, pending, incomplete or unknown
 * @param appliedAt when it was applied (or started, when incomplete); {@code null} when pending
 * @param executionMs how long it took; {@code null} when pending or incomplete
 * @param appliedBy the database user that applied it; {@code null} when pending
 */
public record RevisionStatus(String id, List<String> parents, String message, RevisionState state,
        @Nullable Instant appliedAt, @Nullable Long executionMs, @Nullable String appliedBy) {

    public RevisionStatus {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
    }

}
