package dev.belay.actions;

import java.util.Objects;

/**
 * The recipe book of schema changes. Each method writes the PostgreSQL statements for one change
 * and sends them to a {@link StatementSink}; names are quoted where needed and literals escaped,
 * and statements are unqualified (the caller sets {@code search_path} to the managed schema).
 * <p>
 * The same methods build a plan's SQL (with a recording sink) and run a revision's
 * {@code up} and {@code down} (with the migration's connection), so generated revisions do
 * exactly what the plan showed.
 */
public class DatabaseActions {

    private final StatementSink sink;

    public DatabaseActions(StatementSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Runs a statement of your own, for what no recipe covers. */
    public void execute(String sql) {
        execute(SqlStatement.of(sql));
    }

    /** Runs a statement of your own with an explicit transaction mode. */
    public void execute(SqlStatement statement) {
        this.sink.execute(statement);
    }

}
