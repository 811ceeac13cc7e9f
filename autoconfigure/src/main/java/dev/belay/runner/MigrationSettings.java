package dev.belay.runner;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where and how a {@link MigrationRunner} migrates.
 *
 * @param schema the managed schema as PostgreSQL stores its name (case-sensitive, unquoted), or
 * {@code null} for the connection's current schema
 * @param historyTable the history table's name in the managed schema
 * @param lockTimeout PostgreSQL's {@code lock_timeout} for migration statements; zero waits forever
 * @param lockWait how long to wait for another instance's migration lock before giving up
 */
public record MigrationSettings(@Nullable String schema, String historyTable, Duration lockTimeout,
        Duration lockWait) {

    /** The history table's name unless configured otherwise. */
    public static final String DEFAULT_HISTORY_TABLE = "belay_history";

    public MigrationSettings {
        if (schema != null && schema.isEmpty()) {
            throw new IllegalArgumentException("The schema name must not be empty");
        }
        Objects.requireNonNull(historyTable, "historyTable");
        if (historyTable.isEmpty()) {
            throw new IllegalArgumentException("The history table name must not be empty");
        }
        requireNotNegative(Objects.requireNonNull(lockTimeout, "lockTimeout"), "lockTimeout");
        requireNotNegative(Objects.requireNonNull(lockWait, "lockWait"), "lockWait");
    }

    /** The current schema, {@code belay_history}, a 10 s lock timeout and a 5 min lock wait. */
    public static MigrationSettings defaults() {
        return new MigrationSettings(null, DEFAULT_HISTORY_TABLE, Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    /** The same settings for another schema. */
    public MigrationSettings withSchema(String schema) {
        return new MigrationSettings(schema, this.historyTable, this.lockTimeout, this.lockWait);
    }

    private static void requireNotNegative(Duration duration, String name) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, but is " + duration);
        }
    }

}
