package dev.belay.schema.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.belay.schema.Identifiers;
import dev.belay.schema.Schema;
import dev.belay.test.TestDatabase;

/** Builds schemas from DDL in a test database and reads them back with the inspector. */
final class CatalogFixture {

    private final TestDatabase database;

    private final SchemaInspector inspector = new SchemaInspector();

    CatalogFixture(TestDatabase database) {
        this.database = database;
    }

    /** Creates {@code schema} (dropping an earlier one), runs {@code ddl} in it and inspects it. */
    Schema build(String schema, String... ddl) throws SQLException {
        create(schema, ddl);
        return inspect(schema);
    }

    void create(String schema, String... ddl) throws SQLException {
        try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(schema) + " CASCADE");
            statement.execute("CREATE SCHEMA " + Identifiers.quote(schema));
            statement.execute("SET search_path = " + Identifiers.quote(schema));
            for (String each : ddl) {
                statement.execute(each);
            }
        }
    }

    /** Drops {@code schema} with everything in it. */
    void drop(String schema) throws SQLException {
        this.database.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(schema) + " CASCADE");
    }

    /** Drops one table of {@code schema} if it exists. */
    void drop(String schema, String table) throws SQLException {
        this.database.execute("DROP TABLE IF EXISTS " + Identifiers.quote(schema) + "." + Identifiers.quote(table));
    }

    Schema inspect(String schema) throws SQLException {
        try (Connection connection = this.database.connect()) {
            return this.inspector.inspect(connection, schema);
        }
    }

}
