package dev.belay.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invalid index that a failed or interrupted {@code CREATE INDEX CONCURRENTLY} leaves
 * behind: PostgreSQL keeps it (it slows every write to the table and answers no query), and
 * {@code IF NOT EXISTS} would then take it for the finished index. Belay drops it, concurrently,
 * before such a statement runs and after it fails, so that a failed build leaves nothing behind
 * and running it again starts clean.
 */
final class InvalidIndexes {

    private static final String NAME = "\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*";

    private static final Pattern CREATE_CONCURRENTLY = Pattern.compile(
            "(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME
                    + ")\\s+ON\\b");

    private InvalidIndexes() {
    }

    /** The index a {@code CREATE INDEX CONCURRENTLY} statement builds, as written in it. */
    static Optional<String> builtBy(String sql) {
        Matcher matcher = CREATE_CONCURRENTLY.matcher(sql);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * Drops the index of that name (resolved through the connection's {@code search_path}) if it
     * exists and is invalid; the connection must be in autocommit mode.
     * @return the index dropped, schema-qualified where needed, or empty when there was none
     */
    static Optional<String> dropIfInvalid(Connection connection, String index) throws SQLException {
        String found;
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.oid::regclass::text "
                + "FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE c.oid = to_regclass(?) "
                + "AND NOT i.indisvalid")) {
            statement.setString(1, index);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                found = row.getString(1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + found);
        }
        return Optional.of(found);
    }

}
