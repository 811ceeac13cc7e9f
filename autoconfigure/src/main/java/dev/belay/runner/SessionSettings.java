package dev.belay.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import dev.belay.schema.Identifiers;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The migration connection's session settings: set for the migration and put back afterwards,
 * since the connection usually goes back to a pool. They are changed outside any transaction, so
 * that rolling back a revision does not undo them.
 * <ul>
 * <li>{@code search_path}: the managed schema, so revisions name tables unqualified;</li>
 * <li>{@code lock_timeout}: {@code belay.lock-timeout}, so a migration waiting behind a long
 * transaction fails fast instead of queueing every query of the table behind it;</li>
 * <li>{@code client_connection_check_interval}: {@value #CLIENT_CHECK}, so that when the
 * application dies mid-statement (a SIGKILL, a lost network) the server notices within a second
 * or so, cancels the statement and ends the session, releasing the migration lock and the table
 * locks, instead of running on as an orphan until the statement ends. Where the server's platform
 * cannot check (it is Linux only), it is left as it is.</li>
 * </ul>
 */
final class SessionSettings {

    private static final Log logger = LogFactory.getLog(SessionSettings.class);

    static final String CLIENT_CHECK = "1s";

    /**
     * Where Belay notes, beside {@code search_path}, the {@code search_path} it set: a session
     * whose {@code search_path} differs from the note was changed by a revision, while a session
     * without the note never got Belay's settings (a pooler handed them to another session).
     */
    static final String SEARCH_PATH_NOTE = "belay.migration_search_path";

    private final String searchPath;

    private final String lockTimeout;

    private final @Nullable String clientCheck;

    private SessionSettings(String searchPath, String lockTimeout, @Nullable String clientCheck) {
        this.searchPath = searchPath;
        this.lockTimeout = lockTimeout;
        this.clientCheck = clientCheck;
    }

    /** Remembers the connection's settings, then points it at the schema with the lock timeout. */
    static SessionSettings apply(Connection connection, String schema, Duration lockTimeout) throws SQLException {
        SessionSettings previous;
        try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting('search_path'), "
                + "current_setting('lock_timeout'), current_setting('client_connection_check_interval', true)");
                ResultSet row = statement.executeQuery()) {
            row.next();
            previous = new SessionSettings(row.getString(1), row.getString(2), row.getString(3));
        }
        set(connection, Identifiers.quote(schema), lockTimeout.toMillis() + "ms", true);
        if (previous.clientCheck != null) {
            setClientCheck(connection, CLIENT_CHECK);
        }
        return previous;
    }

    /** Puts the remembered settings back. */
    void restore(Connection connection) throws SQLException {
        set(connection, this.searchPath, this.lockTimeout, false);
        if (this.clientCheck != null) {
            setClientCheck(connection, this.clientCheck);
        }
    }

    private static void set(Connection connection, String searchPath, String lockTimeout, boolean noted)
            throws SQLException {
        try (PreparedStatement statement = connection
            .prepareStatement("SELECT set_config('search_path', ?, false), set_config('lock_timeout', ?, false), "
                    + "set_config('" + SEARCH_PATH_NOTE + "', ?, false)")) {
            statement.setString(1, searchPath);
            statement.setString(2, lockTimeout);
            statement.setString(3, noted ? searchPath : "");
            statement.executeQuery().close();
        }
    }

    private static void setClientCheck(Connection connection, String interval) {
        // In autocommit mode on its own, so that a platform that refuses it aborts nothing.
        try (PreparedStatement statement = connection
            .prepareStatement("SELECT set_config('client_connection_check_interval', ?, false)")) {
            statement.setString(1, interval);
            statement.executeQuery().close();
        }
        catch (SQLException ex) {
            logger.debug("The server does not check for a lost client (client_connection_check_interval): "
                    + ex.getMessage());
        }
    }

}
