package dev.belay.tenant;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.belay.revision.RevisionHistory;
import dev.belay.revision.RevisionHistory.States;

import org.jspecify.annotations.Nullable;

/**
 * Reads the history tables of many tenants of one database in a fixed number of queries, however
 * many tenants it holds: one that finds each schema's history table, and one per
 * {@value #SCHEMAS_PER_QUERY} schemas that reads their rows. A start with every tenant up to date
 * does nothing else.
 */
final class TenantHistories {

    /** How many history tables one query reads (a statement of a few hundred kilobytes at most). */
    static final int SCHEMAS_PER_QUERY = 500;

    private TenantHistories() {
    }

    /**
     * @param schemas each tenant's schema, or {@code null} for the connection's current schema
     * @param table the history table's name in each schema
     * @param queries counts the queries sent
     * @return each tenant's history, in the order of {@code schemas}
     */
    static List<History> read(DataSource dataSource, List<@Nullable String> schemas, String table, int[] queries)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int major = connection.getMetaData().getDatabaseMajorVersion();
            List<Located> located = locate(connection, schemas, table);
            queries[0]++;
            Map<String, Boolean> existing = new LinkedHashMap<>();
            located.stream()
                .filter((found) -> found.schema() != null && found.exists())
                .forEach((found) -> existing.put(found.schema(), found.fingerprints()));
            Map<String, States> states = new LinkedHashMap<>();
            List<String> names = List.copyOf(existing.keySet());
            for (int from = 0; from < names.size(); from += SCHEMAS_PER_QUERY) {
                Map<String, Boolean> chunk = new LinkedHashMap<>();
                names.subList(from, Math.min(names.size(), from + SCHEMAS_PER_QUERY))
                    .forEach((name) -> chunk.put(name, existing.get(name)));
                states.putAll(RevisionHistory.readStates(connection, table, chunk));
                queries[0]++;
            }
            List<History> histories = new ArrayList<>();
            for (Located found : located) {
                States read = (found.schema() != null) ? states.get(found.schema()) : null;
                histories.add(new History(found.schema(), found.exists(), major,
                        (read != null) ? read : new States(Map.of(), found.fingerprints(), null)));
            }
            return histories;
        }
    }

    private static List<Located> locate(Connection connection, List<@Nullable String> schemas, String table)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT s, t IS NOT NULL, EXISTS (SELECT "
                + "FROM pg_attribute WHERE attrelid = t AND attname = 'schema_snapshot' AND NOT attisdropped) "
                + "FROM (SELECT o, s, to_regclass(quote_ident(s) || '.' || quote_ident(?)) AS t FROM (SELECT o, "
                + "coalesce(n, current_schema()) AS s FROM unnest(?::text[]) WITH ORDINALITY AS u (n, o)) AS named) "
                + "AS found ORDER BY o")) {
            statement.setString(1, table);
            Array array = connection.createArrayOf("text", schemas.toArray());
            statement.setArray(2, array);
            List<Located> located = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    located.add(new Located(rows.getString(1), rows.getBoolean(2), rows.getBoolean(3)));
                }
            }
            array.free();
            return located;
        }
    }

    private record Located(@Nullable String schema, boolean exists, boolean fingerprints) {

    }

    /**
     * One tenant's history as the start reads it.
     *
     * @param schema the tenant's schema, or {@code null} when its connection has no current schema
     * @param exists whether the history table exists
     * @param serverMajor the major version of the tenant's server
     * @param states the rows' states, empty when the table does not exist
     */
    record History(@Nullable String schema, boolean exists, int serverMajor, States states) {

    }

}
