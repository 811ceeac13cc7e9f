package dev.belay.sample.tenants;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.hibernate.service.UnknownUnwrapTypeException;

/**
 * Hands Hibernate the application's pooled connections with {@code search_path} set to the
 * tenant's schema, so that the entities' unqualified tables, sequences and enum types are the
 * tenant's own; releasing a connection resets it before it goes back to the pool.
 */
final class SchemaPerTenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    private final DataSource dataSource;

    SchemaPerTenantConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return this.dataSource.getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String schema) throws SQLException {
        Connection connection = getAnyConnection();
        try {
            setSearchPath(connection, "TO " + quote(schema));
            return connection;
        }
        catch (SQLException ex) {
            connection.close();
            throw ex;
        }
    }

    @Override
    public void releaseConnection(String schema, Connection connection) throws SQLException {
        try {
            setSearchPath(connection, "TO DEFAULT");
        }
        finally {
            connection.close();
        }
    }

    /**
     * PostgreSQL's driver sees the {@code SET search_path} and prepares its statements again, so a
     * statement prepared for one tenant's tables and enum types never runs on another's.
     */
    private static void setSearchPath(Connection connection, String value) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path " + value);
        }
    }

    private static String quote(String schema) {
        return "\"" + schema.replace("\"", "\"\"") + "\"";
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnknownUnwrapTypeException(type);
    }

}
