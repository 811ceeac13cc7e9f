package dev.belay.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import dev.belay.actions.SchemaSnapshot;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationRunner;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A new schema of the test database that a test migrates, seeds and inspects on its own: its
 * revisions run through a {@link MigrationRunner} of their own (with their own history table and
 * lock), and {@link #jdbc()} reaches its tables unqualified, as the revisions do. Closing it drops
 * the schema with everything in it.
 * <p>
 * Revisions that keep something outside the database per schema (files under a directory named
 * after {@code Migrator.schema()}, say) keep it under this schema's {@link #name()}.
 */
public final class TestSchema implements AutoCloseable {

    private static final String PREFIX = "belay_test_";

    private final MigrationRunner runner;

    private final String name;

    private final JdbcTemplate jdbc;

    private final SchemaInspector inspector = new SchemaInspector();

    private boolean closed;

    private int serverMajorVersion;

    private TestSchema(MigrationRunner runner, String name) {
        this.runner = runner;
        this.name = name;
        this.jdbc = new JdbcTemplate(new SchemaBound(runner.dataSource(), name));
    }

    /** Creates a new, empty schema on the database of {@code application}, for its revisions. */
    static TestSchema create(MigrationRunner application) {
        String name = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection connection = application.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + Identifiers.quote(name));
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create the test schema " + name + " (the test database's user "
                    + "needs the right to create schemas): " + ex.getMessage(), ex);
        }
        return new TestSchema(application.forSchema(name), name);
    }

    /** The schema's name, as {@code Migrator.schema()} gives it to the revisions. */
    public String name() {
        return this.name;
    }

    /** The runner of the application's revisions on this schema. */
    public MigrationRunner runner() {
        return this.runner;
    }

    /**
     * Plain JDBC on this schema: {@code search_path} is the schema alone (as it is for the
     * revisions), so a table that is not there yet is an error, never another schema's table.
     */
    public JdbcTemplate jdbc() {
        return this.jdbc;
    }

    /** Applies every revision up to {@code revision} (and the revisions it comes after). */
    public MigrationResult migrateTo(String revision) {
        return this.runner.apply(revision);
    }

    /** Applies every pending revision. */
    public MigrationResult migrate() {
        return this.runner.apply();
    }

    /** Rolls back every applied revision that {@code revision} does not need. */
    public MigrationResult rollbackTo(String revision) {
        return this.runner.rollbackTo(revision);
    }

    /** Rolls back the last {@code steps} applied revisions, latest first. */
    public MigrationResult rollback(int steps) {
        return this.runner.rollback(steps);
    }

    /** The revisions the schema is at (the latest applied, one per branch). */
    public List<String> current() {
        return this.runner.status().current();
    }

    /** The schema as Belay reads it from {@code pg_catalog}, without its history table. */
    public Schema inspect() {
        try (Connection connection = this.runner.dataSource().getConnection()) {
            return this.runner.settings().managed(this.inspector.inspect(connection, this.name));
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not read schema " + this.name + ": " + ex.getMessage(), ex);
        }
    }

    /** The names of a table's columns, in no particular order; empty when there is no such table. */
    public List<String> columns(String table) {
        return this.jdbc.queryForList("SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = "
                + "(SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ?) AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
                String.class, this.name, table);
    }

    /** The schema as one line per object, each the SQL that creates it. */
    SchemaSnapshot snapshot() {
        return SchemaSnapshot.of(inspect());
    }

    int serverMajorVersion() {
        if (this.serverMajorVersion > 0) {
            return this.serverMajorVersion;
        }
        try (Connection connection = this.runner.dataSource().getConnection()) {
            this.serverMajorVersion = connection.getMetaData().getDatabaseMajorVersion();
            return this.serverMajorVersion;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Drops the schema with everything in it (and the casts of its types). */
    @Override
    public void close() {
        if (this.closed) {
            return;
        }
        try (Connection connection = this.runner.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(this.name) + " CASCADE");
            this.closed = true;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not drop the test schema " + this.name + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public String toString() {
        return "schema " + this.name;
    }

    /**
     * Connections of the test database with {@code search_path} set to the schema while they are
     * out, and put back as it was before they return to the pool.
     */
    private static final class SchemaBound extends DelegatingDataSource {

        private final String schema;

        SchemaBound(DataSource target, String schema) {
            super(target);
            this.schema = schema;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = obtainTargetDataSource().getConnection();
            try {
                String previous = setSearchPath(connection, Identifiers.quote(this.schema));
                return RestoringConnection.wrap(connection, () -> setSearchPath(connection, previous));
            }
            catch (SQLException | RuntimeException ex) {
                connection.close();
                throw ex;
            }
        }

        private static String setSearchPath(Connection connection, String searchPath) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT current_setting('search_path'), set_config('search_path', ?, false)")) {
                statement.setString(1, searchPath);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        }

    }

}
