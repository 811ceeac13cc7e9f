package dev.belay.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@PostgresTest
class TcpProxyTests {

    @Test
    void forwardsQueriesToTheServer(TestDatabase database) throws SQLException {
        try (TcpProxy proxy = TcpProxy.toServer(); Connection connection = proxy.connect(database)) {
            assertThat(queryString(connection, "SELECT current_database()")).isEqualTo(database.name());
            assertThat(proxy.connections()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionClosedByItsClientIsNoLongerCounted(TestDatabase database) throws SQLException {
        try (TcpProxy proxy = TcpProxy.toServer()) {
            proxy.connect(database).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.connections() == 0);
        }
    }

    @Test
    void cutAllFailsOpenConnectionsWithAnIoErrorWhileNewConnectionsStillWork(TestDatabase database)
            throws SQLException {
        try (TcpProxy proxy = TcpProxy.toServer(); Connection cut = proxy.connect(database)) {
            int before = backendPid(cut);
            assertThat(proxy.cutAll()).isEqualTo(1);
            assertThat(proxy.connections()).isZero();
            // SQLSTATE class 08: connection exception, pgjdbc's word for an I/O error on the socket.
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> backendPid(cut))
                .satisfies((ex) -> assertThat(ex.getSQLState()).startsWith("08"));
            try (Connection fresh = proxy.connect(database)) {
                assertThat(backendPid(fresh)).isNotEqualTo(before);
            }
        }
    }

    @Test
    void cutAllEndsTheServerSessionAndSoReleasesItsAdvisoryLocks(TestDatabase database) throws SQLException {
        try (TcpProxy proxy = TcpProxy.toServer(); Connection other = database.connect()) {
            // Not closed: closing a cut connection that has not failed yet fails (the driver says goodbye).
            Connection holder = proxy.connect(database);
            queryString(holder, "SELECT pg_advisory_lock(4711)::text");
            assertThat(queryString(other, "SELECT pg_try_advisory_lock(4711)::text")).isEqualTo("false");
            proxy.cutAll();
            // The server ends the session when it notices the reset, and with it the session's locks.
            await().atMost(Duration.ofSeconds(10))
                .until(() -> queryString(other, "SELECT pg_try_advisory_lock(4711)::text"), "true"::equals);
        }
    }

    @Test
    void refuseNewTurnsNewConnectionsAwayUntilLifted(TestDatabase database) throws SQLException {
        try (TcpProxy proxy = TcpProxy.toServer(); Connection open = proxy.connect(database)) {
            proxy.refuseNew(true);
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> proxy.connect(database).close());
            assertThat(backendPid(open)).as("connections already open are untouched").isPositive();
            proxy.refuseNew(false);
            try (Connection fresh = proxy.connect(database)) {
                assertThat(backendPid(fresh)).isPositive();
            }
        }
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
