package dev.belay.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.TestInfo;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, empty database of its own on the test {@link PostgresServer}, created from a template
 * and dropped on {@link #close()}. Use it through {@link PostgresTest} in JUnit Jupiter tests or
 * directly (e.g. from jqwik's container lifecycle).
 */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;

    private final String name;

    private TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates a new, empty database whose name starts with {@code belay_}. */
    public static TestDatabase create() {
        PostgresServer server = PostgresServer.get();
        String name = "belay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = server.admin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE " + PostgresServer.TEMPLATE);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create test database " + name, ex);
        }
        return new TestDatabase(server, name);
    }

    /**
     * A schema name for one test method, so that the tests of a class can share its database:
     * the method's name in lower case, cut to 48 characters (PostgreSQL keeps 63 bytes of a name).
     */
    public static String schemaFor(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
        return name.substring(0, Math.min(name.length(), 48));
    }

    public String name() {
        return this.name;
    }

    public PostgresServer server() {
        return this.server;
    }

    /** The JDBC URL of this database (credentials separate, see {@link #user()}). */
    public String url() {
        return this.server.url(this.name);
    }

    public String user() {
        return this.server.user();
    }

    public String password() {
        return this.server.password();
    }

    /** A new connection in autocommit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        return connect(url());
    }

    /**
     * A new connection in autocommit mode through another URL of this database (a pooler, a
     * proxy), with its credentials; the caller closes it.
     */
    public Connection connect(String url) throws SQLException {
        Properties properties = this.server.credentials();
        return DriverManager.getConnection(url, properties);
    }

    /** A simple (unpooled) data source on this database. */
    public DataSource dataSource() {
        return dataSource(url());
    }

    /** A simple (unpooled) data source on this database through another URL of it. */
    public DataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user());
        dataSource.setPassword(password());
        return dataSource;
    }

    /** Runs statements in autocommit mode, for setting up a test. */
    public void execute(String... sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not run test SQL on " + this.name + ": " + ex.getMessage(), ex);
        }
    }

    /** Spring Boot properties that point an application at this database. */
    public String[] springProperties() {
        return springProperties(url());
    }

    /** Spring Boot properties that point an application at this database through another URL of it. */
    public String[] springProperties(String url) {
        return new String[] { "spring.datasource.url=" + url, "spring.datasource.username=" + user(),
                "spring.datasource.password=" + password() };
    }

    /** Points a Spring test context at this database, from a {@code @DynamicPropertySource} method. */
    public void registerWith(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::url);
        registry.add("spring.datasource.username", this::user);
        registry.add("spring.datasource.password", this::password);
    }

    @Override
    public void close() {
        try (Connection connection = this.server.admin(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not drop test database " + this.name, ex);
        }
    }

    @Override
    public String toString() {
        return url();
    }

}
