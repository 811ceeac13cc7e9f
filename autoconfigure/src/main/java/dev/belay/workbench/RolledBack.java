package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.belay.revision.MigrationException;

/**
 * Runs a comparison's reads in one transaction that is always rolled back, so that the scratch
 * schemas it builds along the way leave nothing behind, and turns a database error into a
 * {@link MigrationException} that says what to check.
 */
final class RolledBack {

    private RolledBack() {
    }

    static <T> T read(DataSource dataSource, Reading<T> reading) {
        try (Connection connection = dataSource.getConnection()) {
            int serverVersion = connection.getMetaData().getDatabaseMajorVersion();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                return reading.read(connection, serverVersion);
            }
            finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
        catch (SQLException ex) {
            throw new MigrationException("Belay could not read the schemas to compare: " + ex.getMessage()
                    + " [SQLSTATE " + ex.getSQLState() + "].", "Check that the database is reachable and that its "
                            + "user may create schemas (Belay builds schemas to compare in scratch schemas that it "
                            + "rolls back).",
                    ex);
        }
    }

    /** What to read, given a connection in the transaction and the server's major version. */
    @FunctionalInterface
    interface Reading<T> {

        T read(Connection connection, int serverVersion) throws SQLException;

    }

}
