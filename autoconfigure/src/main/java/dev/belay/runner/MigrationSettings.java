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
 * @param lockRetries how many times to try a revision (or, in a non-transactional revision, a
 * statement) again after a statement timed out on {@code lockTimeout}
 */
public record MigrationSettings(@Nullable String schema, String historyTable, Duration lockTimeout,
        Duration lockWait, int lockRetries) {

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
        if (lockRetries < 0) {
            throw new IllegalArgumentException("lockRetries must not be negative, but is " + lockRetries);
        }
    }

    /** Settings that never try a revision again after a lock timeout. */
    public MigrationSettings(@Nullable String schema, String historyTable, Duration lockTimeout, Duration lockWait) {
        this(schema, historyTable, lockTimeout, lockWait, 0);
    }

    /**
     * The current schema, {@code belay_history}, a 10 s lock timeout, a 5 min lock wait and no
     * retries.
     */
    public static MigrationSettings defaults() {
        return new MigrationSettings(null, DEFAULT_HISTORY_TABLE, Duration.ofSeconds(10), Duration.ofMinutes(5), 0);
    }

    /** The same settings for another schema. */
    public MigrationSettings withSchema(String schema) {
        return new MigrationSettings(schema, this.historyTable, this.lockTimeout, this.lockWait, this.lockRetries);
    }

    /** The same settings with another number of lock retries. */
    public MigrationSettings withLockRetries(int lockRetries) {
        return new MigrationSettings(this.schema, this.historyTable, this.lockTimeout, this.lockWait, lockRetries);
    }

    private static void requireNotNegative(Duration duration, String name) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, but is " + duration);
        }
    }

}
