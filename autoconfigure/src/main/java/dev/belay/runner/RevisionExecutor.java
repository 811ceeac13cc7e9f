package dev.belay.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import dev.belay.revision.HistoryState;
import dev.belay.revision.MigrationException;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionHistory;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;
import dev.belay.runner.RevisionSession.Mode;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Runs one revision's {@code up} or {@code down} on the migration connection (which holds the
 * lock-protected session settings) and records it in the history table: a transactional
 * revision in one transaction with its row, a non-transactional one marked while it runs.
 * Failures come out as a {@link MigrationException} that names the revision, what became of it
 * and what to do.
 */
final class RevisionExecutor {

    private static final Log logger = LogFactory.getLog(RevisionExecutor.class);

    private final Revisions revisions;

    private final RevisionHistory history;

    private final Duration lockTimeout;

    RevisionExecutor(Revisions revisions, RevisionHistory history, Duration lockTimeout) {
        this.revisions = revisions;
        this.history = history;
        this.lockTimeout = lockTimeout;
    }

    /** Applies a revision and records it. */
    RevisionRun up(Connection connection, RevisionInfo info, List<RevisionRun> earlier)
            throws SQLException {
        return info.transactional() ? upInTransaction(connection, info, earlier)
                : upWithAutocommit(connection, info, earlier);
    }

    /** Rolls a revision back and deletes its record. */
    RevisionRun down(Connection connection, RevisionInfo info, List<RevisionRun> earlier)
            throws SQLException {
        return info.transactional() ? downInTransaction(connection, info, earlier)
                : downWithAutocommit(connection, info, earlier);
    }

    private RevisionRun upInTransaction(Connection connection, RevisionInfo info, List<RevisionRun> earlier)
            throws SQLException {
        return inTransaction(connection, info, earlier, Direction.UP,
                (executionMs) -> this.history.insert(connection, info, HistoryState.APPLIED, executionMs));
    }

    private RevisionRun downInTransaction(Connection connection, RevisionInfo info, List<RevisionRun> earlier)
            throws SQLException {
        return inTransaction(connection, info, earlier, Direction.DOWN,
                (executionMs) -> this.history.delete(connection, info.id()));
    }

    /** Runs one direction of a revision and its history update in one transaction. */
    private RevisionRun inTransaction(Connection connection, RevisionInfo info, List<RevisionRun> earlier,
            Direction direction, HistoryUpdate record) throws SQLException {
        Revision revision = instance(info, earlier);
        RevisionSession session = new RevisionSession(connection, this.history.schema(), Mode.TRANSACTIONAL, info);
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        try {
            direction.run(revision, session);
            long executionMs = millisSince(started);
            record.write(executionMs);
            connection.commit();
            return new RevisionRun(info.id(), info.message(), startedAt, executionMs, session.statements());
        }
        catch (RuntimeException | SQLException ex) {
            rollbackQuietly(connection, ex);
            throw failed(info, direction.method, ex, session, earlier, direction.rolledBack);
        }
        catch (Error ex) {
            rollbackQuietly(connection, ex);
            throw ex;
        }
        finally {
            autocommit(connection);
        }
    }

    private RevisionRun upWithAutocommit(Connection connection, RevisionInfo info, List<RevisionRun> earlier)
            throws SQLException {
        Revision revision = instance(info, earlier);
        RevisionSession session = new RevisionSession(connection, this.history.schema(), Mode.AUTOCOMMIT, info);
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        // Recorded before it runs, so that a run that dies midway leaves a row naming it.
        this.history.insert(connection, info, HistoryState.APPLYING, null);
        try {
            revision.up(session);
        }
        catch (RuntimeException ex) {
            if (!session.sentAnything()) {
                this.history.delete(connection, info.id());
                throw failed(info, "up", ex, session, earlier, "Nothing of it ran, so it was not recorded.");
            }
            throw failed(info, "up", ex, session, earlier,
                    "It runs without a transaction, so what it did before the failure stays; it is marked '"
                            + HistoryState.APPLYING.sql() + "' in " + this.history.qualifiedName() + ".",
                    incompleteFix(history, List.of(info.id())));
        }
        long executionMs = millisSince(started);
        this.history.markApplied(connection, info.id(), executionMs);
        return new RevisionRun(info.id(), info.message(), startedAt, executionMs, session.statements());
    }

    /**
     * Runs the pending revisions' {@code up} in one transaction that is rolled back, recording
     * their statements into {@code runs}.
     */
    void dryRun(Connection connection, boolean createHistory, List<RevisionInfo> pending, List<RevisionRun> runs)
            throws SQLException {
        rehearse(connection, createHistory, pending, runs, Mode.DRY_RUN, (rolledBack) -> null);
    }

    /**
     * Runs the pending revisions' {@code up} in one transaction, recording their statements into
     * {@code runs}, then hands the connection to {@code beforeRollback} and rolls everything back.
     * @param mode {@link Mode#DRY_RUN} or {@link Mode#REHEARSAL}
     */
    <T> T rehearse(Connection connection, boolean createHistory, List<RevisionInfo> pending, List<RevisionRun> runs,
            Mode mode, MigrationRunner.Inspection<T> beforeRollback) throws SQLException {
        connection.setAutoCommit(false);
        try {
            if (createHistory) {
                // Creates the schema too when it is missing, so statements have somewhere to go.
                this.history.create(connection);
            }
            for (RevisionInfo info : pending) {
                Revision revision = instance(info, runs);
                RevisionSession session = new RevisionSession(connection, this.history.schema(), mode, info);
                Instant startedAt = Instant.now();
                long started = System.nanoTime();
                try {
                    revision.up(session);
                }
                catch (RuntimeException ex) {
                    throw failed(info, "up", ex, session, List.of(), (mode == Mode.DRY_RUN)
                            ? "This was a dry run: nothing was changed."
                            : "This was a rehearsal in scratch schema " + this.history.schema()
                                    + ", which was rolled back: nothing was changed.");
                }
                runs.add(new RevisionRun(info.id(), info.message(), startedAt, millisSince(started),
                        session.statements()));
            }
            return beforeRollback.inspect(connection);
        }
        finally {
            connection.rollback();
            autocommit(connection);
        }
    }

    private RevisionRun downWithAutocommit(Connection connection, RevisionInfo info, List<RevisionRun> earlier)
            throws SQLException {
        Revision revision = instance(info, earlier);
        RevisionSession session = new RevisionSession(connection, this.history.schema(), Mode.AUTOCOMMIT, info);
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        this.history.setState(connection, info.id(), HistoryState.REVERTING);
        try {
            revision.down(session);
        }
        catch (RuntimeException ex) {
            if (!session.sentAnything()) {
                this.history.setState(connection, info.id(), HistoryState.APPLIED);
                throw failed(info, "down", ex, session, earlier, "Nothing of it ran, so it stays applied.");
            }
            throw failed(info, "down", ex, session, earlier,
                    "It runs without a transaction, so what it undid before the failure stays undone; it is marked '"
                            + HistoryState.REVERTING.sql() + "' in " + this.history.qualifiedName() + ".",
                    incompleteFix(history, List.of(info.id())));
        }
        long executionMs = millisSince(started);
        this.history.delete(connection, info.id());
        return new RevisionRun(info.id(), info.message(), startedAt, executionMs, session.statements());
    }

    private Revision instance(RevisionInfo info, List<RevisionRun> earlier) {
        try {
            return this.revisions.instance(info.id());
        }
        catch (MigrationException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new MigrationException("Could not create revision " + info.describe() + ": " + ex.getMessage()
                    + " Nothing of it was applied." + earlierNote(earlier),
                    "Fix what the revision needs (the cause below names it) and start again.", ex);
        }
    }

    static String incompleteFix(RevisionHistory history, List<String> ids) {
        String markApplied = ids.stream().map(history::markAppliedStatement).collect(Collectors.joining("; "));
        String delete = ids.stream().map(history::deleteStatement).collect(Collectors.joining("; "));
        return "Compare what the revision does with the database and finish or undo it by hand. Then, if it is now "
                + "fully applied, run: " + markApplied + "; or, if nothing of it remains, run: " + delete
                + " (Belay then applies it again on the next start).";
    }

    private MigrationException failed(RevisionInfo info, String method, Throwable ex, RevisionSession session,
            List<RevisionRun> earlier, String consequence) {
        return failed(info, method, ex, session, earlier, consequence, null);
    }

    private MigrationException failed(RevisionInfo info, String method, Throwable ex, RevisionSession session,
            List<RevisionRun> earlier, String consequence, @Nullable String fix) {
        if (ex instanceof MigrationException explained) {
            return new MigrationException(explained.problem() + " " + consequence + earlierNote(earlier),
                    (fix != null) ? explained.fix() + " " + fix : explained.fix(), ex);
        }
        SQLException sqlError = sqlCause(ex);
        String what;
        if (sqlError != null) {
            // A bare SQLException comes from Belay's own history row or commit, not from a statement of the revision.
            List<?> statements = (ex instanceof SQLException) ? List.of() : session.statements();
            what = sqlError.getMessage() + " [SQLSTATE " + sqlError.getSQLState() + "]"
                    + (statements.isEmpty() ? "" : ", running: " + statements.get(statements.size() - 1));
        }
        else {
            what = ex.toString();
        }
        String problem = "Revision " + info.describe() + " failed in " + method + "(): " + what + ". " + consequence
                + earlierNote(earlier);
        return new MigrationException(problem, (fix != null) ? fix : fixFor(sqlError), ex);
    }

    private String fixFor(@Nullable SQLException ex) {
        String state = (ex != null) ? ex.getSQLState() : null;
        if ("55P03".equals(state)) {
            return "A statement waited longer than belay.lock-timeout (" + this.lockTimeout
                    + ") for a lock that another session holds: start again when the table is less busy, or raise "
                    + "belay.lock-timeout.";
        }
        if ("55P04".equals(state)) {
            return "A new enum value can only be used once the transaction that added it has committed: use it in a "
                    + "later revision, or declare this one with @MigrationRevision(..., transactional = false).";
        }
        if ("25001".equals(state)) {
            return "That statement cannot run inside a transaction: declare the revision with "
                    + "@MigrationRevision(..., transactional = false).";
        }
        if ("42P07".equals(state) || "42710".equals(state) || "42701".equals(state)) {
            // duplicate_table, duplicate_object, duplicate_column: typically a schema built before Belay.
            return "The database already has what the revision creates. If its schema was built before Belay managed "
                    + "it (by Hibernate's ddl-auto, by hand or by another tool), record the revisions that built it "
                    + "without running them: `belay stamp` (it first checks that the database is what they build). "
                    + "Otherwise fix the revision and start again.";
        }
        return "Fix the revision, or the data it trips over, and start again.";
    }

    private static @Nullable SQLException sqlCause(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String earlierNote(List<RevisionRun> earlier) {
        return earlier.isEmpty() ? ""
                : " The revisions applied before it in this run stay applied: "
                        + quoted(earlier.stream().map(RevisionRun::id).toList()) + ".";
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        }
        catch (SQLException ex) {
            failure.addSuppressed(ex);
        }
    }

    private static void autocommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        }
        catch (SQLException ex) {
            logger.debug("Could not switch the migration connection back to autocommit", ex);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Which of a revision's methods runs, and what a rolled-back transaction means for it. */
    private enum Direction {

        UP("up", "Nothing of it was applied: its transaction was rolled back."),

        DOWN("down", "Nothing of it was rolled back: its transaction was rolled back, and it stays applied.");

        private final String method;

        private final String rolledBack;

        Direction(String method, String rolledBack) {
            this.method = method;
            this.rolledBack = rolledBack;
        }

        void run(Revision revision, RevisionSession session) {
            if (this == UP) {
                revision.up(session);
            }
            else {
                revision.down(session);
            }
        }

    }

    /** Writes a revision's history row inside its transaction. */
    @FunctionalInterface
    private interface HistoryUpdate {

        void write(long executionMs) throws SQLException;

    }

    private static String quoted(List<String> ids) {
        return ids.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
    }

}
