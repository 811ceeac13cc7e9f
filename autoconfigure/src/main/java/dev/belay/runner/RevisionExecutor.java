package dev.belay.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.belay.actions.SqlStatement;
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
 * migration lock and the session settings) and records it in the history table.
 * <p>
 * A transactional revision claims its history row first, then does its work, then marks the row
 * applied, all in one transaction: every history write is {@linkplain LockGuard guarded} by the
 * lock, so the work can only commit in a session that holds it, and a second session that tried
 * the same revision would stop at the claim before doing anything. A non-transactional revision
 * claims its row (state {@code applying}) in a transaction of its own before it starts, checks
 * the lock before each statement, and is marked applied when it has finished; if it stops midway
 * the row names it, and an {@linkplain RevisionInfo#idempotent() idempotent} one is simply run
 * again next time.
 * <p>
 * Failures come out as a {@link MigrationException} that names the revision, what became of it
 * and what to do, and names the sessions in the way when a statement timed out on a lock.
 */
final class RevisionExecutor {

    private static final Log logger = LogFactory.getLog(RevisionExecutor.class);

    private static final Set<HistoryState> INTERRUPTED = EnumSet.of(HistoryState.APPLYING, HistoryState.REVERTING);

    private final Revisions revisions;

    private final RevisionHistory history;

    private final Duration lockTimeout;

    private final LockGuard lock;

    private final LockRetries retries;

    private final @Nullable String runId;

    /**
     * @param runId the run the revisions it applies belong to, recorded with each ({@code null}
     * when it only rolls back)
     */
    RevisionExecutor(Revisions revisions, RevisionHistory history, Duration lockTimeout, LockGuard lock,
            LockRetries retries, @Nullable String runId) {
        this.revisions = revisions;
        this.history = history;
        this.lockTimeout = lockTimeout;
        this.lock = lock;
        this.retries = retries;
        this.runId = runId;
    }

    /** An executor for rehearsals in a scratch schema: no lock, no retries. */
    RevisionExecutor(Revisions revisions, RevisionHistory history, Duration lockTimeout) {
        this(revisions, history, lockTimeout, LockGuard.NONE, LockRetries.NONE, null);
    }

    /**
     * Applies a revision and records it.
     * @param interrupted the state an interrupted earlier run left the revision in (only for an
     * idempotent non-transactional revision, which then runs again), or {@code null}
     */
    RevisionRun up(Connection connection, RevisionInfo info, @Nullable HistoryState interrupted,
            List<RevisionRun> earlier) throws SQLException {
        if (info.transactional()) {
            return withRetries(connection, info, earlier, Direction.UP);
        }
        return upWithAutocommit(connection, info, interrupted, earlier);
    }

    /**
     * Rolls a revision back and deletes its record.
     * @param recorded the revision's state in the history: applied, or (for an idempotent
     * non-transactional revision) the state an interrupted run left it in
     */
    RevisionRun down(Connection connection, RevisionInfo info, HistoryState recorded, List<RevisionRun> earlier)
            throws SQLException {
        if (info.transactional()) {
            return withRetries(connection, info, earlier, Direction.DOWN);
        }
        return downWithAutocommit(connection, info, recorded, earlier);
    }

    /**
     * Runs a transactional revision, again after a pause when one of its statements timed out on
     * a lock and {@code belay.lock-retries} allows: its transaction was rolled back, so trying
     * again repeats nothing.
     */
    private RevisionRun withRetries(Connection connection, RevisionInfo info, List<RevisionRun> earlier,
            Direction direction) throws SQLException {
        for (int tries = 1;; tries++) {
            try {
                return inTransaction(connection, info, earlier, direction);
            }
            catch (MigrationException ex) {
                if (!LockRetries.isLockTimeout(ex) || !this.retries.allowsAnother(tries)) {
                    throw ex;
                }
                logger.warn("Revision " + info.describe() + " timed out waiting for a lock in " + direction.method
                        + "() (try " + tries + " of " + (this.retries.retries() + 1) + "); its transaction was rolled "
                        + "back, trying again in " + this.retries.pauseAfter(tries).toSeconds() + " s. "
                        + ex.getMessage());
                this.retries.pause(tries);
            }
        }
    }

    /**
     * Runs one direction of a revision and its history update in one transaction: the row is
     * claimed first (so a second session could not even start the same work), and both history
     * writes hold only while this session holds the lock.
     */
    private RevisionRun inTransaction(Connection connection, RevisionInfo info, List<RevisionRun> earlier,
            Direction direction) throws SQLException {
        Revision revision = instance(info, earlier, direction);
        RevisionSession session = new RevisionSession(connection, this.history.schema(), Mode.TRANSACTIONAL, info,
                this.lock, this.retries);
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        try {
            if (direction == Direction.UP) {
                recorded(connection, info, this.history.claim(connection, info, HistoryState.APPLYING,
                        this.runId, this.lock.condition()), "claim its history row");
            }
            else {
                recorded(connection, info, this.history.setState(connection, info.id(), EnumSet.of(HistoryState.APPLIED),
                        HistoryState.REVERTING, this.lock.condition()), "mark its history row as reverting");
            }
            direction.run(revision, session);
            long executionMs = millisSince(started);
            if (direction == Direction.UP) {
                recorded(connection, info, this.history.markApplied(connection, info.id(), executionMs,
                        this.lock.condition()), "mark it as applied");
            }
            else {
                recorded(connection, info, this.history.delete(connection, info.id(), this.lock.condition()),
                        "delete its history row");
            }
            connection.commit();
            return new RevisionRun(info.id(), info.message(), startedAt, executionMs, session.statements());
        }
        catch (RuntimeException | SQLException ex) {
            rollbackQuietly(connection, ex);
            throw failed(connection, info, direction, ex, session, earlier, direction.rolledBack(info));
        }
        catch (Error ex) {
            rollbackQuietly(connection, ex);
            throw ex;
        }
        finally {
            autocommit(connection);
        }
    }

    private RevisionRun upWithAutocommit(Connection connection, RevisionInfo info, @Nullable HistoryState interrupted,
            List<RevisionRun> earlier) throws SQLException {
        Revision revision = instance(info, earlier, Direction.UP);
        RevisionSession session = new RevisionSession(connection, this.history.schema(), Mode.AUTOCOMMIT, info,
                this.lock, this.retries);
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        // Recorded before it runs, so that a run that dies midway leaves a row naming it.
        if (interrupted == null) {
            recorded(connection, info,
                    this.history.claim(connection, info, HistoryState.APPLYING, this.runId, this.lock.condition()),
                    "claim its history row");
        }
        else {
            logger.info("Running revision " + info.describe() + " again from the start: an earlier run was interrupted "
                    + "(it is idempotent, so running it again finishes the job)");
            recorded(connection, info, this.history.setState(connection, info.id(), INTERRUPTED, HistoryState.APPLYING,
                    this.runId, this.lock.condition()), "mark it as applying");
        }
        try {
            revision.up(session);
        }
        catch (RuntimeException ex) {
            if (!session.sentAnything() && interrupted == null) {
                forget(connection, info, ex);
                throw failed(connection, info, Direction.UP, ex, session, earlier, Direction.UP.nothingSent(info));
            }
            throw failed(connection, info, Direction.UP, ex, session, earlier, interruptedNote(info, session, "up",
                    HistoryState.APPLYING), interruptedFix(info));
        }
        long executionMs = millisSince(started);
        recorded(connection, info, this.history.markApplied(connection, info.id(), executionMs, this.lock.condition()),
                "mark it as applied");
        return new RevisionRun(info.id(), info.message(), startedAt, executionMs, session.statements());
    }

    private RevisionRun downWithAutocommit(Connection connection, RevisionInfo info, HistoryState recordedState,
            List<RevisionRun> earlier) throws SQLException {
        Revision revision = instance(info, earlier, Direction.DOWN);
        RevisionSession session = new RevisionSession(connection, this.history.schema(), Mode.AUTOCOMMIT, info,
                this.lock, this.retries);
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        recorded(connection, info, this.history.setState(connection, info.id(), EnumSet.of(recordedState),
                HistoryState.REVERTING, this.lock.condition()), "mark it as reverting");
        try {
            revision.down(session);
        }
        catch (RuntimeException ex) {
            if (!session.sentAnything() && recordedState == HistoryState.APPLIED) {
                try {
                    this.history.setState(connection, info.id(), EnumSet.of(HistoryState.REVERTING),
                            HistoryState.APPLIED, this.lock.condition());
                }
                catch (SQLException failure) {
                    ex.addSuppressed(failure);
                }
                throw failed(connection, info, Direction.DOWN, ex, session, earlier, Direction.DOWN.nothingSent(info));
            }
            throw failed(connection, info, Direction.DOWN, ex, session, earlier, interruptedNote(info, session, "down",
                    HistoryState.REVERTING), interruptedFix(info));
        }
        long executionMs = millisSince(started);
        recorded(connection, info, this.history.delete(connection, info.id(), this.lock.condition()),
                "delete its history row");
        return new RevisionRun(info.id(), info.message(), startedAt, executionMs, session.statements());
    }

    /**
     * Runs the pending revisions' {@code up} as a rehearsal, recording their statements into
     * {@code runs}: in the caller's transaction, with the connection's {@code search_path}, which
     * the caller points at a scratch schema. The observer sees each revision and statement; with
     * {@code stepwise}, each revision's work is committed when it has run (the caller drops the
     * scratch schema), so that the next revision meets it as committed tables, as it would in
     * production, otherwise the caller rolls everything back.
     */
    void rehearse(Connection connection, List<RevisionInfo> pending, List<RevisionRun> runs,
            MigrationRunner.RehearsalObserver observer, boolean stepwise) throws SQLException {
        for (RevisionInfo info : pending) {
            Revision revision = instance(info, runs, Direction.UP);
            observer.beforeRevision(connection, info);
            RevisionSession session = new RevisionSession(connection, this.history.schema(), info, observer);
            Instant startedAt = Instant.now();
            long started = System.nanoTime();
            try {
                revision.up(session);
            }
            catch (RuntimeException ex) {
                throw failed(null, info, Direction.UP, ex, session, List.of(), "This was a rehearsal in scratch schema "
                        + this.history.schema() + ", which was " + (stepwise ? "dropped" : "rolled back")
                        + ": nothing was changed.");
            }
            runs.add(new RevisionRun(info.id(), info.message(), startedAt, millisSince(started),
                    session.statements()));
            observer.afterRevision(connection, info);
            if (stepwise) {
                ScratchSchema.commitContained(connection, this.history.schema());
            }
        }
    }

    /**
     * Makes sure a guarded history write changed its row: if it did not, either the lock is gone
     * ({@link LockGuard#check()} says how) or the row is not what this run expected.
     */
    private void recorded(Connection connection, RevisionInfo info, boolean changed, String what)
            throws SQLException {
        if (changed) {
            return;
        }
        this.lock.check();
        String state = this.history.stateOf(connection, info.id()).map(HistoryState::sql).orElse("no row");
        throw new MigrationException("Belay could not " + what + " for revision " + info.describe() + ": "
                + this.history.qualifiedName() + " shows it as " + state + ", which this run did not expect. Another "
                + "session changed the history without holding Belay's migration lock (a person, or a tool).",
                "Compare the history table with the database, set it right by hand if needed, and start again.");
    }

    /** Deletes the row of a non-transactional revision that failed before it sent anything. */
    private void forget(Connection connection, RevisionInfo info, RuntimeException failure) {
        try {
            this.history.delete(connection, info.id(), this.lock.condition());
        }
        catch (SQLException ex) {
            failure.addSuppressed(ex);
        }
    }

    private Revision instance(RevisionInfo info, List<RevisionRun> earlier, Direction direction) {
        try {
            return this.revisions.instance(info.id());
        }
        catch (MigrationException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new MigrationException(direction.verb + " revision " + info.describe() + " failed: it could not be "
                    + "created: " + ex.getMessage() + " " + direction.nothingSent(info) + earlierNote(earlier),
                    "Fix what the revision needs (the cause below names it) and start again.", ex);
        }
    }

    private String interruptedNote(RevisionInfo info, RevisionSession session, String method, HistoryState state) {
        String dropped = session.droppedInvalidIndexes().isEmpty() ? ""
                : " The invalid index the failed CREATE INDEX CONCURRENTLY left behind was dropped ("
                        + String.join(", ", session.droppedInvalidIndexes()) + ").";
        return "It runs without a transaction, so what its " + method + "() did before the failure stays; it is marked '"
                + state.sql() + "' in " + this.history.qualifiedName() + "." + dropped
                + (info.idempotent() ? " It is idempotent: the next `belay " + ((state == HistoryState.APPLYING)
                        ? "apply` (or start)" : "rollback`") + " runs it again from the start." : "");
    }

    private @Nullable String interruptedFix(RevisionInfo info) {
        return info.idempotent() ? null : incompleteFix(this.history, List.of(info.id()));
    }

    static String incompleteFix(RevisionHistory history, List<String> ids) {
        String markApplied = ids.stream().map(history::markAppliedStatement).collect(Collectors.joining("; "));
        String delete = ids.stream().map(history::deleteStatement).collect(Collectors.joining("; "));
        return "Compare what the revision does with the database and finish or undo it by hand. Then, if it is now "
                + "fully applied, run: " + markApplied + "; or, if nothing of it remains, run: " + delete
                + " (Belay then applies it again on the next start). A revision whose steps can all run again "
                + "safely can say so with @MigrationRevision(..., idempotent = true), and Belay then resumes it "
                + "itself.";
    }

    private MigrationException failed(@Nullable Connection connection, RevisionInfo info, Direction direction,
            Throwable ex, RevisionSession session, List<RevisionRun> earlier, String consequence) {
        return failed(connection, info, direction, ex, session, earlier, consequence, null);
    }

    /**
     * The failure of one direction of a revision: what was being done, what failed (the server's
     * message and the statement), what became of the revision ({@code consequence}) and what to do.
     */
    private MigrationException failed(@Nullable Connection connection, RevisionInfo info, Direction direction,
            Throwable ex, RevisionSession session, List<RevisionRun> earlier, String consequence, @Nullable String fix) {
        if (ex instanceof MigrationException explained) {
            return new MigrationException(explained.problem() + " " + consequence + earlierNote(earlier),
                    (fix != null) ? explained.fix() + " " + fix : explained.fix(), ex);
        }
        SQLException sqlError = SqlFailures.cause(ex);
        // A bare SQLException comes from Belay's own history row or commit, not from a statement of the revision.
        List<SqlStatement> statements = (ex instanceof SQLException) ? List.of() : session.statements();
        SqlStatement last = statements.isEmpty() ? null : statements.get(statements.size() - 1);
        String what;
        if (sqlError != null) {
            what = sqlError.getMessage() + " [SQLSTATE " + sqlError.getSQLState() + "]"
                    + ((last != null) ? ", running: " + last : "");
        }
        else {
            what = ex.toString();
        }
        String problem = direction.verb + " revision " + info.describe() + " failed in " + direction.method + "(): " + what
                + ". " + consequence + earlierNote(earlier);
        String state = (sqlError != null) ? sqlError.getSQLState() : null;
        if ("55P03".equals(state)) {
            List<String> holders = holders(connection, last);
            problem += " It waited longer than belay.lock-timeout (" + this.lockTimeout + ") for a lock"
                    + (holders.isEmpty() ? "; no session holds a lock on those tables any more."
                            : ", held by " + String.join("; ", holders) + ".");
        }
        return new MigrationException(problem, (fix != null) ? fix : fixFor(state, direction), ex);
    }

    private List<String> holders(@Nullable Connection connection, @Nullable SqlStatement statement) {
        if (connection == null) {
            return List.of();
        }
        try {
            return SessionReport.holdingLocksFor(connection, this.history.schema(),
                    (statement != null) ? statement.sql() : "");
        }
        catch (SQLException ex) {
            logger.debug("Could not read which sessions hold locks", ex);
            return new ArrayList<>();
        }
    }

    private String fixFor(@Nullable String state, Direction direction) {
        if ("55P03".equals(state)) {
            return "End the transaction of the session named (if it is stuck or left behind: SELECT "
                    + "pg_terminate_backend(<pid>)) and start again; or let Belay try again by itself "
                    + "(belay.lock-retries, now " + this.retries.retries() + "); or raise belay.lock-timeout when the "
                    + "wait is acceptable.";
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
        if (SessionGone.isState(state)) {
            return "Belay's database session ended (a pg_terminate_backend, a server restart or a lost connection); "
                    + "PostgreSQL rolled back its open transaction and released the migration lock with it. Start "
                    + "again: the next run goes on from what the history table records.";
        }
        if ("23502".equals(state) && direction == Direction.DOWN) {
            return "A column comes back NOT NULL on rows that have no value for it (its values went with the up() "
                    + "that dropped it). In the revision's down(), give those rows a value: add the column with a "
                    + "default (.defaultValue(...), and dropColumnDefault after), or nullable and filled with an "
                    + "UPDATE before NOT NULL or the key that needs it; or, where NOT NULL may wait, add it with "
                    + "column(...).notNullWhenEmpty(). Then roll back again.";
        }
        return "Fix the revision, or the data it trips over, and start again.";
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

    /** Which of a revision's methods runs, and what a failure that changed nothing leaves. */
    private enum Direction {

        UP("up", "Applying", "is not applied"),

        DOWN("down", "Rolling back", "stays applied");

        private final String method;

        private final String verb;

        private final String unchanged;

        Direction(String method, String verb, String unchanged) {
            this.method = method;
            this.verb = verb;
            this.unchanged = unchanged;
        }

        /** After a failure in a transactional revision: its transaction was undone. */
        String rolledBack(RevisionInfo info) {
            return "Nothing changed: its " + this.method + "() ran in one transaction, which was undone, and '"
                    + info.id() + "' " + this.unchanged + ".";
        }

        /** After a failure before a non-transactional revision sent anything. */
        String nothingSent(RevisionInfo info) {
            return "Nothing changed: no statement of its " + this.method + "() had run, and '" + info.id() + "' "
                    + this.unchanged + ".";
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

    private static String quoted(List<String> ids) {
        return ids.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
    }

}
