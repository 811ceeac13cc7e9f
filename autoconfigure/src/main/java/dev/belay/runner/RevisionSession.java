package dev.belay.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.SqlStatement;
import dev.belay.actions.StatementSink;
import dev.belay.actions.TransactionMode;
import dev.belay.revision.MigrationException;
import dev.belay.revision.Migrator;
import dev.belay.revision.RevisionInfo;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * The {@link Migrator} of one revision's {@code up} or {@code down}: runs its statements on the
 * migration's connection according to how the revision runs, and keeps every statement it sends.
 */
final class RevisionSession implements Migrator, StatementSink {

    /** How the revision runs. */
    enum Mode {

        /** Inside the revision's transaction. */
        TRANSACTIONAL,

        /** Each statement commits on its own. */
        AUTOCOMMIT,

        /**
         * Inside a transaction that will be rolled back; statements that cannot run in a
         * transaction are recorded only.
         */
        DRY_RUN,

        /**
         * Like a dry run, in a scratch schema, where statements that cannot run in a transaction
         * run in their transactional form ({@link SqlStatement#inTransaction()}), so that what
         * they build is there; those without one are recorded only.
         */
        REHEARSAL

    }

    private final Connection connection;

    private final String schema;

    private final Mode mode;

    private final RevisionInfo revision;

    private final DatabaseActions actions;

    private final List<SqlStatement> statements = new ArrayList<>();

    private @Nullable JdbcTemplate jdbc;

    RevisionSession(Connection connection, String schema, Mode mode, RevisionInfo revision) {
        this.connection = connection;
        this.schema = schema;
        this.mode = mode;
        this.revision = revision;
        this.actions = new DatabaseActions(this);
    }

    @Override
    public DatabaseActions actions() {
        return this.actions;
    }

    @Override
    public JdbcTemplate jdbc() {
        if (this.jdbc == null) {
            Connection recording = RecordingConnection.wrap(this.connection,
                    (sql) -> this.statements.add(SqlStatement.of(sql)));
            this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(recording, true));
        }
        return this.jdbc;
    }

    @Override
    public String schema() {
        return this.schema;
    }

    @Override
    public boolean dryRun() {
        return this.mode == Mode.DRY_RUN || this.mode == Mode.REHEARSAL;
    }

    @Override
    public void execute(SqlStatement statement) {
        if (statement.mode() == TransactionMode.NO_TRANSACTION) {
            if (this.mode == Mode.TRANSACTIONAL) {
                throw new MigrationException(
                        "Revision " + this.revision.describe() + " runs a statement that cannot run inside a "
                                + "transaction: " + statement.sql(),
                        "Declare the revision with @MigrationRevision(..., transactional = false); each of its "
                                + "statements then commits on its own.");
            }
            if (this.mode == Mode.DRY_RUN) {
                this.statements.add(statement);
                return;
            }
            if (this.mode == Mode.REHEARSAL) {
                this.statements.add(statement);
                java.util.Optional<SqlStatement> runnable = statement.inTransaction();
                if (runnable.isPresent()) {
                    run(runnable.get());
                }
                return;
            }
        }
        // An OWN_TRANSACTION statement (ALTER TYPE ... ADD VALUE) runs in the revision's transaction:
        // PostgreSQL allows it, and a later use of the new value fails with 55P04, which the runner
        // explains (use the value in a later revision, or make this one non-transactional).
        this.statements.add(statement);
        run(statement);
    }

    private void run(SqlStatement statement) {
        try (Statement jdbcStatement = this.connection.createStatement()) {
            jdbcStatement.execute(statement.sql());
        }
        catch (SQLException ex) {
            String task = "Revision '" + this.revision.id() + "'";
            DataAccessException translated = new SQLStateSQLExceptionTranslator().translate(task, statement.sql(), ex);
            throw (translated != null) ? translated : new UncategorizedSQLException(task, statement.sql(), ex);
        }
    }

    /** The statements sent so far (in a dry run, including those only recorded), in order. */
    List<SqlStatement> statements() {
        return List.copyOf(this.statements);
    }

    /** Whether anything was sent to the database (or recorded, in a dry run). */
    boolean sentAnything() {
        return !this.statements.isEmpty();
    }

}
