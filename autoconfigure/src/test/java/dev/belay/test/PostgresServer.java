package dev.belay.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one PostgreSQL server a test JVM talks to.
 * <p>
 * By default an embedded server (Zonky's binaries from Maven Central; the major version is the
 * {@code belay.postgres} build property) started on first use and stopped when the JVM exits.
 * When {@code BELAY_TEST_JDBC_URL} names a server (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), that one is used instead, so the
 * suite can be run against other PostgreSQL versions. Either way every test class gets a
 * database of its own, see {@link TestDatabase}.
 */
public final class PostgresServer {

    /** Environment variable (or system property) naming an external server. */
    public static final String EXTERNAL_URL = "BELAY_TEST_JDBC_URL";

    static final String TEMPLATE = "belay_test_template";

    private static volatile PostgresServer instance;

    private final String baseUrl;

    private final Properties credentials;

    private final EmbeddedPostgres embedded;

    private PostgresServer(String baseUrl, Properties credentials, EmbeddedPostgres embedded) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.embedded = embedded;
    }

    public static PostgresServer get() {
        PostgresServer server = instance;
        if (server == null) {
            synchronized (PostgresServer.class) {
                server = instance;
                if (server == null) {
                    server = start();
                    server.createTemplate();
                    instance = server;
                }
            }
        }
        return server;
    }

    private static PostgresServer start() {
        String external = System.getenv(EXTERNAL_URL);
        if (external == null || external.isBlank()) {
            external = System.getProperty(EXTERNAL_URL);
        }
        if (external != null && !external.isBlank()) {
            return external(external.trim());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // A throwaway server: durability buys nothing and costs seconds per suite.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "128MB")
                // So that a test can see which statements a role ran (CREATE EXTENSION in its database).
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
            Properties credentials = new Properties();
            credentials.setProperty("user", "postgres");
            return new PostgresServer("jdbc:postgresql://localhost:" + postgres.getPort() + "/", credentials,
                    postgres);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server for the tests", ex);
        }
    }

    private static PostgresServer external(String url) {
        // Split "jdbc:postgresql://host:port/db?user=x&password=y" into the server part and the
        // connection properties; databases are then created next to db.
        int query = url.indexOf('?');
        String withoutQuery = (query < 0) ? url : url.substring(0, query);
        Properties credentials = new Properties();
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    credentials.setProperty(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        int slash = withoutQuery.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            throw new IllegalStateException(
                    EXTERNAL_URL + " must name a database, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        }
        return new PostgresServer(withoutQuery.substring(0, slash + 1), credentials, null);
    }

    /** Whether the tests run on an embedded server (and may, for example, restart it). */
    public boolean isEmbedded() {
        return this.embedded != null;
    }

    /** The JDBC URL of a database on this server, without credentials. */
    public String url(String database) {
        return this.baseUrl + database;
    }

    /** The connection properties (user, password, ...) of this server. */
    public Properties credentials() {
        Properties copy = new Properties();
        copy.putAll(this.credentials);
        return copy;
    }

    public String user() {
        return this.credentials.getProperty("user", "postgres");
    }

    public String password() {
        return this.credentials.getProperty("password", "");
    }

    /** A connection to the maintenance database, for creating and dropping test databases. */
    Connection admin() throws SQLException {
        return DriverManager.getConnection(url("postgres"), this.credentials);
    }

    /** The server's major version, e.g. 15 or 18. */
    public int majorVersion() {
        try (Connection connection = admin()) {
            return connection.getMetaData().getDatabaseMajorVersion();
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not read the PostgreSQL server version", ex);
        }
    }

    private void createTemplate() {
        // An empty template of our own, so CREATE DATABASE copies a small, known database and
        // never waits for someone connected to template1.
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + TEMPLATE);
            statement.execute("CREATE DATABASE " + TEMPLATE + " TEMPLATE template0 ENCODING 'UTF8'");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create the test template database on " + this.baseUrl, ex);
        }
    }

}
