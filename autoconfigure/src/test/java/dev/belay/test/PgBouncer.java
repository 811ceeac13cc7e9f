package dev.belay.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;

/**
 * A PgBouncer between the tests and the test {@link PostgresServer}, by default in transaction
 * pooling mode: there a client's consecutive transactions may run on different server
 * connections, so anything that lives in a server session (a session-level advisory lock above
 * all) is not where the client thinks it is. Tests that prove Belay notices use this.
 * <p>
 * Debian's {@code pgbouncer} binary runs in the foreground as a child of the test JVM, on a free
 * local port, with its configuration, auth file, pid file and log in a temporary directory that
 * {@link #close()} removes. PgBouncer refuses to run as root, so when the JVM is root (as on CI)
 * it runs as {@code nobody}. Where PgBouncer is not installed, {@link #start()} skips the test
 * through a JUnit assumption rather than failing it; {@link #assumeInstalled()} does the same
 * up front. Call it from a test or {@code @BeforeEach}, not {@code @BeforeAll}: Surefire reports a
 * class skipped in {@code @BeforeAll} as no tests at all, without the reason.
 * <p>
 * Connections through the pooler use {@code prepareThreshold=0}: PgBouncer 1.18 (Debian 12)
 * cannot keep a named prepared statement on the server connection of a transaction-mode client.
 */
public final class PgBouncer implements AutoCloseable {

    /** How PgBouncer hands server connections to clients. */
    public enum PoolMode {

        /** A server connection per client connection, for as long as the client stays. */
        SESSION,

        /** A server connection per transaction (per statement in autocommit). */
        TRANSACTION;

        String setting() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    private static final String HOST = "127.0.0.1";

    private static final List<Path> WELL_KNOWN = List.of(Path.of("/usr/sbin/pgbouncer"));

    /** Settings this class owns: where PgBouncer listens and keeps its files. */
    private static final Set<String> RESERVED = Set.of("listen_addr", "listen_port", "unix_socket_dir", "auth_file",
            "pidfile", "logfile");

    private final Process process;

    private final Path directory;

    private final int port;

    private final PoolMode poolMode;

    private final Thread stopAtExit;

    private PgBouncer(Process process, Path directory, int port, PoolMode poolMode) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.poolMode = poolMode;
        this.stopAtExit = new Thread(this::stop, "pgbouncer-" + port + "-stop");
        Runtime.getRuntime().addShutdownHook(this.stopAtExit);
    }

    /** Starts a PgBouncer in transaction mode with the default settings of {@link Builder}. */
    public static PgBouncer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code pgbouncer} executable: on the {@code PATH} or where Debian puts it. */
    public static Optional<Path> executable() {
        return find("pgbouncer", WELL_KNOWN);
    }

    /** Skips the calling test where PgBouncer is not installed, saying how to install it. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(executable().isPresent(),
                "PgBouncer is not installed (no pgbouncer on the PATH nor at /usr/sbin/pgbouncer), so this test "
                        + "that needs a connection pooler is skipped; install it with `apt-get install pgbouncer`");
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return this.port;
    }

    public PoolMode poolMode() {
        return this.poolMode;
    }

    /** The directory holding the configuration, auth file, pid file and log. */
    public Path directory() {
        return this.directory;
    }

    /** What PgBouncer has written to its log so far. */
    public String log() {
        return PgBouncerLauncher.read(this.directory.resolve("pgbouncer.log"));
    }

    /** The JDBC URL of {@code database} through the pooler (credentials separate, as in {@link TestDatabase}). */
    public String url(TestDatabase database) {
        return "jdbc:postgresql://" + HOST + ":" + this.port + "/" + database.name() + "?prepareThreshold=0";
    }

    /** A new connection to {@code database} through the pooler, in autocommit mode; the caller closes it. */
    public Connection connect(TestDatabase database) throws SQLException {
        return database.connect(url(database));
    }

    /** A simple (unpooled) data source on {@code database} through the pooler. */
    public DataSource dataSource(TestDatabase database) {
        return database.dataSource(url(database));
    }

    /** Spring Boot properties that point an application at {@code database} through the pooler. */
    public String[] springProperties(TestDatabase database) {
        return database.springProperties(url(database));
    }

    /** Stops PgBouncer (dropping its client and server connections) and removes its directory. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(this.stopAtExit);
        }
        catch (IllegalStateException ex) {
            // The JVM is shutting down: the hook stops it.
        }
        stop();
        PgBouncerLauncher.deleteQuietly(this.directory);
    }

    @Override
    public String toString() {
        return "PgBouncer[" + this.poolMode.setting() + " mode on " + HOST + ":" + this.port + "]";
    }

    private void stop() {
        // SIGTERM: PgBouncer's immediate shutdown, closing every connection.
        this.process.destroy();
        try {
            if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
                this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
        }
    }

    static Optional<Path> find(String name, List<Path> wellKnown) {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    candidates.add(Path.of(entry, name));
                }
            }
        }
        candidates.addAll(wellKnown);
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * The settings of a PgBouncer to start. The defaults: transaction mode, 5 server connections
     * per database and user ({@code default_pool_size}), 100 clients ({@code max_client_conn}).
     */
    public static final class Builder {

        private final Map<String, String> settings = new LinkedHashMap<>();

        private PoolMode poolMode = PoolMode.TRANSACTION;

        private Builder() {
            this.settings.put("default_pool_size", "5");
            this.settings.put("max_client_conn", "100");
            // pgjdbc sends it at startup, and PgBouncer refuses startup parameters it does not know.
            this.settings.put("ignore_startup_parameters", "extra_float_digits");
        }

        public Builder poolMode(PoolMode poolMode) {
            this.poolMode = poolMode;
            return this;
        }

        /** Server connections per database and user: more than one lets clients' transactions spread out. */
        public Builder defaultPoolSize(int size) {
            return setting("default_pool_size", Integer.toString(size));
        }

        public Builder maxClientConnections(int connections) {
            return setting("max_client_conn", Integer.toString(connections));
        }

        /**
         * Any other setting of PgBouncer's {@code [pgbouncer]} section, e.g.
         * {@code server_reset_query}; where it listens and keeps its files is not for the test to set.
         */
        public Builder setting(String name, String value) {
            if (name.equals("pool_mode")) {
                throw new IllegalArgumentException("Choose the pool mode with poolMode(...)");
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException(name + " is not for a test to set: the helper picks ports and files");
            }
            this.settings.put(name, value);
            return this;
        }

        /** Starts PgBouncer and waits until it accepts connections; skips the test where it is not installed. */
        public PgBouncer start() {
            assumeInstalled();
            PgBouncerLauncher launcher = new PgBouncerLauncher(executable().orElseThrow(), PostgresServer.get());
            // A free port may be taken between finding it and PgBouncer binding it: try again then.
            for (int attempt = 1;; attempt++) {
                PgBouncerLauncher.Started started = launcher.launch(freePort(), this.poolMode.setting(),
                        this.settings);
                if (started.ready()) {
                    return new PgBouncer(started.process(), started.directory(), started.port(), this.poolMode);
                }
                if (!started.portTaken() || attempt == 3) {
                    throw started.failure();
                }
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(HOST, 0));
                return socket.getLocalPort();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not find a free local port for PgBouncer", ex);
            }
        }

    }

}
