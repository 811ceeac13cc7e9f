package dev.belay.runner;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionHistory;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The migration lock: a session-level PostgreSQL advisory lock held on a connection of its own,
 * so that of many instances starting at once exactly one migrates a schema, whatever the
 * migration's own connection does with transactions. If the holder dies, PostgreSQL ends its
 * session and the lock is free again.
 */
final class MigrationLock implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(MigrationLock.class);

    private static final Duration FIRST_PAUSE = Duration.ofMillis(25);

    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final Connection connection;

    private final long key;

    private MigrationLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Takes the lock for a history table, trying again with growing pauses until {@code wait}
     * has passed.
     * @throws MigrationException naming the session that holds the lock when the wait runs out
     */
    static MigrationLock acquire(DataSource dataSource, RevisionHistory history, Duration wait) throws SQLException {
        long key = key(history);
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            long deadline = System.nanoTime() + wait.toNanos();
            long pause = FIRST_PAUSE.toMillis();
            boolean logged = false;
            while (!tryLock(connection, key)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw timedOut(connection, key, history, wait);
                }
                if (!logged) {
                    logger.info("Waiting for another instance to finish migrating " + history.qualifiedName()
                            + " (up to " + wait + ", belay.lock-wait)");
                    logged = true;
                }
                sleep(Math.min(pause, Duration.ofNanos(left).toMillis() + 1));
                pause = Math.min(pause * 2, LONGEST_PAUSE.toMillis());
            }
            return new MigrationLock(connection, key);
        }
        catch (SQLException | RuntimeException ex) {
            connection.close();
            throw ex;
        }
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

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
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

    private static MigrationException timedOut(Connection connection, long key, RevisionHistory history,
            Duration wait) throws SQLException {
        List<String> holders = holders(connection, key);
        String problem = "Belay waited " + wait + " for the migration lock of " + history.qualifiedName()
                + ((holders.isEmpty()) ? ", and it was released just as the wait ran out."
                        : ", which is held by " + String.join("; ", holders) + ".");
        String fix = "Another instance is probably still migrating: if its migration is simply slow, raise "
                + "belay.lock-wait (now " + wait + ")"
                + (holders.isEmpty() ? "; or start again."
                        : "; if that session is stuck, end it with SELECT pg_terminate_backend(<pid>) and start "
                                + "again.");
        return new MigrationException(problem, fix);
    }

    /** Who holds the lock, from {@code pg_locks} and {@code pg_stat_activity}. */
    private static List<String> holders(Connection connection, long key) throws SQLException {
        List<String> holders = new ArrayList<>();
        // pg_locks shows a bigint advisory key as two 32-bit halves, objsubid 1.
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.pid, a.usename, a.application_name, "
                + "host(a.client_addr), a.backend_start, a.state, a.state_change, left(a.query, 200) "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
                + "AND l.classid = ?::bigint::oid AND l.objid = ?::bigint::oid "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String client = rows.getString(4);
                    holders.add("PID " + rows.getInt(1) + " (user " + rows.getString(2) + ", application '"
                            + rows.getString(3) + "', client " + ((client != null) ? client : "local socket")
                            + ", connected since " + rows.getString(5) + ", " + rows.getString(6) + " since "
                            + rows.getString(7) + ", last statement: " + rows.getString(8) + ")");
                }
            }
        }
        return holders;
    }

    /**
     * Releases the lock. Should that fail, the connection is aborted rather than returned to a
     * pool, since a pooled session would keep the lock for good.
     */
    @Override
    public void close() {
        try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, this.key);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && row.getBoolean(1)) {
                    this.connection.close();
                    return;
                }
            }
            logger.warn("The migration lock was not held when Belay released it; closing its connection");
        }
        catch (SQLException ex) {
            logger.warn("Could not release the migration lock; closing its connection instead", ex);
        }
        abort();
    }

    private void abort() {
        try {
            this.connection.abort(Runnable::run);
        }
        catch (SQLException | RuntimeException ex) {
            logger.debug("Aborting the migration lock's connection failed", ex);
        }
        try {
            this.connection.close();
        }
        catch (SQLException ex) {
            logger.debug("Closing the migration lock's connection failed", ex);
        }
    }

}
