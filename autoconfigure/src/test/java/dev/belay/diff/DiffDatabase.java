package dev.belay.diff;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.belay.actions.SqlStatement;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.TestDatabase;

/**
 * Schemas in a test database for the diff's tests: build one from DDL, read it back with the
 * {@link SchemaInspector}, run a plan's statements in it one by one with autocommit (as the
 * plan promises they can be), and read rows.
 */
final class DiffDatabase {

    private final TestDatabase database;

    private final SchemaInspector inspector = new SchemaInspector();

    DiffDatabase(TestDatabase database) {
        this.database = database;
    }

    TestDatabase database() {
        return this.database;
    }

    int majorVersion() {
        return this.database.server().majorVersion();
    }

    /** Creates {@code schema} afresh, runs {@code ddl} in it and reads it back. */
    Schema build(String schema, String... ddl) throws SQLException {
        try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(schema) + " CASCADE");
            statement.execute("CREATE SCHEMA " + Identifiers.quote(schema));
        }
        execute(schema, ddl);
        return inspect(schema);
    }

    Schema inspect(String schema) throws SQLException {
        try (Connection connection = this.database.connect()) {
            return this.inspector.inspect(connection, schema);
        }
    }

    /** Runs statements in {@code schema} with autocommit, one at a time. */
    void execute(String schema, String... sql) throws SQLException {
        try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = " + Identifiers.quote(schema));
            for (String each : sql) {
                try {
                    statement.execute(each);
                }
                catch (SQLException ex) {
                    throw new SQLException(ex.getMessage() + "\n  in: " + each, ex.getSQLState(), ex);
                }
            }
        }
    }

    /** Runs a plan's statements in {@code schema}, one at a time with autocommit. */
    void apply(String schema, MigrationPlan plan) throws SQLException {
        execute(schema, plan.sqlStatements().stream().map(SqlStatement::sql).toArray(String[]::new));
    }

    /** The rows a query returns in {@code schema}, each as a list of strings. */
    List<List<String>> rows(String schema, String query) throws SQLException {
        try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = " + Identifiers.quote(schema));
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(query)) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    void drop(String schema) throws SQLException {
        this.database.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(schema) + " CASCADE");
    }

}
