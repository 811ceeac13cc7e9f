package dev.belay.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A copy of the sample app in a directory of its own, built and run the way its Maven build
 * would: sources compiled with javac against the app's runtime class path, resources copied next
 * to the classes, and every start a JVM of its own ({@code java -cp}) whose working directory is
 * the copy, so that {@code target/ridelog-db}, {@code target/ridelog-data} and
 * {@code belay generate}'s {@code src/main/java} are the copy's.
 * <p>
 * Every process it starts logs to a file of {@link #logs()}, and {@link #close()} stops whatever
 * still runs, the embedded PostgreSQL of a killed app included.
 */
final class SampleAppCopy implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private static final Duration COMMAND = Duration.ofMinutes(3);

    private static final Duration SHUTDOWN = Duration.ofMinutes(1);

    private final Path root;

    private final List<String> classPath;

    private final List<Path> logs = new ArrayList<>();

    private final List<Process> processes = new ArrayList<>();

    private List<String> jvmOptions = List.of();

    private SampleAppCopy(Path root, List<String> classPath) {
        this.root = root;
        this.classPath = classPath;
    }

    /**
     * Copies {@code src/main} of the sample app into {@code directory}.
     * @param classPath the app's runtime class path (Belay and every other dependency)
     */
    static SampleAppCopy of(Path sampleApp, Path directory, List<String> classPath) throws IOException {
        copyTree(sampleApp.resolve("src/main"), directory.resolve("src/main"));
        return new SampleAppCopy(directory, classPath);
    }

    /**
     * Copies the sample app (the module this build runs in) into {@code directory} and walks
     * through the copy; when the walk fails, the copy is kept (a {@code @TempDir} cleaned up on
     * success only) and the failure says where, with the tail of every log.
     */
    static void walkThrough(Path directory, Walk walk) throws Exception {
        Path sampleApp = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        try (SampleAppCopy app = of(sampleApp, directory.resolve("ridelog"), runtimeClassPath(sampleApp))) {
            try {
                walk.walk(app);
            }
            catch (Throwable failure) {
                throw new AssertionError(failure.getMessage() + "\n\nThe copy is kept in " + app.root() + ".\n"
                        + app.logTails(), failure);
            }
        }
    }

    /** What a test does with a copy of the app. */
    @FunctionalInterface
    interface Walk {

        void walk(SampleAppCopy app) throws Exception;

    }

    /**
     * The sample app's runtime class path, as its build wrote it (dependency:build-classpath in
     * generate-test-resources).
     */
    static List<String> runtimeClassPath(Path sampleApp) throws IOException {
        Path file = sampleApp.resolve("target/runtime-classpath.txt");
        if (!Files.exists(file)) {
            throw new IllegalStateException("The app's runtime class path is missing (" + file + "): it is written "
                    + "by the build (dependency:build-classpath in generate-test-resources), so run this test through "
                    + "Maven");
        }
        List<String> entries = new ArrayList<>();
        for (String entry : Files.readString(file, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The last lines of each of the copy's logs, for a failure message. */
    String logTails() {
        return logs().stream().map((log) -> {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return "--- " + log.getFileName() + " (last 80 of " + lines.size() + " lines)\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
            }
            catch (IOException ex) {
                return "--- " + log.getFileName() + ": " + ex;
            }
        }).collect(Collectors.joining("\n"));
    }

    Path root() {
        return this.root;
    }

    Path sources() {
        return this.root.resolve("src/main/java");
    }

    Path databaseDirectory() {
        return this.root.resolve("target/ridelog-db");
    }

    Path dataDirectory() {
        return this.root.resolve("target/ridelog-data");
    }

    List<Path> logs() {
        return this.logs;
    }

    /** Replaces text in a source file of the copy, as someone editing it would. */
    void edit(String file, String text, String replacement) throws IOException {
        Path path = sources().resolve(file);
        String source = Files.readString(path, StandardCharsets.UTF_8);
        if (!source.contains(text)) {
            throw new IllegalStateException(path + " no longer contains the text to replace:\n" + text);
        }
        Files.writeString(path, source.replace(text, replacement), StandardCharsets.UTF_8);
    }

    /** Compiles every source into a clean {@code target/classes} and copies the resources there. */
    void build() throws IOException {
        Path classes = this.root.resolve("target/classes");
        deleteTree(classes);
        Files.createDirectories(classes);
        compile(sources(), classes);
        copyTree(this.root.resolve("src/main/resources"), classes);
    }

    /**
     * Processes the built copy ahead of time, as {@code spring-boot:process-aot} does in the app's
     * build with {@code -Paot}: Spring's AOT processor, in a JVM of its own, writes the context's
     * bean definitions as code, which is compiled into {@code target/classes} beside the classes
     * and resources it generated. Every start after it runs on that code, as
     * {@code java -Dspring.aot.enabled=true -jar app.jar} does.
     */
    void processAot() throws IOException, InterruptedException {
        Path classes = this.root.resolve("target/classes");
        Path generated = this.root.resolve("target/spring-aot/main");
        deleteTree(generated);
        Process process = launch("process-aot", List.of(), "org.springframework.boot.SpringApplicationAotProcessor",
                RideLogApplication.class.getName(), generated.resolve("sources").toString(),
                generated.resolve("resources").toString(), generated.resolve("classes").toString(), "dev.belay",
                "belay-sample-app");
        if (!process.waitFor(COMMAND.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            throw new AssertionError("AOT processing of the copy failed; see its log "
                    + this.logs.get(this.logs.size() - 1));
        }
        compile(generated.resolve("sources"), classes);
        copyTree(generated.resolve("resources"), classes);
        copyTree(generated.resolve("classes"), classes);
        this.jvmOptions = List.of("-Dspring.aot.enabled=true");
    }

    private void compile(Path sourceRoot, Path classes) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            sources = files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-parameters", "-proc:none", "-encoding", "UTF-8",
                    "-classpath", classes + File.pathSeparator + String.join(File.pathSeparator, this.classPath), "-d",
                    classes.toString());
            boolean compiled = javac
                .getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                .call();
            if (!compiled) {
                throw new AssertionError("javac failed on the copy in " + this.root + ":\n" + diagnostics
                    .getDiagnostics()
                    .stream()
                    .filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                    .map((diagnostic) -> diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber() + ": "
                            + diagnostic.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n")));
            }
        }
    }

    /**
     * Starts the app as {@code spring-boot:run} would, on a free port, and waits until its health
     * is {@code UP}.
     */
    RunningApp start(String name) throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            int port = freePort();
            Process process = launch(name + ((attempt > 1) ? "-" + attempt : ""), "--server.port=" + port);
            Optional<RunningApp> started = awaitUp(name, process, new ApiClient(port), attempt < 3);
            if (started.isPresent()) {
                return started.get();
            }
        }
    }

    /**
     * Waits for the app to be up; empty when it could not bind its port and may try another one
     * (someone took the port between our look and the app's bind).
     */
    private Optional<RunningApp> awaitUp(String name, Process process, ApiClient api, boolean mayRetry)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                Path log = this.logs.get(this.logs.size() - 1);
                if (mayRetry && Files.readString(log, StandardCharsets.UTF_8).contains("already in use")) {
                    return Optional.empty();
                }
                throw new AssertionError("The app (" + name + ") ended with exit status " + process.exitValue()
                        + " before it was up; see its log " + log);
            }
            if (isUp(api)) {
                return Optional.of(new RunningApp(process, api));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The app (" + name + ") was not up within " + STARTUP);
    }

    /**
     * Stops the app as Ctrl-C or a service manager would (SIGTERM) and waits until it has ended.
     * @return its exit status
     */
    int stop(RunningApp app) throws InterruptedException {
        app.process().destroy();
        if (!app.process().waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The app did not stop within " + SHUTDOWN + " of SIGTERM");
        }
        return app.process().exitValue();
    }

    /**
     * Runs the app with a command line ({@code belay generate ...}), non-interactively, as
     * {@code java -jar app.jar belay generate ...} would, and waits for it to end.
     */
    CommandRun command(String name, String... words) throws IOException, InterruptedException {
        Process process = launch(name, words);
        if (!process.waitFor(COMMAND.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("'" + String.join(" ", words) + "' did not end within " + COMMAND);
        }
        Path log = this.logs.get(this.logs.size() - 1);
        return new CommandRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private Process launch(String name, String... arguments) throws IOException {
        return launch(name, this.jvmOptions, RideLogApplication.class.getName(), arguments);
    }

    private Process launch(String name, List<String> jvmOptions, String mainClass, String... arguments)
            throws IOException {
        Path log = this.root.resolve("logs").resolve(name + ".log");
        Files.createDirectories(log.getParent());
        this.logs.add(log);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; nothing here runs long enough to need C2
        command.add("-cp");
        command.add(this.root.resolve("target/classes") + File.pathSeparator
                + String.join(File.pathSeparator, this.classPath));
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(this.root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        this.processes.add(process);
        process.getOutputStream().close(); // nobody types: a question finds no answer, as in CI
        return process;
    }

    /** Stops every process that still runs and an embedded PostgreSQL that a killed one left behind. */
    @Override
    public void close() {
        try {
            for (Process process : this.processes) {
                if (process.isAlive()) {
                    process.destroy();
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    }
                }
            }
            Optional<ProcessHandle> postgres = orphanedPostgres();
            if (postgres.isPresent()) {
                postgres.get().destroy();
                postgres.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Could not stop the embedded PostgreSQL on " + databaseDirectory(), ex);
        }
    }

    /** The server {@code postmaster.pid} names, when it still runs: its app was killed. */
    private Optional<ProcessHandle> orphanedPostgres() {
        Path pidFile = databaseDirectory().resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII).get(0).strip());
            return ProcessHandle.of(pid).filter((process) -> process.info().command().orElse("").contains("postgres"));
        }
        catch (IOException | RuntimeException ex) {
            return Optional.empty(); // the file went away or names no process
        }
    }

    private static boolean isUp(ApiClient api) {
        try {
            ApiClient.Response health = api.get("/actuator/health");
            return health.status() == 200 && health.text().contains("\"UP\"");
        }
        catch (UncheckedIOException ex) {
            return false; // not listening yet
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A started app and a client for its API. */
    record RunningApp(Process process, ApiClient api) {

    }

    /** A command that has ended: its exit status and everything it printed. */
    record CommandRun(int exitCode, String output) {

        @Override
        public String toString() {
            return "exit status " + this.exitCode + ":\n" + this.output;
        }

    }

}
