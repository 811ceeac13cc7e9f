package dev.belay.schema.jpa;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every schema, relation, type, constraint, cast and function of a database by name: equal
 * snapshots before and after an operation mean it left nothing behind.
 */
public record CatalogSnapshot(List<String> objects) {

    private static final String QUERY = """
            SELECT 'schema ' || nspname FROM pg_namespace
            UNION ALL SELECT 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            UNION ALL SELECT 'type ' || n.nspname || '.' || t.typname
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            UNION ALL SELECT 'constraint ' || n.nspname || '.' || c.conname
              FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            UNION ALL SELECT 'cast ' || format_type(castsource, NULL) || ' -> ' || format_type(casttarget, NULL)
              FROM pg_cast
            UNION ALL SELECT 'function ' || p.oid::regprocedure::text FROM pg_proc p
            ORDER BY 1
            """;

    public static CatalogSnapshot of(Connection connection) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
            while (rows.next()) {
                objects.add(rows.getString(1));
            }
        }
        return new CatalogSnapshot(List.copyOf(objects));
    }

}
