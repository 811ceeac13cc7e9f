package dev.belay.codegen;

import java.util.List;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.RecordingStatementSink;
import dev.belay.actions.SqlStatement;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;

import org.springframework.jdbc.core.JdbcTemplate;

/** A {@link Migrator} that records what a revision sends instead of running it. */
final class RecordingMigrator implements Migrator {

    private final RecordingStatementSink sink = new RecordingStatementSink();

    private final DatabaseActions actions = new DatabaseActions(this.sink);

    /** What {@code revision.up} sends. */
    static List<SqlStatement> up(Revision revision) {
        RecordingMigrator migrator = new RecordingMigrator();
        revision.up(migrator);
        return migrator.sink.statements();
    }

    /** What {@code revision.down} sends. */
    static List<SqlStatement> down(Revision revision) {
        RecordingMigrator migrator = new RecordingMigrator();
        revision.down(migrator);
        return migrator.sink.statements();
    }

    @Override
    public DatabaseActions actions() {
        return this.actions;
    }

    @Override
    public JdbcTemplate jdbc() {
        throw new UnsupportedOperationException("Generated revisions use actions() only");
    }

    @Override
    public String schema() {
        return "recorded";
    }

    @Override
    public boolean dryRun() {
        return true;
    }

}
