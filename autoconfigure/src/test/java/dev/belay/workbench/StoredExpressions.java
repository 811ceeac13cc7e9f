package dev.belay.workbench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Every check, default and generation expression of a schema as PostgreSQL stores and renders
 * it ({@code pg_get_constraintdef}, {@code pg_get_expr}), by object, leaving Belay's history
 * table out: equal maps of two schemas mean PostgreSQL holds the same expressions in both,
 * spelled the same.
 */
final class StoredExpressions {

    private static final String QUERY = """
            SELECT 'check ' || c.relname || '.' || con.conname, pg_get_constraintdef(con.oid)
              FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
             WHERE con.contype = 'c' AND c.relnamespace = ?::regnamespace AND c.relname <> 'belay_history'
            UNION ALL
            SELECT CASE WHEN a.attgenerated = '' THEN 'default ' ELSE 'generated ' END || c.relname || '.' || a.attname,
                   pg_get_expr(d.adbin, d.adrelid)
              FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid
              JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
             WHERE c.relnamespace = ?::regnamespace AND c.relname <> 'belay_history'
            """;

    private StoredExpressions() {
    }

    static Map<String, String> of(DataSource dataSource, String schema) throws SQLException {
        Map<String, String> expressions = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, schema);
            statement.setString(2, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    expressions.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return expressions;
    }

}
