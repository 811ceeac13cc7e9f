package dev.belay.runner;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.belay.actions.SqlStatement;

/**
 * One revision that was applied or rolled back (or, in a dry run, would have been).
 *
 * @param id the revision's id
 * @param message its message
 * @param startedAt when it started
 * @param executionMs how long its {@code up} or {@code down} took
 * @param statements the SQL it sent, in order: statements of {@code actions()} and of
 * {@code jdbc()}; in a dry run those that cannot run in a transaction were recorded, not run
 */
public record RevisionRun(String id, String message, Instant startedAt, long executionMs,
        List<SqlStatement> statements) {

    public RevisionRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(startedAt, "startedAt");
        statements = List.copyOf(statements);
    }

}
