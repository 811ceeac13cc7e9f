package dev.belay.runner;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the other sessions that stand in a migration's way, from {@code pg_locks} and
 * {@code pg_stat_activity}, in words an operator can act on: PID, user, application, client,
 * what it is doing and for how long, the locks it holds and its last statement.
 */
final class SessionReport {

    private static final String SESSION_COLUMNS = "a.pid, a.usename, a.application_name, host(a.client_addr), "
            + "a.state, extract(epoch FROM now() - a.state_change)::bigint, "
            + "extract(epoch FROM now() - a.xact_start)::bigint, left(regexp_replace(a.query, '\\s+', ' ', 'g'), 200)";

    /** Unquoted or double-quoted SQL identifiers, to find the tables a statement names. */
    private static final Pattern IDENTIFIER = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

    private SessionReport() {
    }

    /** The sessions holding an advisory lock of the key in the current database. */
    static List<String> holdingAdvisoryLock(Connection connection, long key) throws SQLException {
        List<String> holders = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + SESSION_COLUMNS
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
                + "AND l.classid = ?::bigint::oid AND l.objid = ?::bigint::oid "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    holders.add(describe(rows, null));
                }
            }
        }
        return holders;
    }

    /**
     * The other sessions holding locks on the tables (and their indexes and sequences) of the
     * schema that a statement names, or on any of the schema's relations when it names none that
     * is locked: who a statement that timed out on a lock was probably waiting for. Oldest
     * transaction first.
     */
    static List<String> holdingLocksFor(Connection connection, String schema, String sql) throws SQLException {
        List<String> named = holdingLocks(connection, schema, identifiers(sql));
        return named.isEmpty() ? holdingLocks(connection, schema, List.of()) : named;
    }

    private static List<String> holdingLocks(Connection connection, String schema, List<String> names)
            throws SQLException {
        List<String> holders = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + SESSION_COLUMNS
                + ", array_agg(DISTINCT c.relname || ' (' || l.mode || ')') "
                + "FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_stat_activity a ON a.pid = l.pid "
                + "LEFT JOIN pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_class t ON t.oid = i.indrelid "
                + "WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_backend_pid() AND n.nspname = ? "
                + "AND (cardinality(?::text[]) = 0 OR c.relname = ANY (?::text[]) OR t.relname = ANY (?::text[])) "
                + "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, a.xact_start ORDER BY a.xact_start NULLS LAST, 1")) {
            Array array = connection.createArrayOf("text", names.toArray());
            statement.setString(1, schema);
            statement.setArray(2, array);
            statement.setArray(3, array);
            statement.setArray(4, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Array locks = rows.getArray(9);
                    holders.add(describe(rows, String.join(", ", (String[]) locks.getArray())));
                }
            }
        }
        return holders;
    }

    private static String describe(ResultSet row, String locks) throws SQLException {
        String client = row.getString(4);
        String state = row.getString(5);
        long inState = row.getLong(6);
        long inTransaction = row.getLong(7);
        boolean transaction = !row.wasNull();
        StringBuilder text = new StringBuilder("PID ").append(row.getInt(1))
            .append(" (user ").append(row.getString(2))
            .append(", application '").append(row.getString(3)).append('\'')
            .append(", client ").append((client != null) ? client : "local socket")
            .append(", ").append((state != null) ? state : "state unknown");
        if (state != null) {
            text.append(" for ").append(duration(inState));
        }
        if (transaction) {
            text.append(", in a transaction for ").append(duration(inTransaction));
        }
        if (locks != null) {
            text.append(", holding ").append(locks);
        }
        String query = row.getString(8);
        if (query != null && !query.isBlank()) {
            text.append(", ").append("active".equals(state) ? "running" : "last statement").append(": ").append(query);
        }
        return text.append(')').toString();
    }

    /** A duration in seconds as people say it: {@code 3 s}, {@code 4 min 12 s}, {@code 2 h 5 min}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return Math.max(seconds, 0) + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + ((seconds % 3600) / 60) + " min";
    }

    /** The names a statement may mean, as PostgreSQL stores them (unquoted ones folded to lower case). */
    static List<String> identifiers(String sql) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = IDENTIFIER.matcher(sql.replaceAll("'(?:[^']|'')*'", " "));
        while (matcher.find()) {
            names.add((matcher.group(1) != null) ? matcher.group(1).replace("\"\"", "\"")
                    : matcher.group(2).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }

}
