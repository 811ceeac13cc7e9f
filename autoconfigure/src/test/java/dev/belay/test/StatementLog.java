package dev.belay.test;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What was run on a test database since {@link #start}, from {@code pg_stat_statements}, which the
 * embedded test server preloads: for tests that show that Belay runs no DDL where it must not.
 * Where the server does not load it (an external one), the test is skipped and says why.
 */
public final class StatementLog {

    private final JdbcTemplate jdbc;

    private StatementLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts counting afresh on the database. */
    public static StatementLog start(TestDatabase database) {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        Boolean loaded = jdbc.queryForObject("SELECT 'pg_stat_statements' = ANY (string_to_array("
                + "current_setting('shared_preload_libraries'), ', '))", Boolean.class);
        Assumptions.assumeTrue(Boolean.TRUE.equals(loaded), "pg_stat_statements is not loaded by this server "
                + "(shared_preload_libraries), so the statements run on it cannot be listed");
        jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        jdbc.execute("SELECT pg_stat_statements_reset()");
        return new StatementLog(jdbc);
    }

    /** The statements a role ran since the start. */
    public List<String> ofRole(String role) {
        return this.jdbc.queryForList("SELECT query FROM pg_stat_statements WHERE userid = "
                + "(SELECT oid FROM pg_roles WHERE rolname = ?)", String.class, role);
    }

    /** The statements run on the database since the start, but for those reading this log. */
    public List<String> ofDatabase() {
        return this.jdbc.queryForList("SELECT query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM "
                + "pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'",
                String.class);
    }

    /** Whether a statement changes the schema (or its rights). */
    public static boolean isDdl(String query) {
        String start = query.stripLeading().toUpperCase(Locale.ROOT);
        return List.of("CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "TRUNCATE").stream()
            .anyMatch(start::startsWith);
    }

}
