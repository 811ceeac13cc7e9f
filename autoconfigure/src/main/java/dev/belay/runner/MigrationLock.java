package dev.belay.runner;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionHistory;
import dev.belay.schema.Identifiers;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The migration lock: a session-level PostgreSQL advisory lock held by the very session that
 * migrates, so that of many instances starting at once exactly one migrates a schema, and so
 * that losing the lock cannot leave a migration running unprotected. Whatever ends the session
 * (a crash, {@code pg_terminate_backend}, a dropped connection) ends the lock and the
 * migration's open transaction together, and PostgreSQL rolls that transaction back.
 * <p>
 * The session also remembers a token of this lock (a custom setting,
 * {@code belay.migration_lock}), and every write to the history table is {@linkplain #condition()
 * guarded}: it happens only if the session that runs it holds the lock and knows the token. A
 * pooler in transaction mode (PgBouncer's {@code pool_mode = transaction}) hands each
 * transaction to whichever server session is free, so a lock taken in one transaction is not
 * held by the next; the guard catches that before anything is recorded, and {@link #check}
 * names it.
 */
final class MigrationLock implements LockGuard, AutoCloseable {

    private static final Log logger = LogFactory.getLog(MigrationLock.class);

    /** The custom setting, local to the session, that holds the token of the lock it holds. */
    static final String TOKEN_SETTING = "belay.migration_lock";

    private static final Duration FIRST_PAUSE = Duration.ofMillis(25);

    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Connection connection;

    private final RevisionHistory history;

    private final long key;

    private final String token;

    private final int pid;

    private MigrationLock(Connection connection, RevisionHistory history, long key, String token, int pid) {
        this.connection = connection;
        this.history = history;
        this.key = key;
        this.token = token;
        this.pid = pid;
    }

    /**
     * Takes the lock for a history table on the migration's own connection, trying again with
     * growing pauses until {@code wait} has passed.
     * @throws MigrationException naming the session that holds the lock when the wait runs out,
     * or the pooler that shares server sessions between clients
     */
    static MigrationLock acquire(Connection connection, RevisionHistory history, Duration wait) throws SQLException {
        long key = key(history);
        String token = newToken();
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE.toMillis();
        boolean logged = false;
        while (true) {
            Attempt attempt = tryLock(connection, key, token);
            if (attempt.outcome() == Outcome.TAKEN) {
                MigrationLock lock = new MigrationLock(connection, history, key, token, attempt.pid());
                try {
                    // A pooler in transaction mode may already have moved this connection to
                    // another server session: find out before anything relies on the lock.
                    lock.check();
                }
                catch (MigrationException ex) {
                    lock.close();
                    throw ex;
                }
                return lock;
            }
            if (attempt.outcome() == Outcome.SHARED) {
                throw sharedSession(history, attempt.pid());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw timedOut(connection, key, history, wait);
            }
            if (!logged) {
                List<String> holders = SessionReport.holdingAdvisoryLock(connection, key);
                logger.info("Waiting up to " + wait + " (belay.lock-wait) for the migration lock of "
                        + history.qualifiedName() + ", which another session holds"
                        + (holders.isEmpty() ? "" : ": " + String.join("; ", holders)));
                logged = true;
            }
            sleep(Math.min(pause, Duration.ofNanos(left).toMillis() + 1));
            pause = Math.min(pause * 2, LONGEST_PAUSE.toMillis());
        }
    }

    /**
     * Takes the lock if it is free right now, on the migration's connection.
     * @return the lock, or empty when another session holds it
     */
    static Optional<MigrationLock> tryAcquire(Connection connection, RevisionHistory history)
            throws SQLException {
        long key = key(history);
        String token = newToken();
        Attempt attempt = tryLock(connection, key, token);
        if (attempt.outcome() != Outcome.TAKEN) {
            return Optional.empty();
        }
        MigrationLock lock = new MigrationLock(connection, history, key, token, attempt.pid());
        try {
            lock.check();
        }
        catch (MigrationException ex) {
            lock.close();
            return Optional.empty();
        }
        return Optional.of(lock);
    }

    /** A 64-bit advisory lock key from the schema and table, the same in every JVM. */
    static long key(RevisionHistory history) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(("belay\0" + history.schema() + "\0" + history.table())
                .getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /**
     * An SQL condition that is true only in a session that holds this lock: for the {@code WHERE}
     * of every history write, so that a revision is recorded (and its transaction commits with
     * the row) only while the lock is held by the session that does the work.
     */
    @Override
    public String condition() {
        return "(current_setting('" + TOKEN_SETTING + "', true) = '" + this.token + "' AND "
                + heldHere(this.key) + ")";
    }

    /**
     * Checks, on the connection's current server session, that it still holds the lock; runs in
     * the caller's transaction, if any.
     * @throws MigrationException saying how the lock was lost, and what to do
     */
    @Override
    public void check() throws SQLException {
        check(null);
    }

    /**
     * The lock as the guard of a migration whose session settings point {@code search_path} at
     * the managed schema: its condition and check also require that {@code search_path}, so that
     * a transaction that a pooler hands to another server session (without Belay's settings)
     * stops before it runs a statement in the wrong schema.
     * @param searchPath the {@code search_path} the migration set, as {@code current_setting}
     * returns it
     */
    LockGuard withSearchPath(String searchPath) {
        MigrationLock lock = this;
        return new LockGuard() {

            @Override
            public String condition() {
                return "(" + lock.condition() + " AND current_setting('search_path') = "
                        + Identifiers.literal(searchPath) + ")";
            }

            @Override
            public void check() throws SQLException {
                lock.check(searchPath);
            }

        };
    }

    private void check(@Nullable String searchPath) throws SQLException {
        try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_backend_pid(), "
                + "current_setting('" + TOKEN_SETTING + "', true), " + heldHere(this.key)
                + ", current_setting('search_path'), current_setting('" + SessionSettings.SEARCH_PATH_NOTE
                + "', true)")) {
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                int pid = row.getInt(1);
                String token = row.getString(2);
                boolean held = row.getBoolean(3);
                if (pid != this.pid || (held && !this.token.equals(token))) {
                    throw sharedSession(this.history, pid);
                }
                if (!held || !this.token.equals(token)) {
                    throw new MigrationException("Belay no longer holds the migration lock of "
                            + this.history.qualifiedName() + " in its session (PID " + this.pid + "): "
                            + "something released it (pg_advisory_unlock_all(), or DISCARD ALL from a pooler).",
                            "Nothing more is applied in this run; start again. If a revision's own SQL releases "
                                    + "advisory locks, remove that from it.");
                }
                if (searchPath != null && !searchPath.equals(row.getString(4))
                        && !searchPath.equals(row.getString(5))) {
                    // Belay's settings went to another server session than the lock's.
                    throw sharedSession(this.history, pid);
                }
                if (searchPath != null && !searchPath.equals(row.getString(4))) {
                    throw new MigrationException("The migration session's search_path is " + row.getString(4)
                            + " rather than " + searchPath + " as Belay set it: a revision changed it.",
                            "Nothing more is applied in this run. Let revisions name other schemas explicitly "
                                    + "rather than change the search_path for the revisions after them.");
                }
            }
        }
    }

    /** The server process that holds the lock, as PostgreSQL numbers it. */
    int pid() {
        return this.pid;
    }

    /**
     * Releases the lock. Should that fail, the connection is aborted rather than returned to a
     * pool, since a pooled session would keep the lock for good.
     */
    @Override
    public void close() {
        try (PreparedStatement statement = this.connection.prepareStatement(
                "SELECT pg_advisory_unlock(?), set_config('" + TOKEN_SETTING + "', '', false)")) {
            statement.setLong(1, this.key);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && row.getBoolean(1)) {
                    return;
                }
            }
            logger.warn("The migration lock of " + this.history.qualifiedName() + " was not held by this session "
                    + "when Belay released it; closing the connection");
        }
        catch (SQLException ex) {
            if (SessionGone.is(ex)) {
                logger.debug("The migration session is gone, and its lock of " + this.history.qualifiedName()
                        + " with it", ex);
            }
            else {
                logger.warn("Could not release the migration lock of " + this.history.qualifiedName()
                        + "; closing the connection instead", ex);
            }
        }
        abort();
    }

    private void abort() {
        try {
            this.connection.abort(Runnable::run);
        }
        catch (SQLException | RuntimeException ex) {
            logger.debug("Aborting the migration connection failed", ex);
        }
    }

    /** Whether the current server session holds the advisory lock of the key, as SQL. */
    private static String heldHere(long key) {
        // pg_locks shows a bigint advisory key as two 32-bit halves, objsubid 1.
        return "EXISTS (SELECT FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "
                + "AND granted AND objsubid = 1 AND classid = '" + (key >>> 32) + "'::oid AND objid = '"
                + (key & 0xFFFFFFFFL) + "'::oid)";
    }

    /**
     * One try, in one statement (so that even through a pooler it runs in one server session):
     * refuses a session that already holds the lock without having taken it (a session shared
     * between clients), else takes the lock if it is free and stores the token in the session.
     */
    private static Attempt tryLock(Connection connection, long key, String token) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid(), CASE WHEN "
                + heldHere(key) + " THEN 'shared' WHEN pg_try_advisory_lock(?) THEN set_config('" + TOKEN_SETTING
                + "', ?, false) END")) {
            statement.setLong(1, key);
            statement.setString(2, token);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                String outcome = row.getString(2);
                return new Attempt(row.getInt(1), (outcome == null) ? Outcome.BUSY
                        : outcome.equals("shared") ? Outcome.SHARED : Outcome.TAKEN);
            }
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static MigrationException sharedSession(RevisionHistory history, int pid) {
        return new MigrationException("Belay's database connection does not keep one server session (now PID " + pid
                + "): it goes through a pooler in transaction or statement mode (PgBouncer's pool_mode = "
                + "transaction, say), which hands each transaction to another session. The migration lock of "
                + history.qualifiedName() + " is a session lock, so Belay cannot hold it there, and migrates "
                + "nothing.",
                "Let Belay connect to PostgreSQL directly or through a pool in session mode: set belay.url (with "
                        + "belay.user and belay.password) to such a connection; the application keeps its own. "
                        + "Nothing was applied.");
    }

    private static MigrationException timedOut(Connection connection, long key, RevisionHistory history,
            Duration wait) throws SQLException {
        List<String> holders = SessionReport.holdingAdvisoryLock(connection, key);
        String problem = "Belay waited " + wait + " for the migration lock of " + history.qualifiedName()
                + ((holders.isEmpty()) ? ", and it was released just as the wait ran out."
                        : ", which is held by " + String.join("; ", holders) + ".");
        String fix = holders.isEmpty() ? "Start again."
                : "Another instance is migrating, or one that is gone left its session running (a killed "
                        + "instance's statement goes on until it ends). If that migration is simply slow, wait for "
                        + "it or raise belay.lock-wait (now " + wait + "). If no instance is migrating, end that "
                        + "session with SELECT pg_terminate_backend(<pid>): PostgreSQL rolls back what its "
                        + "transaction did, so no revision is left half-applied (a non-transactional one is left "
                        + "marked incomplete, and named), and start again.";
        return new MigrationException(problem, fix);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting for the migration lock.",
                    "Nothing was applied; start again.");
        }
    }

    private enum Outcome {

        TAKEN, BUSY, SHARED

    }

    private record Attempt(int pid, Outcome outcome) {

    }

}
