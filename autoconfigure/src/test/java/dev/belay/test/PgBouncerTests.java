package dev.belay.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.belay.test.PgBouncer.PoolMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest
class PgBouncerTests {

    @Test
    void inTransactionModeConsecutiveStatementsOfOneClientCanRunOnDifferentBackends(TestDatabase database)
            throws SQLException {
        try (PgBouncer pooler = PgBouncer.builder().defaultPoolSize(2).start();
                Connection first = pooler.connect(database);
                Connection second = pooler.connect(database)) {
            int before = backendPid(first);
            // The second client's open transaction holds the only server connection there is so far...
            second.setAutoCommit(false);
            int held = backendPid(second);
            // ...so the first client's next statement runs on another one.
            int after = backendPid(first);
            second.rollback();
            assertThat(held).isEqualTo(before);
            assertThat(after).isNotEqualTo(before);
        }
    }

    @Test
    void inSessionModeAClientKeepsItsBackend(TestDatabase database) throws SQLException {
        try (PgBouncer pooler = PgBouncer.builder().poolMode(PoolMode.SESSION).defaultPoolSize(2).start();
                Connection first = pooler.connect(database);
                Connection second = pooler.connect(database)) {
            int before = backendPid(first);
            second.setAutoCommit(false);
            int held = backendPid(second);
            int after = backendPid(first);
            second.rollback();
            assertThat(held).isNotEqualTo(before);
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void aDataSourceThroughThePoolerReachesTheTestDatabase(TestDatabase database) throws SQLException {
        try (PgBouncer pooler = PgBouncer.start(); Connection connection = pooler.dataSource(database).getConnection()) {
            assertThat(queryString(connection, "SELECT current_database()")).isEqualTo(database.name());
        }
    }

    @Test
    void closeStopsThePoolerAndRemovesItsDirectory(TestDatabase database) throws SQLException {
        PgBouncer pooler = PgBouncer.start();
        Path directory = pooler.directory();
        try (Connection connection = pooler.connect(database)) {
            assertThat(backendPid(connection)).isPositive();
        }
        assertThat(directory.resolve("pgbouncer.ini")).isRegularFile();
        assertThat(directory.resolve("pgbouncer.pid")).isRegularFile();
        assertThat(pooler.log()).isNotEmpty();
        pooler.close();
        assertThat(directory).doesNotExist();
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> pooler.connect(database).close());
    }

    @Test
    void aPoolerThatDoesNotComeUpFailsWithItsLog() {
        PgBouncer.assumeInstalled();
        assertThatExceptionOfType(IllegalStateException.class)
            .isThrownBy(() -> PgBouncer.builder().setting("default_pool_size", "several").start().close())
            .withMessageContaining("its log:")
            .withMessageContaining("several");
    }

    @Test
    void thePoolModeIsChosenThroughItsOwnMethod() {
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> PgBouncer.builder().setting("pool_mode", "statement"))
            .withMessageContaining("poolMode(");
    }

    private static int backendPid(Connection connection) throws SQLException {
        return Integer.parseInt(queryString(connection, "SELECT pg_backend_pid()"));
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

}
