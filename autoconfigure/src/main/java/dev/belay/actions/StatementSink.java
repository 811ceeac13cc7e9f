package dev.belay.actions;

/**
 * Where {@link DatabaseActions} sends its statements: a database connection when a revision
 * runs, or a {@link RecordingStatementSink} when a plan is built or a dry run is asked for.
 */
@FunctionalInterface
public interface StatementSink {

    void execute(SqlStatement statement);

}
