package dev.belay.actions;

import java.util.Objects;

/**
 * One SQL statement with how it may be run.
 *
 * @param sql a single statement, names unqualified (the caller sets {@code search_path})
 * @param mode whether it may share a transaction
 */
public record SqlStatement(String sql, TransactionMode mode) {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(mode, "mode");
    }

    public static SqlStatement of(String sql) {
        return new SqlStatement(sql, TransactionMode.IN_TRANSACTION);
    }

    @Override
    public String toString() {
        return this.sql;
    }

}
