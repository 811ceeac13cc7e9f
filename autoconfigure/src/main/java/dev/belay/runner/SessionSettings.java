package dev.belay.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import dev.belay.schema.Identifiers;

/**
 * The migration connection's {@code search_path} and {@code lock_timeout}: set for the migration
 * and put back afterwards, since the connection usually goes back to a pool. Both changes are
 * made outside any transaction, so that rolling back a revision does not undo them.
 */
final class SessionSettings {

    private final String searchPath;

    private final String lockTimeout;

    private SessionSettings(String searchPath, String lockTimeout) {
        this.searchPath = searchPath;
        this.lockTimeout = lockTimeout;
    }

    /** Remembers the connection's settings, then points it at the schema with the lock timeout. */
    static SessionSettings apply(Connection connection, String schema, Duration lockTimeout) throws SQLException {
        SessionSettings previous;
        try (PreparedStatement statement = connection
            .prepareStatement("SELECT current_setting('search_path'), current_setting('lock_timeout')");
                ResultSet row = statement.executeQuery()) {
            row.next();
            previous = new SessionSettings(row.getString(1), row.getString(2));
        }
        set(connection, Identifiers.quote(schema), lockTimeout.toMillis() + "ms");
        return previous;
    }

    /** Puts the remembered settings back. */
    void restore(Connection connection) throws SQLException {
        set(connection, this.searchPath, this.lockTimeout);
    }

    private static void set(Connection connection, String searchPath, String lockTimeout) throws SQLException {
        try (PreparedStatement statement = connection
            .prepareStatement("SELECT set_config('search_path', ?, false), set_config('lock_timeout', ?, false)")) {
            statement.setString(1, searchPath);
            statement.setString(2, lockTimeout);
            statement.executeQuery().close();
        }
    }

}
