package dev.belay.runner;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * The database error behind a failure: Belay's own exceptions and Spring's wrap the
 * {@link SQLException} that says what PostgreSQL refused, and its SQLSTATE decides what Belay
 * does next (retry a lock timeout, call a lost session by its name, fall back to the dev
 * database).
 */
public final class SqlFailures {

    private SqlFailures() {
    }

    /** The first {@link SQLException} in the failure's chain of causes, or {@code null}. */
    public static @Nullable SQLException cause(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The SQLSTATE of that {@link SQLException}, or {@code null}. */
    public static @Nullable String state(@Nullable Throwable failure) {
        SQLException sql = cause(failure);
        return (sql != null) ? sql.getSQLState() : null;
    }

}
