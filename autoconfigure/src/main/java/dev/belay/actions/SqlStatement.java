package dev.belay.actions;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL statement with how it may be run.
 *
 * @param sql a single statement, names unqualified (the caller sets {@code search_path})
 * @param mode whether it may share a transaction
 */
public record SqlStatement(String sql, TransactionMode mode) {

    /** The statements that take {@code CONCURRENTLY} only to avoid long locks, up to that word. */
    private static final Pattern CONCURRENTLY = Pattern.compile(
            "(?is)^(\\s*(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX\\s+(?:\\([^)]*\\)\\s*)?"
                    + "(?:INDEX|TABLE|SCHEMA|DATABASE|SYSTEM)))\\s+CONCURRENTLY\\b");

    /**
     * The statements that end or start a transaction (not savepoints, which stay inside one).
     * {@code END} and {@code ABORT} are PostgreSQL's own words for {@code COMMIT} and
     * {@code ROLLBACK}.
     */
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?is)^\\s*(?:BEGIN|START\\s+TRANSACTION|COMMIT|END|ABORT|PREPARE\\s+TRANSACTION"
                    + "|ROLLBACK(?!\\s+(?:WORK\\s+|TRANSACTION\\s+)?TO\\b))\\b");

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(mode, "mode");
    }

    public static SqlStatement of(String sql) {
        return new SqlStatement(sql, TransactionMode.IN_TRANSACTION);
    }

    /**
     * The same change as a statement that may run inside a transaction, for a rehearsal where
     * locks do not matter (a scratch schema, rolled back): {@code CREATE INDEX CONCURRENTLY} and
     * {@code DROP INDEX CONCURRENTLY} without {@code CONCURRENTLY}, keeping what follows it, so
     * {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (x)} becomes
     * {@code CREATE INDEX IF NOT EXISTS i ON t (x)} and {@code DROP INDEX CONCURRENTLY IF EXISTS i}
     * becomes {@code DROP INDEX IF EXISTS i}. This statement itself when it may already run in a
     * transaction; empty when it has no such form (say, {@code VACUUM}).
     */
    public Optional<SqlStatement> inTransaction() {
        if (this.mode != TransactionMode.NO_TRANSACTION) {
            return Optional.of(this);
        }
        Matcher matcher = CONCURRENTLY.matcher(this.sql);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new SqlStatement(matcher.group(1) + this.sql.substring(matcher.end()),
                TransactionMode.IN_TRANSACTION));
    }

    /**
     * Whether the statement starts or ends a transaction ({@code BEGIN}, {@code COMMIT},
     * {@code ROLLBACK}...): inside a revision's transaction it would commit half of the revision's
     * work, or the work without its history row.
     */
    public boolean controlsTransaction() {
        return controlsTransaction(this.sql);
    }

    /** Whether SQL text {@linkplain #controlsTransaction() starts or ends a transaction}. */
    public static boolean controlsTransaction(String sql) {
        return TRANSACTION_CONTROL.matcher(sql).find();
    }

    @Override
    public String toString() {
        return this.sql;
    }

}
