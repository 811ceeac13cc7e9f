package dev.belay.workbench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;

import dev.belay.schema.Identifiers;

/**
 * What Flyway's or Liquibase's history table says a database was built by, in a line for a
 * baseline's message: the tools' own tables are found among the tables Belay leaves alone by the
 * columns only they have, whatever the application named them.
 */
final class OtherToolHistory {

    private OtherToolHistory() {
    }

    /**
     * The tool's history as a phrase ({@code Flyway's 3 migrations in flyway_schema_history, up to
     * version 2 (add tags)}).
     * @param tables the tables of the schema that other tools own
     * @throws RefusedException when none of them is the tool's history table
     */
    static String describe(Connection connection, String schema, Collection<String> tables, OtherTool tool)
            throws SQLException {
        Optional<String> table = find(connection, schema, tables, tool);
        if (table.isEmpty()) {
            throw new RefusedException(RefusedException.Reason.CANNOT_WRITE, "Schema " + schema + " has no history "
                    + "table of " + tool.displayName() + "'s (looked for among " + String.join(", ", tables) + ").",
                    "Nothing was written. Leave out --from-" + tool.name().toLowerCase() + ", or name the table "
                            + "that " + tool.displayName() + " used with "
                            + ((tool == OtherTool.FLYWAY) ? "spring.flyway.table"
                                    : "spring.liquibase.database-change-log-table")
                            + " or belay.ignored-tables.");
        }
        String qualified = Identifiers.quote(schema) + "." + Identifiers.quote(table.get());
        try (PreparedStatement statement = connection.prepareStatement(String.format(summary(tool), qualified));
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            int count = rows.getInt(1);
            String last = rows.getString(2);
            String what = (tool == OtherTool.FLYWAY) ? ((count == 1) ? "migration" : "migrations")
                    : ((count == 1) ? "changeset" : "changesets");
            return tool.displayName() + "'s " + count + " " + what + " in " + table.get()
                    + ((last != null) ? ", up to " + ((tool == OtherTool.FLYWAY) ? "version " : "") + last : "");
        }
    }

    private static Optional<String> find(Connection connection, String schema, Collection<String> tables,
            OtherTool tool)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.relname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid "
                + "WHERE n.nspname = ? AND c.relname = ANY (?) AND a.attname = ? AND NOT a.attisdropped "
                + "ORDER BY c.relname LIMIT 1")) {
            statement.setString(1, schema);
            statement.setArray(2, connection.createArrayOf("text", tables.toArray()));
            statement.setString(3, (tool == OtherTool.FLYWAY) ? "installed_rank" : "orderexecuted");
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The count of the tool's migrations and its last one, for a table's qualified name. */
    private static String summary(OtherTool tool) {
        return switch (tool) {
            case FLYWAY -> "SELECT count(*), (SELECT version || coalesce(' (' || description || ')', '') FROM %1$s "
                    + "WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1) FROM %1$s "
                    + "WHERE success";
            case LIQUIBASE -> "SELECT count(*), (SELECT id || ' by ' || author || ' (' || filename || ')' FROM %1$s "
                    + "ORDER BY orderexecuted DESC LIMIT 1) FROM %1$s";
        };
    }

}
