package dev.belay.benchmarks;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import dev.belay.revision.Revision;
import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.test.RevisionTestsEngine;
import dev.belay.test.TestDatabase;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

/**
 * What {@code @BelayRevisionTests} adds to a test run: the kit's checks on a generated application
 * of {@code -Drevisions=50} revisions (each creates a table) with an entity per table, run through
 * the JUnit Platform launcher as a build tool runs them. The context boots once (as Spring's test
 * cache does for a suite), so each round's figure is the checks alone: the graph, the chain from
 * empty, the mapping ({@code belay check}), the drift and the stairway (a step per revision). Beside
 * them, in the same round, a plain apply of the chain to an empty schema, the time a test that
 * only migrates would take. Medians of {@code -Drounds=5} rounds after a warm-up round.
 */
public final class RevisionTestsBenchmark {

    private static final String TEST_CLASS = MigrationFixtures.PACKAGE + ".ChainTests";

    private static final String STAIRWAY = "stairway, every revision's step";

    public static void main(String[] args) throws Exception {
        int revisions = Integer.getInteger("revisions", 50);
        int rounds = Integer.getInteger("rounds", 5);
        try (TestDatabase database = TestDatabase.create()) {
            System.setProperty("bench.kit.url", database.url());
            System.setProperty("bench.kit.user", database.user());
            System.setProperty("bench.kit.password", database.password());
            URLClassLoader application = compile(revisions);
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(application);
            try {
                run(database, application, revisions, rounds);
            }
            finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    private static void run(TestDatabase database, URLClassLoader application, int revisions, int rounds)
            throws Exception {
        Class<?> testClass = application.loadClass(TEST_CLASS);
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(testClass))
            .filters(includeEngines(RevisionTestsEngine.ID))
            .build();
        Map<String, List<Long>> checks = new LinkedHashMap<>();
        List<Long> kit = new ArrayList<>();
        List<Long> apply = new ArrayList<>();
        List<Long> classes = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            Timings timings = new Timings();
            launcher.execute(request, timings);
            if (!timings.failures.isEmpty()) {
                throw new IllegalStateException("The kit's checks failed on the generated chain: " + timings.failures);
            }
            long started = System.nanoTime();
            plainRunner(database, application, revisions, "plain_" + round).apply();
            long applyNanos = System.nanoTime() - started;
            if (round == 0) {
                continue;
            }
            timings.checks.forEach((check, nanos) -> checks.computeIfAbsent(check, (name) -> new ArrayList<>()).add(nanos));
            kit.add(timings.checks.values().stream().mapToLong(Long::longValue).sum());
            classes.add(timings.testClass);
            apply.add(applyNanos);
        }
        long applyMs = Stats.median(apply) / 1_000_000;
        System.out.printf("@BelayRevisionTests on %d revisions (a table each) with their entities, median of %d rounds%n",
                revisions, rounds);
        System.out.printf("%-64s %10s %10s%n", "", "ms", "x apply");
        for (Map.Entry<String, List<Long>> check : checks.entrySet()) {
            row("  " + check.getKey(), Stats.median(check.getValue()), applyMs);
        }
        row("the kit's checks, all", Stats.median(kit), applyMs);
        row("the test class, context cached", Stats.median(classes), applyMs);
        row("plain apply of the chain to an empty schema", Stats.median(apply), applyMs);
    }

    private static void row(String name, long nanos, long applyMs) {
        long ms = nanos / 1_000_000;
        System.out.printf("%-64s %10d %10.1f%n", name, ms, (double) ms / Math.max(1, applyMs));
    }

    /** The chain on a runner of its own, without Spring: what a test that only migrates costs. */
    private static MigrationRunner plainRunner(TestDatabase database, ClassLoader application, int count,
            String schema) throws ReflectiveOperationException {
        List<Revision> revisions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            revisions.add((Revision) application
                .loadClass(MigrationFixtures.PACKAGE + "." + MigrationFixtures.className(i))
                .getDeclaredConstructor()
                .newInstance());
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return new MigrationRunner(dataSource,
                new MigrationSettings(schema, "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(10)),
                Revisions.of(revisions));
    }

    /** The application: revisions, an entity per table, its configuration and the kit's test class. */
    private static URLClassLoader compile(int count) throws Exception {
        Path root = Files.createTempDirectory("belay-kit-bench");
        Path sources = Files.createDirectories(root.resolve("src").resolve(MigrationFixtures.PACKAGE.replace('.', '/')));
        List<File> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String table = MigrationFixtures.table(i);
            files.add(write(sources, MigrationFixtures.className(i),
                    MigrationFixtures.revisionSource(i, "CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text)")));
            String entity = String.format(Locale.ROOT, "Entity%04d", i);
            files.add(write(sources, entity, "package " + MigrationFixtures.PACKAGE + ";\n\n"
                    + "@jakarta.persistence.Entity\n@jakarta.persistence.Table(name = \"" + table + "\")\n"
                    + "public class " + entity + " {\n"
                    + "    @jakarta.persistence.Id Long id;\n"
                    + "    @jakarta.persistence.Column(columnDefinition = \"text\") String name;\n}\n"));
        }
        files.add(write(sources, "KitApp", "package " + MigrationFixtures.PACKAGE + ";\n\n"
                + "@org.springframework.boot.SpringBootConfiguration\n"
                + "@org.springframework.boot.autoconfigure.EnableAutoConfiguration\n"
                + "@org.springframework.context.annotation.ComponentScan\n"
                + "public class KitApp {\n}\n"));
        files.add(write(sources, "ChainTests", "package " + MigrationFixtures.PACKAGE + ";\n\n"
                + "@org.springframework.boot.test.context.SpringBootTest(classes = KitApp.class, properties = {\n"
                + "        \"spring.datasource.url=${bench.kit.url}\", \"spring.datasource.username=${bench.kit.user}\",\n"
                + "        \"spring.datasource.password=${bench.kit.password}\", \"spring.main.banner-mode=off\",\n"
                + "        \"logging.level.root=warn\", \"spring.liquibase.enabled=false\", \"spring.flyway.enabled=false\" })\n"
                + "@dev.belay.test.BelayRevisionTests\n"
                + "public class ChainTests {\n}\n"));
        Path classes = Files.createDirectories(root.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean compiled = compiler
                .getTask(null, manager, null, List.of("-proc:none", "-d", classes.toString(), "-cp",
                        StartupBenchmark.classPath()), null, manager.getJavaFileObjectsFromFiles(files))
                .call();
            if (!compiled) {
                throw new IllegalStateException("Could not compile the generated application");
            }
        }
        return new URLClassLoader(new URL[] { classes.toUri().toURL() }, RevisionTestsBenchmark.class.getClassLoader());
    }

    private static File write(Path directory, String className, String source) throws Exception {
        Path file = directory.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return file.toFile();
    }

    /**
     * How long each check took, by its display name (the stairway's steps added up), and the test
     * class as a whole. The engine runs its tests one after another.
     */
    private static final class Timings implements TestExecutionListener {

        final Map<String, Long> checks = new LinkedHashMap<>();

        final List<String> failures = new ArrayList<>();

        private final Map<String, Long> started = new HashMap<>();

        long testClass;

        @Override
        public void executionStarted(TestIdentifier test) {
            this.started.put(test.getUniqueId(), System.nanoTime());
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            long nanos = System.nanoTime() - this.started.get(test.getUniqueId());
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                this.failures.add(test.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
            }
            if (test.isTest()) {
                String name = test.getDisplayName();
                this.checks.merge(name.endsWith(": up, down, up again") ? STAIRWAY : name, nanos, Long::sum);
            }
            else if (test.getUniqueId().endsWith("[class:" + TEST_CLASS + "]")) {
                this.testClass = nanos;
            }
        }

    }

}
