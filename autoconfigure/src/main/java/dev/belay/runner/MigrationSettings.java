package dev.belay.runner;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.belay.schema.Schema;

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
 * @param ignoredTables tables of the managed schema that other tools own, which Belay neither
 * compares nor changes nor records, like its own history table: by default
 * {@link #OTHER_TOOLS_TABLES}
 */
public record MigrationSettings(@Nullable String schema, String historyTable, Duration lockTimeout,
        Duration lockWait, int lockRetries, SortedSet<String> ignoredTables) {

    /** The history table's name unless configured otherwise. */
    public static final String DEFAULT_HISTORY_TABLE = "belay_history";

    /**
     * The history tables of Flyway and Liquibase under their default names: a database taken over
     * from them keeps them (their history is worth keeping), and they are never Belay's to drop.
     */
    public static final Set<String> OTHER_TOOLS_TABLES = Set.of("flyway_schema_history", "databasechangelog",
            "databasechangeloglock");

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
        ignoredTables = Collections.unmodifiableSortedSet(new TreeSet<>(ignoredTables));
        if (ignoredTables.contains(historyTable)) {
            throw new IllegalArgumentException("The history table " + historyTable + " cannot be one of the tables "
                    + "that other tools own");
        }
    }

    /** Settings that leave the history tables of Flyway and Liquibase alone. */
    public MigrationSettings(@Nullable String schema, String historyTable, Duration lockTimeout, Duration lockWait,
            int lockRetries) {
        this(schema, historyTable, lockTimeout, lockWait, lockRetries, new TreeSet<>(OTHER_TOOLS_TABLES));
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
        return new MigrationSettings(schema, this.historyTable, this.lockTimeout, this.lockWait, this.lockRetries,
                this.ignoredTables);
    }

    /** The same settings with another number of lock retries. */
    public MigrationSettings withLockRetries(int lockRetries) {
        return new MigrationSettings(this.schema, this.historyTable, this.lockTimeout, this.lockWait, lockRetries,
                this.ignoredTables);
    }

    /** The same settings, leaving these tables alone too (the history table among them is skipped). */
    public MigrationSettings withIgnoredTables(Collection<String> tables) {
        SortedSet<String> ignored = new TreeSet<>(this.ignoredTables);
        tables.stream().filter((table) -> !table.isBlank() && !table.equals(this.historyTable)).forEach(ignored::add);
        return new MigrationSettings(this.schema, this.historyTable, this.lockTimeout, this.lockWait,
                this.lockRetries, ignored);
    }

    /** Every table of the managed schema that is not Belay's to manage: the history table and the ignored ones. */
    public SortedSet<String> unmanagedTables() {
        SortedSet<String> tables = new TreeSet<>(this.ignoredTables);
        tables.add(this.historyTable);
        return Collections.unmodifiableSortedSet(tables);
    }

    /** An inspected schema without the tables Belay does not manage: what Belay compares and records. */
    public Schema managed(Schema inspected) {
        return inspected.withoutTables(unmanagedTables());
    }

    private static void requireNotNegative(Duration duration, String name) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, but is " + duration);
        }
    }

}
