package dev.belay.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes a {@link PgBouncer}'s files into a fresh temporary directory, starts the binary (as
 * {@code nobody} when the JVM is root, since PgBouncer will not run as root) and waits until it
 * listens. Kept apart from {@link PgBouncer} so that the one says how tests use a pooler and the
 * other how a pooler comes to life on a Debian machine.
 */
final class PgBouncerLauncher {

    private static final String HOST = "127.0.0.1";

    private static final String UNPRIVILEGED_USER = "nobody";

    private static final String UNPRIVILEGED_GROUP = "nogroup";

    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Path executable;

    private final ServerAddress target;

    private final PostgresServer server;

    PgBouncerLauncher(Path executable, PostgresServer server) {
        this.executable = executable;
        this.target = ServerAddress.of(server);
        this.server = server;
    }

    /** Starts PgBouncer on {@code port}; the result says whether it came up and, if not, why. */
    Started launch(int port, String poolMode, Map<String, String> settings) {
        Path directory = createDirectory();
        Path log = directory.resolve("pgbouncer.log");
        Process process;
        try {
            Path config = writeFiles(directory, port, poolMode, settings);
            ProcessBuilder builder = new ProcessBuilder(command(config)).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
            process = builder.start();
        }
        catch (IOException ex) {
            deleteQuietly(directory);
            throw new UncheckedIOException("Could not start PgBouncer (" + this.executable + ")", ex);
        }
        Instant deadline = Instant.now().plus(STARTUP);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            if (listening(port)) {
                return new Started(process, directory, port, null);
            }
            sleep();
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        String output = read(log);
        deleteQuietly(directory);
        String reason = process.isAlive() ? "did not listen within " + STARTUP.toSeconds() + " s"
                : "exited with status " + process.exitValue();
        System.err.println("PgBouncer on port " + port + " " + reason + "; its log:\n" + output);
        return new Started(null, null, port, new PgBouncerStartException(
                "PgBouncer on " + HOST + ":" + port + " " + reason + "; its log:\n" + output, output));
    }

    private List<String> command(Path config) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            // setpriv replaces itself with PgBouncer, so stopping the process stops PgBouncer; runuser
            // stays in between but passes the signal on.
            PgBouncer.find("setpriv", List.of(Path.of("/usr/bin/setpriv"))).ifPresentOrElse(
                    (setpriv) -> command.addAll(List.of(setpriv.toString(), "--reuid=" + UNPRIVILEGED_USER,
                            "--regid=" + UNPRIVILEGED_GROUP, "--clear-groups")),
                    () -> command.addAll(List.of(PgBouncer.find("runuser", List.of(Path.of("/usr/sbin/runuser")))
                        .map(Path::toString)
                        .orElseThrow(() -> new IllegalStateException(
                                "PgBouncer will not run as root, and neither setpriv nor runuser is there to drop root")),
                            "-u", UNPRIVILEGED_USER, "--")));
        }
        command.add(this.executable.toString());
        command.add(config.toString());
        return command;
    }

    private Path writeFiles(Path directory, int port, String poolMode, Map<String, String> settings)
            throws IOException {
        String user = this.server.user();
        String password = this.server.password();
        StringBuilder ini = new StringBuilder();
        ini.append("[databases]\n");
        // Every database name the client asks for, on the test server.
        ini.append("* = host=").append(host(this.target.host())).append(" port=").append(this.target.port());
        if (!password.isEmpty()) {
            ini.append(" user=").append(user).append(" password=").append(password);
        }
        ini.append("\n\n[pgbouncer]\n");
        ini.append("listen_addr = ").append(HOST).append('\n');
        ini.append("listen_port = ").append(port).append('\n');
        // No Unix socket: it would go to /tmp and could clash with another server's.
        ini.append("unix_socket_dir =\n");
        ini.append("pool_mode = ").append(poolMode).append('\n');
        // The test server is reached as the test user; the client is trusted (the user must still be listed).
        ini.append("auth_type = trust\n");
        ini.append("auth_file = ").append(directory.resolve("userlist.txt")).append('\n');
        ini.append("pidfile = ").append(directory.resolve("pgbouncer.pid")).append('\n');
        settings.forEach((name, value) -> ini.append(name).append(" = ").append(value).append('\n'));
        Path config = directory.resolve("pgbouncer.ini");
        Files.writeString(config, ini, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("userlist.txt"), quote(user) + " " + quote(password) + "\n",
                StandardCharsets.UTF_8);
        if (isRoot()) {
            giveTo(UNPRIVILEGED_USER, directory);
        }
        return config;
    }

    /** PgBouncer's resolver asks DNS; the loopback address needs no lookup (and is where the embedded server is). */
    private static String host(String host) {
        return host.equals("localhost") ? "127.0.0.1" : host;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void giveTo(String user, Path directory) throws IOException {
        UserPrincipal owner = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user);
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.toList()) {
                Files.setOwner(file, owner);
            }
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        }
        catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("belay-pgbouncer-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create a directory for PgBouncer", ex);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PgBouncer", ex);
        }
    }

    static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        catch (IOException ex) {
            return "(could not read " + file + ": " + ex.getMessage() + ")";
        }
    }

    static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException ex) {
            // Left in the temporary directory: harmless.
        }
    }

    /**
     * What became of one launch: a running process listening on {@code port}, or the failure.
     *
     * @param process the running PgBouncer, or {@code null}
     * @param directory its directory, or {@code null}
     * @param port the port it was asked to listen on
     * @param failure why it did not come up, or {@code null}
     */
    record Started(Process process, Path directory, int port, PgBouncerStartException failure) {

        boolean ready() {
            return this.failure == null;
        }

        /** Whether it failed because someone else took the port in the meantime: worth another try. */
        boolean portTaken() {
            return this.failure != null && this.failure.log().contains("Address already in use");
        }

    }

    /** PgBouncer did not come up; the message carries its log. */
    static final class PgBouncerStartException extends IllegalStateException {

        private final transient String log;

        PgBouncerStartException(String message, String log) {
            super(message);
            this.log = log;
        }

        String log() {
            return this.log;
        }

    }

}
