package dev.belay.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.SqlStatement;
import dev.belay.actions.StatementSink;
import dev.belay.actions.TransactionMode;
import dev.belay.revision.MigrationException;
import dev.belay.revision.Migrator;
import dev.belay.revision.RevisionInfo;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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

    private static final Log logger = LogFactory.getLog(RevisionSession.class);

    /** How the revision runs. */
    enum Mode {

        /** Inside the revision's transaction. */
        TRANSACTIONAL,

        /** Each statement commits on its own. */
        AUTOCOMMIT,

        /**
         * Inside a transaction that will be rolled back, in a scratch schema (a dry run, or a
         * rehearsal of the chain): statements that cannot run in a transaction run in their
         * transactional form ({@link SqlStatement#inTransaction()}), so that what they build is
         * there; those without one are recorded only.
         */
        REHEARSAL

    }

    private final Connection connection;

    private final String schema;

    private final Mode mode;

    private final RevisionInfo revision;

    private final LockGuard lock;

    private final LockRetries retries;

    private final DatabaseActions actions;

    private final List<SqlStatement> statements = new ArrayList<>();

    private final List<String> droppedInvalidIndexes = new ArrayList<>();

    private final MigrationRunner.@Nullable RehearsalObserver observer;

    private @Nullable JdbcTemplate jdbc;

    /**
     * @param lock checked before each statement that commits on its own ({@link Mode#AUTOCOMMIT})
     * @param retries how often such a statement is tried again when it times out on a lock
     */
    RevisionSession(Connection connection, String schema, Mode mode, RevisionInfo revision, LockGuard lock,
            LockRetries retries) {
        this(connection, schema, mode, revision, lock, retries, null);
    }

    /**
     * A session of a rehearsal or dry run, which takes no lock and retries nothing.
     * @param observer told of each statement before it is sent
     */
    RevisionSession(Connection connection, String schema, RevisionInfo revision,
            MigrationRunner.RehearsalObserver observer) {
        this(connection, schema, Mode.REHEARSAL, revision, LockGuard.NONE, LockRetries.NONE, observer);
    }

    private RevisionSession(Connection connection, String schema, Mode mode, RevisionInfo revision, LockGuard lock,
            LockRetries retries, MigrationRunner.@Nullable RehearsalObserver observer) {
        this.connection = connection;
        this.schema = schema;
        this.mode = mode;
        this.revision = revision;
        this.lock = lock;
        this.retries = retries;
        this.observer = observer;
        this.actions = new DatabaseActions(this);
    }

    @Override
    public DatabaseActions actions() {
        return this.actions;
    }

    @Override
    public JdbcTemplate jdbc() {
        if (this.jdbc == null) {
            Connection recording = RecordingConnection.wrap(this.connection, (sql) -> {
                SqlStatement statement = SqlStatement.of(sql);
                if (this.mode != Mode.AUTOCOMMIT && statement.controlsTransaction()) {
                    observe(statement, false);
                    throw transactionControl(statement);
                }
                observe(statement, true);
                this.statements.add(statement);
                if (this.mode == Mode.AUTOCOMMIT) {
                    checkLock();
                }
            });
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
        return this.mode == Mode.REHEARSAL;
    }

    @Override
    public void execute(SqlStatement statement) {
        if (statement.controlsTransaction()) {
            if (this.mode == Mode.TRANSACTIONAL || (this.mode == Mode.REHEARSAL && this.revision.transactional())) {
                observe(statement, false);
                throw transactionControl(statement);
            }
            if (this.mode == Mode.REHEARSAL) {
                // A non-transactional revision may group its statements so; the rehearsal's
                // transaction must not end with them.
                observe(statement, false);
                this.statements.add(statement);
                return;
            }
        }
        if (statement.mode() == TransactionMode.NO_TRANSACTION) {
            if (this.mode == Mode.TRANSACTIONAL) {
                throw new MigrationException(
                        "Revision " + this.revision.describe() + " runs a statement that cannot run inside a "
                                + "transaction: " + statement.sql(),
                        "Declare the revision with @MigrationRevision(..., transactional = false); each of its "
                                + "statements then commits on its own.");
            }
            if (this.mode == Mode.REHEARSAL) {
                Optional<SqlStatement> sent = statement.inTransaction();
                observe(statement, sent.isPresent());
                this.statements.add(statement);
                sent.ifPresent(this::send);
                return;
            }
        }
        observe(statement, true);
        // An OWN_TRANSACTION statement (ALTER TYPE ... ADD VALUE) runs in the revision's transaction:
        // PostgreSQL allows it, and a later use of the new value fails with 55P04, which the runner
        // explains (use the value in a later revision, or make this one non-transactional).
        this.statements.add(statement);
        run(statement);
    }

    private void run(SqlStatement statement) {
        if (this.mode != Mode.AUTOCOMMIT) {
            send(statement);
            return;
        }
        // Each statement commits on its own: none may run once the lock is gone, and a statement
        // that timed out on a lock left nothing behind, so it may simply be tried again.
        Optional<String> index = (statement.mode() == TransactionMode.NO_TRANSACTION)
                ? InvalidIndexes.builtBy(statement.sql()) : Optional.empty();
        for (int tries = 1;; tries++) {
            checkLock();
            index.ifPresent((name) -> dropInvalid(name, "left by an earlier attempt"));
            try {
                send(statement);
                return;
            }
            catch (DataAccessException ex) {
                index.ifPresent((name) -> dropInvalid(name, "left by the failed statement"));
                if (!LockRetries.isLockTimeout(ex) || !this.retries.allowsAnother(tries)) {
                    throw ex;
                }
                logger.warn("Revision " + this.revision.describe() + ": statement timed out waiting for a lock (try "
                        + tries + " of " + (this.retries.retries() + 1) + "), trying again in "
                        + this.retries.pauseAfter(tries).toSeconds() + " s: " + statement.sql() + blockers(statement));
                this.retries.pause(tries);
            }
        }
    }

    /** Tells the rehearsal's observer of a statement about to be sent (or only recorded). */
    private void observe(SqlStatement statement, boolean sent) {
        if (this.observer == null) {
            return;
        }
        try {
            this.observer.beforeStatement(this.connection, this.revision, statement, sent);
        }
        catch (SQLException ex) {
            throw new UncategorizedSQLException("Revision '" + this.revision.id() + "' (rehearsal)", statement.sql(),
                    ex);
        }
    }

    private MigrationException transactionControl(SqlStatement statement) {
        if (!this.revision.transactional()) {
            // Only a rehearsal refuses it here: jdbc() cannot leave out one statement of many.
            return new MigrationException("Revision " + this.revision.describe() + " sends " + statement.sql()
                    + " through jdbc(), which would end the transaction of this rehearsal (a dry run, belay lint or "
                    + "belay generate --shadow), and a rehearsal cannot leave it out.",
                    "Send it with m.actions().execute(\"" + statement.sql() + "\") instead: a rehearsal records it "
                            + "without running it, and apply runs it as before.");
        }
        return new MigrationException("Revision " + this.revision.describe() + " starts or ends a transaction itself: "
                + statement.sql() + ". Belay runs a transactional revision and its history row in one transaction, "
                + "which this would split.",
                "Remove the statement: the revision commits as a whole. To commit steps one by one, declare it with "
                        + "@MigrationRevision(..., transactional = false).");
    }

    private void send(SqlStatement statement) {
        try (Statement jdbcStatement = this.connection.createStatement()) {
            jdbcStatement.execute(statement.sql());
            logNotices(jdbcStatement.getWarnings());
        }
        catch (SQLException ex) {
            String task = "Revision '" + this.revision.id() + "'";
            DataAccessException translated = new SQLStateSQLExceptionTranslator().translate(task, statement.sql(), ex);
            throw (translated != null) ? translated : new UncategorizedSQLException(task, statement.sql(), ex);
        }
    }

    /**
     * Logs what the server said while running a statement: a recipe tells with a notice what it
     * decided on the data it found (a sequence that moved to fit new limits, say).
     */
    private void logNotices(@Nullable SQLWarning warning) {
        for (SQLWarning notice = warning; notice != null; notice = notice.getNextWarning()) {
            logger.info("Revision " + this.revision.describe() + ": " + notice.getMessage());
        }
    }

    private void checkLock() {
        try {
            this.lock.check();
        }
        catch (SQLException ex) {
            throw new UncategorizedSQLException("Revision '" + this.revision.id() + "'", "(migration lock check)", ex);
        }
    }

    private void dropInvalid(String index, String why) {
        try {
            InvalidIndexes.dropIfInvalid(this.connection, index).ifPresent((dropped) -> {
                this.droppedInvalidIndexes.add(dropped);
                logger.warn("Revision " + this.revision.describe() + ": dropped the invalid index " + dropped + " "
                        + why + " (CREATE INDEX CONCURRENTLY leaves one behind when it fails)");
            });
        }
        catch (SQLException ex) {
            logger.warn("Revision " + this.revision.describe() + ": could not drop the invalid index " + index + " "
                    + why + "; drop it by hand (DROP INDEX CONCURRENTLY " + index + ")", ex);
        }
    }

    /** Who holds locks on what the statement names, for a log line. */
    private String blockers(SqlStatement statement) {
        try {
            List<String> holders = SessionReport.holdingLocksFor(this.connection, this.schema, statement.sql());
            return holders.isEmpty() ? "" : " (held by " + String.join("; ", holders) + ")";
        }
        catch (SQLException ex) {
            return "";
        }
    }

    /** The invalid indexes Belay dropped after failed {@code CREATE INDEX CONCURRENTLY} statements. */
    List<String> droppedInvalidIndexes() {
        return List.copyOf(this.droppedInvalidIndexes);
    }

    /** The statements sent so far (in a rehearsal, including those only recorded), in order. */
    List<SqlStatement> statements() {
        return List.copyOf(this.statements);
    }

    /** Whether anything was sent to the database (or recorded, in a rehearsal). */
    boolean sentAnything() {
        return !this.statements.isEmpty();
    }

}
