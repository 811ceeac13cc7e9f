package dev.belay.benchmarks;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dev.belay.actions.SchemaSnapshot;
import dev.belay.autoconfigure.BelayAutoConfiguration;
import dev.belay.autoconfigure.BelayJpaAutoConfiguration;
import dev.belay.autoconfigure.BelayWorkbenchAutoConfiguration;
import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionGraph;
import dev.belay.revision.RevisionHistory;
import dev.belay.revision.RevisionInfo;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.SchemaRecorder;
import dev.belay.schema.Schema;
import dev.belay.schema.jpa.HibernateMetadataCapture;
import dev.belay.schema.jpa.JpaDesiredSchema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.DatabaseDrift;
import dev.belay.workbench.Drift;
import dev.belay.workbench.DriftDetector;
import dev.belay.workbench.MappingSnapshot;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.Action;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.internal.HibernateSchemaManagementTool;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.hibernate.tool.schema.spi.SchemaValidator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.metrics.StartupStep;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

/**
 * A production start with nothing pending, on a database that has the {@link EntityModel}'s
 * 1,000 entity tables and the {@link MigrationFixtures}' chain of 500 revisions applied: what
 * Belay adds to a Spring Boot start (the runner's apply, which only reads the history, and the
 * drift check of {@code belay.drift=warn}, which inspects the schema once and compares
 * fingerprints, see {@link DriftDetector}) beside what Hibernate's own
 * {@code spring.jpa.hibernate.ddl-auto=validate} adds to the same application without Belay.
 * <p>
 * Spring Boot applications start in turn in each round, all with the same entities and on the
 * same database: Belay's ({@code ddl-auto=none}, its revisions component-scanned; the drift check's
 * database side starts right after the migration and runs while Hibernate boots), and Hibernate
 * alone with {@code validate} and with {@code none}. Belay's share comes from the start-up
 * timeline: its beans and
 * post-processors (without the beans of others created inside them, such as the
 * {@code DataSource}) plus the configuration parsing it adds (its auto-configurations and the
 * component scan of its revisions); validate's share is its {@code SchemaValidator} call inside
 * its start, timed by a wrapping schema management tool. The starts run first in this warm JVM,
 * then each in a new JVM ({@code -Dcold=}), as a production start does.
 * <p>
 * The same warm rounds time Belay's phases directly, on the beans of an application kept open:
 * scanning the revision classes and building their graph, the history read, the catalog read,
 * rendering and hashing the schema snapshot, and Hibernate's DDL for the mapping with its
 * fingerprint; beside it, Hibernate's validation alone
 * ({@code SchemaManagementToolCoordinator.performDatabaseAction(VALIDATE, ...)}) on the same
 * model. Figures are medians of the rounds after warm-ups, and ratios medians of each round's
 * ratio.
 * <p>
 * The schema is built as an application taken over by Belay would have it: Hibernate's
 * {@code ddl-auto=create} for the entities, then the 500 revisions applied by the runner, which
 * records the fingerprint of the whole schema on the last one; the mapping's snapshot is kept
 * beside the last revision, as {@code belay generate} keeps it. Run: {@code ./mvnw -q install
 * -DskipTests && ./mvnw -q -pl benchmarks exec:java -Dbenchmark=StartupBenchmark}
 * ({@code -Dentities=}, {@code -Drevisions=}, {@code -Drounds=}, {@code -Dwarmups=}, {@code -Dcold=}).
 */
public final class StartupBenchmark {

    private static final String ENTITIES = "benchmark.entities";

    private static final String PARSE = "spring.context.config-classes.parse";

    private static final String COLD_APP = "benchmark.cold.app";

    private static final String COLD_URL = "benchmark.cold.url";

    private static final String COLD_USER = "benchmark.cold.user";

    private static final String COLD_PASSWORD = "benchmark.cold.password";

    private static final String COLD_DIRECTORIES = "benchmark.cold.directories";

    private static final String OWN = "Belay: own steps (beans, post-processors, drift check)";

    private static final String VALIDATION = "Hibernate ddl-auto=validate: its validation, inside the start";

    private static final String PARSING = "Belay: extra configuration parsing (minus none's)";

    private static final String DETECT = "DriftDetector.detect(), whole";

    private static final String VALIDATE_ALONE = "peer: Hibernate's validate alone";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(COLD_APP) != null) {
            coldStart();
            return;
        }
        int entities = Integer.getInteger("entities", 1000);
        int revisionCount = Integer.getInteger("revisions", 500);
        int warmups = Integer.getInteger("warmups", 2);
        int rounds = Integer.getInteger("rounds", 7);
        int cold = Integer.getInteger("cold", 5);
        MigrationFixtures fixtures = MigrationFixtures.create(revisionCount);
        EntityModel model = EntityModel.create(entities, fixtures.revisionClassLoader);
        Path resources = Files.createTempDirectory("belay-mappings");
        URLClassLoader loader = new URLClassLoader(new URL[] { resources.toUri().toURL() }, model.classLoader);
        String directories = String.join(java.io.File.pathSeparator,
                Path.of(fixtures.revisionClassLoader.getURLs()[0].toURI()).toString(), model.directory.toString(),
                resources.toString());
        try (TestDatabase database = TestDatabase.create()) {
            System.out.printf(Locale.ROOT, "Preparing %d entities and %d revisions on PostgreSQL %d ...%n", entities,
                    revisionCount, database.server().majorVersion());
            Starts starts = new Starts(database.url(), database.user(), database.password(), loader, entities);
            prepare(database, starts, fixtures, resources);
            new StartupBenchmark.Rounds(database, starts, fixtures, loader, directories).run(warmups, rounds, cold);
        }
    }

    /**
     * Builds the schema (Hibernate's create, then the revisions, which record its fingerprint) and
     * keeps the mapping's snapshot beside the last revision; then checks that a start finds no
     * drift of either kind.
     */
    private static void prepare(TestDatabase database, Starts starts, MigrationFixtures fixtures, Path resources)
            throws Exception {
        starts.run(App.NONE, "spring.jpa.hibernate.ddl-auto=create").close();
        try (ConfigurableApplicationContext context = starts.run(App.BELAY, "belay.drift=off")) {
            MappingSnapshot.of(context.getBean(JpaDesiredSchema.class).ddl())
                .writeTo(resources, MigrationFixtures.id(fixtures.count));
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*), bool_and(schema_fingerprint IS NOT NULL) "
                        + "FILTER (WHERE applied_rank = (SELECT max(applied_rank) FROM belay_history)) "
                        + "FROM belay_history")) {
            row.next();
            if (row.getInt(1) != fixtures.count || !row.getBoolean(2)) {
                throw new IllegalStateException("Expected " + fixtures.count + " applied revisions, the last with "
                        + "the schema's fingerprint");
            }
        }
        try (ConfigurableApplicationContext context = starts.run(App.BELAY, "belay.drift=fail")) {
            Drift drift = context.getBean(DriftDetector.class).detect();
            if (drift.database().state() != DatabaseDrift.State.MATCHES
                    || drift.mapping().state() != DatabaseDrift.State.MATCHES) {
                throw new IllegalStateException("Expected no drift but got database " + drift.database().state()
                        + " (" + drift.database().note() + "), mapping " + drift.mapping().state() + " ("
                        + drift.mapping().note() + ")");
            }
        }
    }

    /** The measured rounds and the table. */
    private static final class Rounds {

        private final TestDatabase database;

        private final Starts starts;

        private final MigrationFixtures fixtures;

        private final ClassLoader loader;

        private final Map<String, Samples> startFigures = new LinkedHashMap<>();

        private final Map<String, Samples> phases = new LinkedHashMap<>();

        private final String directories;

        private final Map<String, Samples> coldFigures = new LinkedHashMap<>();

        Rounds(TestDatabase database, Starts starts, MigrationFixtures fixtures, ClassLoader loader,
                String directories) {
            this.database = database;
            this.starts = starts;
            this.fixtures = fixtures;
            this.loader = loader;
            this.directories = directories;
        }

        void run(int warmups, int rounds, int cold) throws Exception {
            try (ConfigurableApplicationContext open = this.starts.run(App.BELAY, "belay.drift=off")) {
                Beans beans = new Beans(open);
                for (int round = -warmups; round < rounds; round++) {
                    boolean measured = round >= 0;
                    for (App app : turn(round)) {
                        start(app, measured);
                    }
                    directPhases(beans, measured);
                    System.err.printf(Locale.ROOT, "%s %d of %d%n", measured ? "round" : "warm-up",
                            measured ? round + 1 : round + warmups + 1, measured ? rounds : warmups);
                }
            }
            coldStarts(cold);
            print(warmups, rounds, cold);
        }

        private void start(App app, boolean measured) {
            Map<String, Long> figures = figures(this.starts, app);
            if (measured) {
                figures.forEach((name, nanos) -> add(this.startFigures, name, nanos));
            }
        }

        /** Starts with each application in a JVM of its own, {@code rounds} times, taking turns. */
        private void coldStarts(int rounds) throws Exception {
            for (int round = 0; round < rounds; round++) {
                for (App app : turn(round)) {
                    ProcessBuilder child = new ProcessBuilder(javaCommand(), "-cp", classPath(),
                            "-D" + COLD_APP + "=" + app.name(), "-D" + COLD_URL + "=" + this.database.url(),
                            "-D" + COLD_USER + "=" + this.database.user(),
                            "-D" + COLD_PASSWORD + "=" + this.database.password(),
                            "-D" + COLD_DIRECTORIES + "=" + this.directories, "-Dentities=" + this.starts.entities,
                            StartupBenchmark.class.getName());
                    child.redirectError(ProcessBuilder.Redirect.DISCARD);
                    Process process = child.start();
                    int figures = 0;
                    try (java.io.BufferedReader lines = process.inputReader()) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (line.startsWith("COLD\t")) {
                                String[] parts = line.split("\t");
                                add(this.coldFigures, parts[1], Long.parseLong(parts[2]));
                                figures++;
                            }
                        }
                    }
                    if (process.waitFor() != 0 || figures == 0) {
                        throw new IllegalStateException("The cold start of " + app + " failed");
                    }
                }
                System.err.printf(Locale.ROOT, "cold starts %d of %d%n", round + 1, rounds);
            }
        }

        /** Belay's phases on the beans of an open application, and Hibernate's validation beside them. */
        private void directPhases(Beans beans, boolean measured) throws Exception {
            Map<String, Long> times = new LinkedHashMap<>();
            long start = System.nanoTime();
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(
                    false);
            scanner.setResourceLoader(new DefaultResourceLoader(this.loader));
            scanner.addIncludeFilter(new AnnotationTypeFilter(MigrationRevision.class));
            int found = scanner.findCandidateComponents(MigrationFixtures.PACKAGE).size();
            times.put("scan the revision classes (component scan)", System.nanoTime() - start);
            if (found != this.fixtures.count) {
                throw new IllegalStateException("Scanned " + found + " revisions");
            }
            start = System.nanoTime();
            List<RevisionInfo> infos = new ArrayList<>();
            for (Revision revision : beans.revisions) {
                infos.add(RevisionInfo.of(revision.getClass()));
            }
            RevisionGraph graph = RevisionGraph.of(infos);
            times.put("build the revision graph (annotations → graph)", System.nanoTime() - start);
            start = System.nanoTime();
            beans.runner.apply();
            times.put("runner.apply(): history read, nothing pending", System.nanoTime() - start);

            start = System.nanoTime();
            MigrationStatus status = beans.runner.status();
            times.put("drift: runner.status() (history rows)", System.nanoTime() - start);
            RevisionHistory history = new RevisionHistory(status.schema(), beans.runner.settings().historyTable());
            String fingerprint;
            try (Connection connection = beans.runner.dataSource().getConnection()) {
                start = System.nanoTime();
                RevisionHistory.RecordedSchema recorded = history.exists(connection)
                        ? history.recordedSchema(connection).orElseThrow() : null;
                times.put("drift: recorded fingerprint and snapshot", System.nanoTime() - start);
                start = System.nanoTime();
                Schema schema = beans.inspector.inspect(connection, history.schema()).withoutTable(history.table());
                times.put("drift: inspect the schema (SchemaInspector)", System.nanoTime() - start);
                start = System.nanoTime();
                SchemaSnapshot snapshot = SchemaSnapshot.of(schema);
                times.put("drift: render the SchemaSnapshot", System.nanoTime() - start);
                start = System.nanoTime();
                fingerprint = SchemaRecorder.fingerprint(connection, snapshot);
                times.put("drift: hash it (fingerprint)", System.nanoTime() - start);
                if (!fingerprint.equals(recorded.fingerprint())) {
                    throw new IllegalStateException("The schema's fingerprint differs from the recorded one");
                }
            }
            start = System.nanoTime();
            List<String> ddl = new JpaDesiredSchema(beans.metadata, beans.inspector).ddl();
            times.put("drift: mapping DDL (Hibernate, in memory)", System.nanoTime() - start);
            start = System.nanoTime();
            String mapping = MappingSnapshot.of(ddl).fingerprint();
            Optional<MappingSnapshot> kept = MappingSnapshot.find(this.loader, graph.heads().get(0));
            boolean same = mapping.equals(kept.orElseThrow().fingerprint());
            times.put("drift: mapping snapshot, fingerprint, kept snapshot", System.nanoTime() - start);
            if (!same) {
                throw new IllegalStateException("The mapping's fingerprint differs from the kept one");
            }
            start = System.nanoTime();
            Drift drift = new DriftDetector(beans.runner, beans.inspector,
                    () -> new JpaDesiredSchema(beans.metadata, beans.inspector).ddl(), this.loader)
                .detect();
            times.put(DETECT, System.nanoTime() - start);
            if (!drift.matches()) {
                throw new IllegalStateException("Drift: " + drift);
            }
            start = System.nanoTime();
            beans.validate();
            times.put(VALIDATE_ALONE, System.nanoTime() - start);
            if (measured) {
                times.forEach((name, nanos) -> add(this.phases, name, nanos));
            }
        }

        private void print(int warmups, int rounds, int cold) {
            System.out.printf(Locale.ROOT, "%n%d entities, %d revisions applied, belay.drift=warn, PostgreSQL %d, %s %s; "
                    + "medians of %d rounds after %d warm-ups, ms [min-max] (load average %.1f on %d cores)%n%n",
                    this.starts.entities, this.fixtures.count, this.database.server().majorVersion(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"), rounds, warmups,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            printStarts("Spring Boot starts, warm JVM (start-up timeline)", this.startFigures);
            if (cold > 0) {
                System.out.println();
                printStarts("Spring Boot starts, each in a new JVM (" + cold + " rounds)", this.coldFigures);
            }

            List<Double> validateDirect = this.phases.get(VALIDATE_ALONE).values();
            System.out.printf(Locale.ROOT, "%n%-66s %24s %12s%n", "Phases, timed directly (warm)", "median ms",
                    "× validate");
            List<Double> belay = null;
            for (Map.Entry<String, Samples> entry : this.phases.entrySet()) {
                System.out.printf(Locale.ROOT, "%-66s %24s %12.2f%n", entry.getKey(), cell(entry.getValue()),
                        ratio(entry.getValue().values(), validateDirect));
                if (!entry.getKey().equals(VALIDATE_ALONE) && !entry.getKey().equals(DETECT)) {
                    belay = (belay != null) ? sum(belay, entry.getValue().values()) : entry.getValue().values();
                }
            }
            System.out.printf(Locale.ROOT, "%-66s %24s %12.2f%n", "Belay, the phases above added up", cell(belay),
                    ratio(belay, validateDirect));
            System.out.println();
            System.out.println("× validate: the median of the rounds' ratios (each round's Belay figure over its "
                    + "validate figure, measured minutes apart at most), which the machine's noise disturbs less than "
                    + "a ratio of medians. own steps: Belay's beans and post-processors in the start-up timeline, "
                    + "without the beans of others created inside them (the DataSource); the drift check is the "
                    + "smart-initialize step of belayDriftCheck. Extra parsing: Belay's configuration classes and the "
                    + "component scan of its revision classes, its parsing step minus that of the application without "
                    + "Belay. validate's share: SchemaValidator.doValidation in the validate start, timed by a "
                    + "wrapping schema management tool.");
        }

        private static void printStarts(String title, Map<String, Samples> figures) {
            List<Double> parsing = difference(figures, App.BELAY.title + ": configuration classes parsed",
                    App.NONE.title + ": configuration classes parsed");
            List<Double> belayShare = sum(figures.get(OWN).values(), parsing);
            List<Double> validateShare = figures.get(VALIDATION).values();
            System.out.printf(Locale.ROOT, "%-66s %24s %12s%n", title, "median ms", "× validate");
            figures.forEach((name, samples) -> System.out.printf(Locale.ROOT, "%-66s %24s %12s%n", name,
                    cell(samples), name.equals(OWN) || name.startsWith("  ")
                            ? String.format(Locale.ROOT, "%.2f", ratio(samples.values(), validateShare)) : ""));
            System.out.printf(Locale.ROOT, "%-66s %24s %12s%n", PARSING, cell(parsing), "");
            System.out.printf(Locale.ROOT, "%-66s %24s %12.2f%n", "Belay's share: own steps + extra parsing",
                    cell(belayShare), ratio(belayShare, validateShare));
            System.out.printf(Locale.ROOT, "%-66s %24s %12s%n", "validate's share: its validation", cell(validateShare),
                    "1.00");
            System.out.printf(Locale.ROOT, "%-66s %24s%n", "(noisy) Belay's whole start minus none's",
                    cell(difference(figures, App.BELAY.title + ": whole start", App.NONE.title + ": whole start")));
            System.out.printf(Locale.ROOT, "%-66s %24s%n", "(noisy) validate's whole start minus none's",
                    cell(difference(figures, App.VALIDATE.title + ": whole start", App.NONE.title + ": whole start")));
        }

        private static List<Double> difference(Map<String, Samples> figures, String minuend, String subtrahend) {
            List<Double> left = figures.get(minuend).values();
            List<Double> right = figures.get(subtrahend).values();
            List<Double> difference = new ArrayList<>();
            for (int i = 0; i < left.size(); i++) {
                difference.add(left.get(i) - right.get(i));
            }
            return difference;
        }

        private static List<Double> sum(List<Double> left, List<Double> right) {
            List<Double> sum = new ArrayList<>();
            for (int i = 0; i < left.size(); i++) {
                sum.add(left.get(i) + right.get(i));
            }
            return sum;
        }

        /** The median of the rounds' ratios. */
        private static double ratio(List<Double> values, List<Double> peer) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                ratios.add(values.get(i) / peer.get(i));
            }
            return Samples.median(ratios);
        }

        private static String cell(List<Double> values) {
            return String.format(Locale.ROOT, "%.1f [%.0f-%.0f]", Samples.median(values),
                    values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        }

        private static void add(Map<String, Samples> figures, String name, long nanos) {
            figures.computeIfAbsent(name, (key) -> new Samples()).add(nanos);
        }

        private static String cell(Samples samples) {
            return String.format(Locale.ROOT, "%.1f [%.0f-%.0f]", samples.median(), samples.min(), samples.max());
        }

        /** The applications in an order that rotates from round to round, so that none is always first. */
        private static List<App> turn(int round) {
            List<App> order = new ArrayList<>(List.of(App.values()));
            java.util.Collections.rotate(order, Math.floorMod(round, order.size()));
            return order;
        }

    }

    /** One start of an application and its figures from the start-up timeline, in nanoseconds. */
    private static Map<String, Long> figures(Starts starts, App app) {
        BufferingApplicationStartup startup = new BufferingApplicationStartup(200_000);
        TimedSchemaTool.lastValidation.set(0);
        long started = System.nanoTime();
        ConfigurableApplicationContext context = starts.run(app, startup, app.properties);
        long took = System.nanoTime() - started;
        context.close();
        Timeline timeline = new Timeline(startup.getBufferedTimeline().getEvents());
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put(app.title + ": whole start", took);
        figures.put(app.title + ": entityManagerFactory step", timeline.bean("&entityManagerFactory"));
        figures.put(app.title + ": configuration classes parsed", timeline.step(PARSE));
        if (app == App.VALIDATE) {
            figures.put(VALIDATION, TimedSchemaTool.lastValidation.get());
        }
        if (app == App.BELAY) {
            figures.put(OWN, timeline.own((name) -> name.startsWith("belay"), "dev.belay"));
            figures.put("  belayMigrationRunner (revision beans → graph)", timeline.ownExclusive("belayMigrationRunner"));
            figures.put("  belayMigrationInitializer (apply: history read)",
                    timeline.ownExclusive("belayMigrationInitializer"));
            figures.put("  belayDriftCheck (smart-initialize: detect)", timeline.smartInitialize("belayDriftCheck"));
        }
        return figures;
    }

    /** In a JVM of its own: one start of the application the parent names, its figures printed. */
    private static void coldStart() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String directory : System.getProperty(COLD_DIRECTORIES).split(java.io.File.pathSeparator)) {
            urls.add(Path.of(directory).toUri().toURL());
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), StartupBenchmark.class.getClassLoader());
        Starts starts = new Starts(System.getProperty(COLD_URL), System.getProperty(COLD_USER),
                System.getProperty(COLD_PASSWORD), loader, Integer.getInteger("entities", 1000));
        figures(starts, App.valueOf(System.getProperty(COLD_APP)))
            .forEach((name, nanos) -> System.out.println("COLD\t" + name + "\t" + nanos));
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * This JVM's class path: the class loaders' URLs when they are URL class loaders (as under
     * {@code exec:java}), then {@code java.class.path}.
     */
    static String classPath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = StartupBenchmark.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(Path.of(url.toURI()).toString());
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** What the direct phases use, from an open application with Belay. */
    private static final class Beans {

        final MigrationRunner runner;

        final SchemaInspector inspector = new SchemaInspector();

        final HibernateMetadataCapture metadata;

        final List<Revision> revisions;

        Beans(ConfigurableApplicationContext context) {
            this.runner = context.getBean(MigrationRunner.class);
            this.metadata = context.getBean(HibernateMetadataCapture.class);
            this.revisions = new ArrayList<>();
            for (String id : this.runner.graph().revisions().stream().map(RevisionInfo::id).toList()) {
                this.revisions.add(this.runner.revisions().instance(id));
            }
        }

        /** What {@code ddl-auto=validate} runs while the session factory is built. */
        void validate() {
            Metadata model = this.metadata.get();
            ServiceRegistry registry = ((MetadataImplementor) model).getMetadataBuildingOptions().getServiceRegistry();
            Map<String, Object> settings = new HashMap<>(
                    registry.requireService(ConfigurationService.class).getSettings());
            SchemaManagementToolCoordinator.performDatabaseAction(Action.VALIDATE, model,
                    registry.requireService(SchemaManagementTool.class), registry,
                    SchemaManagementToolCoordinator.buildExecutionOptions(settings, ExceptionHandlerHaltImpl.INSTANCE),
                    ContributableMatcher.ALL);
        }

    }

    /** The applications of a round. */
    private enum App {

        BELAY("Belay (ddl-auto=none)", BelayApplication.class, "belay.drift=warn", "spring.jpa.hibernate.ddl-auto=none"),

        VALIDATE("Hibernate ddl-auto=validate", HibernateApplication.class, "spring.jpa.hibernate.ddl-auto=validate"),

        NONE("Hibernate ddl-auto=none", HibernateApplication.class, "spring.jpa.hibernate.ddl-auto=none");

        final String title;

        final Class<?> application;

        final String[] properties;

        App(String title, Class<?> application, String... properties) {
            this.title = title;
            this.application = application;
            this.properties = properties;
        }

    }

    /** Starts the applications on the benchmark's database, with its class loader. */
    private static final class Starts {

        private final String url;

        private final String user;

        private final String password;

        private final ClassLoader loader;

        final int entities;

        Starts(String url, String user, String password, ClassLoader loader, int entities) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.loader = loader;
            this.entities = entities;
        }

        ConfigurableApplicationContext run(App app, String... extra) {
            return run(app, new BufferingApplicationStartup(200_000), extra);
        }

        ConfigurableApplicationContext run(App app, BufferingApplicationStartup startup, String... extra) {
            SpringApplication application = new SpringApplication(new DefaultResourceLoader(this.loader),
                    app.application);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setBannerMode(Banner.Mode.OFF);
            application.setLogStartupInfo(false);
            application.setRegisterShutdownHook(false);
            application.setApplicationStartup(startup);
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", this.url);
            properties.put("spring.datasource.username", this.user);
            properties.put("spring.datasource.password", this.password);
            properties.put("logging.level.root", "warn");
            properties.put("spring.jpa.open-in-view", "false");
            properties.put(ENTITIES, this.entities);
            properties.put("spring.jpa.properties." + SchemaToolingSettings.SCHEMA_MANAGEMENT_TOOL,
                    TimedSchemaTool.class.getName());
            for (String property : extra) {
                int equals = property.indexOf('=');
                properties.put(property.substring(0, equals), property.substring(equals + 1));
            }
            application.setDefaultProperties(properties);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(this.loader);
            try {
                return application.run();
            }
            finally {
                thread.setContextClassLoader(previous);
            }
        }

    }

    /** Durations from a start-up timeline, in nanoseconds. */
    private static final class Timeline {

        private static final String INSTANTIATE = "spring.beans.instantiate";

        private final List<TimelineEvent> events;

        private final Map<Long, Long> parents = new HashMap<>();

        Timeline(List<TimelineEvent> events) {
            this.events = events;
            for (TimelineEvent event : events) {
                StartupStep step = event.getStartupStep();
                if (step.getParentId() != null) {
                    this.parents.put(step.getId(), step.getParentId());
                }
            }
        }

        /** The instantiation of a bean (0 when it is not in the timeline). */
        long bean(String name) {
            return sum(INSTANTIATE, name);
        }

        /** All steps of a name. */
        long step(String name) {
            return this.events.stream()
                .filter((event) -> event.getStartupStep().getName().equals(name))
                .mapToLong((event) -> event.getDuration().toNanos())
                .sum();
        }

        /** The {@code SmartInitializingSingleton} callback of a bean. */
        long smartInitialize(String name) {
            return sum("spring.beans.smart-initialize", name);
        }

        /** The instantiation of a bean without the instantiations of the beans it needed first. */
        long ownExclusive(String name) {
            Set<Long> instantiations = ids((event) -> event.getStartupStep().getName().equals(INSTANTIATE));
            long total = 0;
            for (TimelineEvent event : this.events) {
                if (event.getStartupStep().getName().equals(INSTANTIATE) && name.equals(tag(event, "beanName"))) {
                    total += withoutNested(event, instantiations);
                }
            }
            return total;
        }

        /**
         * The steps of a tool (its beans, by name, and its post-processors, by package), each
         * counted only when no enclosing step of the tool is counted already, and without the
         * instantiations of other beans inside them (the {@code DataSource} that the tool is first
         * to need, say).
         */
        long own(Predicate<String> ownsBean, String postProcessorPackage) {
            Set<Long> own = ids((event) -> {
                String bean = tag(event, "beanName");
                String postProcessor = tag(event, "postProcessor");
                return (bean != null && ownsBean.test(bean))
                        || (postProcessor != null && postProcessor.startsWith(postProcessorPackage));
            });
            Set<Long> foreign = ids((event) -> event.getStartupStep().getName().equals(INSTANTIATE)
                    && tag(event, "beanName") != null && !ownsBean.test(tag(event, "beanName")));
            long total = 0;
            for (TimelineEvent event : this.events) {
                long id = event.getStartupStep().getId();
                if (own.contains(id) && !inside(id, own)) {
                    total += withoutNested(event, foreign);
                }
            }
            return total;
        }

        private long sum(String step, String bean) {
            return this.events.stream()
                .filter((event) -> event.getStartupStep().getName().equals(step) && bean.equals(tag(event, "beanName")))
                .mapToLong((event) -> event.getDuration().toNanos())
                .sum();
        }

        private Set<Long> ids(Predicate<TimelineEvent> matches) {
            Set<Long> ids = new HashSet<>();
            this.events.stream().filter(matches).forEach((event) -> ids.add(event.getStartupStep().getId()));
            return ids;
        }

        /** A step's time minus that of the outermost steps of {@code others} inside it. */
        private long withoutNested(TimelineEvent outer, Set<Long> others) {
            long outerId = outer.getStartupStep().getId();
            long total = outer.getDuration().toNanos();
            for (TimelineEvent event : this.events) {
                long id = event.getStartupStep().getId();
                if (id != outerId && others.contains(id) && outermostBelow(id, outerId, others)) {
                    total -= event.getDuration().toNanos();
                }
            }
            return total;
        }

        /** Whether {@code ancestor} encloses step {@code id} with none of {@code others} between them. */
        private boolean outermostBelow(long id, long ancestor, Set<Long> others) {
            for (Long parent = this.parents.get(id); parent != null; parent = this.parents.get(parent)) {
                if (parent == ancestor) {
                    return true;
                }
                if (others.contains(parent)) {
                    return false;
                }
            }
            return false;
        }

        private boolean inside(long id, Set<Long> steps) {
            for (Long parent = this.parents.get(id); parent != null; parent = this.parents.get(parent)) {
                if (steps.contains(parent)) {
                    return true;
                }
            }
            return false;
        }

        private static @Nullable String tag(TimelineEvent event, String key) {
            for (StartupStep.Tag tag : event.getStartupStep().getTags()) {
                if (tag.getKey().equals(key)) {
                    return tag.getValue();
                }
            }
            return null;
        }

    }

    /**
     * Hibernate's own schema tool, with the time of its last validation kept: what
     * {@code ddl-auto=validate} adds to a start, measured inside that start (every application of
     * the benchmark uses it, so they stay alike).
     */
    public static final class TimedSchemaTool extends HibernateSchemaManagementTool {

        static final AtomicLong lastValidation = new AtomicLong();

        @Override
        public SchemaValidator getSchemaValidator(Map<String, Object> options) {
            SchemaValidator validator = super.getSchemaValidator(options);
            return (metadata, executionOptions, matcher) -> {
                long started = System.nanoTime();
                try {
                    validator.doValidation(metadata, executionOptions, matcher);
                }
                finally {
                    lastValidation.set(System.nanoTime() - started);
                }
            };
        }

    }

    /**
     * The entities, as an application lists them, and the connection pool started with its
     * {@code DataSource} bean (the same for every application): otherwise the pool's first
     * connection is opened by whoever asks first, Belay's runner in one application and
     * Hibernate's boot in the others, and would count as Belay's.
     */
    @Configuration(proxyBeanMethods = false)
    static class Entities {

        @Bean
        static BeanPostProcessor poolStarter() {
            return new BeanPostProcessor() {

                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource) {
                        try (Connection connection = dataSource.getConnection()) {
                            connection.isValid(1);
                        }
                        catch (SQLException ex) {
                            throw new IllegalStateException("Could not start the connection pool", ex);
                        }
                    }
                    return bean;
                }

            };
        }

        @Bean
        static PersistenceManagedTypes persistenceManagedTypes(@Value("${" + ENTITIES + "}") int count) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                names.add(EntityModel.PACKAGE + ".Entity" + i);
            }
            return PersistenceManagedTypes.of(names, List.of());
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
            BelayAutoConfiguration.class, BelayJpaAutoConfiguration.class, BelayWorkbenchAutoConfiguration.class })
    @ComponentScan(MigrationFixtures.PACKAGE)
    @Import(Entities.class)
    static class BelayApplication {

    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class })
    @Import(Entities.class)
    static class HibernateApplication {

    }

}
