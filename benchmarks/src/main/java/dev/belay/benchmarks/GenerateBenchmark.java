package dev.belay.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.RecordingStatementSink;
import dev.belay.actions.SchemaSnapshot;
import dev.belay.codegen.GeneratedRevision;
import dev.belay.codegen.RevisionGenerator;
import dev.belay.codegen.RevisionHeader;
import dev.belay.diff.DiffOptions;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.SchemaDiff;
import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.schema.jpa.JpaDesiredSchema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.DatabaseDrift;
import dev.belay.workbench.DesiredSchemaSource;
import dev.belay.workbench.Drift;
import dev.belay.workbench.DriftDetector;
import dev.belay.workbench.GenerateRequest;
import dev.belay.workbench.GenerateResult;
import dev.belay.workbench.GenerateSettings;
import dev.belay.workbench.MappingSnapshot;
import dev.belay.workbench.SchemaWorkbench;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.Action;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code belay generate} for the 1,000-entity {@link EntityModel} against an empty database, with
 * the time split into its parts: Hibernate's create DDL rendered in memory, the desired schema
 * (that DDL run in a scratch schema and read back), settling it (its own plan run in a second
 * scratch schema and read back), inspecting the managed schema, the diff, and rendering the
 * revision (which plans the way back too); then the whole generate, end to end, writing the file.
 * More figures say where generate could go and what a start pays: generate with the desired
 * schema built once, timed end to end, without settling and with only its checks settled in place
 * (projections of a change to the workbench, not what it does today), and the drift check an
 * application runs at startup
 * ({@link DriftDetector#detect()}, on a second schema that holds the model, stamped at head, with
 * the mapping's snapshot kept beside its revision).
 * <p>
 * The peers, in the same rounds, are what {@code ddl-auto=create} does for the same model: its
 * create script rendered and run as one batch in a fresh schema, in a transaction that is rolled
 * back (as Belay's first steps run it, before they read the schema back: the ratios' first
 * column), and Hibernate's own create action as a session factory runs it (its drop script, then
 * its create script, a statement at a time, each committed: the second column). Building
 * Hibernate's boot model of the mapping is timed too, since both a {@code belay generate} start
 * and a {@code ddl-auto=create} start pay it.
 * Medians of several rounds after warm-ups. Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q
 * -pl benchmarks exec:java -Dbenchmark=GenerateBenchmark} ({@code -Dentities=}, {@code -Drounds=},
 * {@code -Dwarmups=}).
 */
public final class GenerateBenchmark {

    private GenerateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entities = Integer.getInteger("entities", 1000);
        int warmups = Integer.getInteger("warmups", 2);
        int rounds = Integer.getInteger("rounds", 7);
        try (TestDatabase database = TestDatabase.create()) {
            int version = database.server().majorVersion();
            System.out.printf("Mapping %d entities on PostgreSQL %d ...%n", entities, version);
            EntityModel model = EntityModel.create(entities, GenerateBenchmark.class.getClassLoader());
            // Hibernate's own create action connects through this data source, to a schema of its own.
            PGSimpleDataSource hibernateOwn = (PGSimpleDataSource) database.dataSource();
            hibernateOwn.setCurrentSchema(HIBERNATE_OWN);
            Metadata metadata = metadata(model, hibernateOwn);
            try {
                run(database, model, hibernateOwn, metadata, version, warmups, rounds);
            }
            finally {
                StandardServiceRegistryBuilder
                    .destroy(((MetadataImplementor) metadata).getMetadataBuildingOptions().getServiceRegistry());
            }
        }
    }

    /** Hibernate's boot model of the entities, as an application's start builds it (the session factory aside). */
    private static Metadata metadata(EntityModel model, DataSource dataSource) throws ClassNotFoundException {
        // The entities' own class loader, so that Hibernate finds the generated classes by name.
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(model.classLoader).build())
            .applySettings(Map.of(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource,
                    MappingSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName(),
                    SchemaToolingSettings.HBM2DDL_AUTO, "none"))
            .build();
        MetadataSources sources = new MetadataSources(registry);
        model.classes().forEach(sources::addAnnotatedClass);
        return sources.buildMetadata();
    }

    private static final String AT_HEAD = "at_head";

    private static final String ONCE = "projection: generate with the desired schema built once";

    private static final String ONCE_SETTLED = "projection: built once, its checks settled in place";

    private static final String HIBERNATE_OWN = "hibernate_own";

    private static final String BOOT = "Hibernate's boot model of the mapping (metadata)";

    private static final String OWN_CREATE = "peer: Hibernate's own create action (drop, create, one by one)";

    private static void run(TestDatabase database, EntityModel model, DataSource hibernateOwn, Metadata metadata,
            int version, int warmups, int rounds) throws Exception {
        SchemaInspector inspector = new SchemaInspector();
        RevisionGenerator generator = new RevisionGenerator();
        DiffOptions options = DiffOptions.defaults().withServerVersion(version);
        Path sources = Files.createTempDirectory("belay-generate-benchmark");
        MigrationRunner runner = new MigrationRunner(database.dataSource(), MigrationSettings.defaults().withSchema("app"),
                Revisions.of(List.of()));
        DriftDetector detector = atHead(database, metadata, inspector);

        Map<String, List<Long>> samples = new LinkedHashMap<>();
        for (String part : List.of("Hibernate's create DDL, rendered in memory",
                "desired schema (that DDL in a scratch schema, read back)",
                "settle it (its plan in a scratch schema, read back)", "inspect the managed schema (empty)",
                "diff (empty → desired)", "render the revision (with the plan back)", "belay generate, end to end",
                ONCE, ONCE_SETTLED, "drift check at startup (DriftDetector)",
                BOOT, OWN_CREATE, "peer: ddl-auto=create's script, rendered and run (batch)")) {
            samples.put(part, new ArrayList<>());
        }
        List<String> parts = new ArrayList<>(samples.keySet());
        int changes = 0;
        int lines = 0;
        int unsettledChanges = 0;
        int respelled = 0;
        for (int round = -warmups; round < rounds; round++) {
            List<Long> times = new ArrayList<>();
            Schema desired;
            Schema settled;
            try (Connection connection = database.connect()) {
                long start = System.nanoTime();
                JpaDesiredSchema mapping = new JpaDesiredSchema(metadata);
                mapping.ddl();
                times.add(System.nanoTime() - start);
                start = System.nanoTime();
                desired = mapping.desiredSchema(connection);
                times.add(System.nanoTime() - start);
                start = System.nanoTime();
                settled = settle(connection, inspector, desired, options);
                times.add(System.nanoTime() - start);
                start = System.nanoTime();
                Schema current = inspector.inspect(connection, "app");
                times.add(System.nanoTime() - start);
                start = System.nanoTime();
                MigrationPlan plan = SchemaDiff.between(current, settled, options);
                times.add(System.nanoTime() - start);
                start = System.nanoTime();
                GeneratedRevision revision = generator.generate(RevisionHeader.of("com.example.migrations",
                        LocalDateTime.now(), "create everything", List.of()), plan);
                times.add(System.nanoTime() - start);
                changes = plan.changes().size();
                lines = (int) revision.source().lines().count();
                unsettledChanges = SchemaDiff.between(current, desired, options).changes().size();
                respelled = SchemaSnapshot.of(desired).differencesTo(SchemaSnapshot.of(settled)).size();
            }
            // A JpaDesiredSchema keeps the DDL it rendered; a new one each round renders it again, as a
            // fresh `belay generate` does, through the same source as the application's workbench.
            SchemaWorkbench workbench = new SchemaWorkbench(runner, DesiredSchemaSource.of(new JpaDesiredSchema(metadata)),
                    inspector, new GenerateSettings(sources, "com.example.migrations"), Clock.systemUTC());
            long start = System.nanoTime();
            GenerateResult generated = workbench.generate(GenerateRequest.defaults().withMessage("init " + round));
            times.add(System.nanoTime() - start);
            if (generated.nothingToDo()) {
                throw new IllegalStateException("Generate found nothing to do on an empty database");
            }
            start = System.nanoTime();
            generateOnce(database, metadata, inspector, generator, options, sources, round, false);
            times.add(System.nanoTime() - start);
            start = System.nanoTime();
            generateOnce(database, metadata, inspector, generator, options, sources, round, true);
            times.add(System.nanoTime() - start);
            start = System.nanoTime();
            Drift drift = detector.detect();
            times.add(System.nanoTime() - start);
            if (drift.database().state() != DatabaseDrift.State.MATCHES
                    || drift.mapping().state() != DatabaseDrift.State.MATCHES) {
                throw new IllegalStateException("Expected no drift in schema " + AT_HEAD + ": " + drift);
            }
            start = System.nanoTime();
            Metadata booted = metadata(model, hibernateOwn);
            times.add(System.nanoTime() - start);
            StandardServiceRegistryBuilder
                .destroy(((MetadataImplementor) booted).getMetadataBuildingOptions().getServiceRegistry());
            times.add(runHibernateOwnCreate(database, metadata));
            start = System.nanoTime();
            runHibernateCreate(database, metadata);
            times.add(System.nanoTime() - start);
            clear(sources);
            if (round >= 0) {
                for (int i = 0; i < parts.size(); i++) {
                    samples.get(parts.get(i)).add(times.get(i));
                }
            }
            System.err.printf(Locale.ROOT, "%s %d of %d%n", (round < 0) ? "warm-up" : "round",
                    (round < 0) ? round + warmups + 1 : round + 1, (round < 0) ? warmups : rounds);
        }
        long peer = Stats.median(samples.get(parts.get(parts.size() - 1)));
        System.out.printf(Locale.ROOT, "%nGenerating one revision for %d entities (%d changes, a %d-line class) on "
                + "PostgreSQL %d, medians of %d rounds after %d warm-ups, ms [min-max] (load average %.1f on %d "
                + "cores)%n%n", metadata.getEntityBindings().size(), changes, lines, version, rounds, warmups,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        List<Long> batchPeer = samples.get(parts.get(parts.size() - 1));
        List<Long> ownPeer = samples.get(OWN_CREATE);
        List<Long> boot = samples.get(BOOT);
        System.out.printf(Locale.ROOT, "%-64s %22s %12s %12s%n", "", "median ms", "× batch", "× own create");
        for (Map.Entry<String, List<Long>> entry : samples.entrySet()) {
            long median = Stats.median(entry.getValue());
            long min = entry.getValue().stream().min(Long::compare).orElseThrow();
            long max = entry.getValue().stream().max(Long::compare).orElseThrow();
            System.out.printf(Locale.ROOT, "%-64s %22s %12.2f %12.2f%n", entry.getKey(), String.format(Locale.ROOT,
                    "%.1f [%.0f-%.0f]", median / 1e6, min / 1e6, max / 1e6), ratio(entry.getValue(), batchPeer, null),
                    ratio(entry.getValue(), ownPeer, null));
        }
        List<Long> generate = samples.get("belay generate, end to end");
        List<Long> once = samples.get(ONCE);
        List<Long> onceSettled = samples.get(ONCE_SETTLED);
        System.out.printf(Locale.ROOT, "%nWith Hibernate's boot model on both sides (a `belay generate` start builds it "
                + "as a start with ddl-auto=create does): generate %.2f× the batch, %.2f× Hibernate's own create; built "
                + "once, %.2f× and %.2f×; built once with its checks settled in place, %.2f× and %.2f×.%n",
                ratio(generate, batchPeer, boot), ratio(generate, ownPeer, boot), ratio(once, batchPeer, boot),
                ratio(once, ownPeer, boot), ratio(onceSettled, batchPeer, boot), ratio(onceSettled, ownPeer, boot));
        System.out.println("Ratios are medians of the rounds' ratios (each round's figure over the peer's in the same "
                + "round). A run of DDL costs 1.2-1.4 s or, now and then, two or three times that with the kernel "
                + "busy (growing catalog files), which the ranges show and the paired ratios mostly absorb.");
        System.out.printf(Locale.ROOT, "%nSettling respelled %d objects of the desired schema; planned from the "
                + "unsettled schema the revision would have %d changes (settled: %d).%n", respelled,
                unsettledChanges, changes);
    }

    /** The median of the rounds' ratios, with {@code plus} (when given) added to both sides of each. */
    private static double ratio(List<Long> values, List<Long> peer, List<Long> plus) {
        List<Long> permille = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            long extra = (plus != null) ? plus.get(i) : 0;
            permille.add(Math.round(1e6 * (values.get(i) + extra) / (peer.get(i) + extra)));
        }
        return Stats.median(permille) / 1e6;
    }

    /**
     * What generate would do with the desired schema built once: Hibernate's DDL in a scratch
     * schema, read back, and then either nothing more, or (with {@code settleChecks}) its check
     * constraints dropped and added again in Belay's spelling in that same schema and the schema
     * read again, instead of its whole plan run in a second scratch schema (for this model the
     * checks are the only objects that settling respells, and the result equals the settled
     * schema); then the managed schema, the diff and the revision, written to a file.
     */
    private static void generateOnce(TestDatabase database, Metadata metadata, SchemaInspector inspector,
            RevisionGenerator generator, DiffOptions options, Path sources, int round, boolean settleChecks)
            throws Exception {
        List<String> ddl = new JpaDesiredSchema(metadata, inspector).ddl();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("CREATE SCHEMA belay_once_benchmark");
                statement.execute("SET LOCAL search_path = belay_once_benchmark");
                statement.setEscapeProcessing(false);
                for (String sql : ddl) {
                    statement.addBatch(sql);
                }
                statement.executeBatch();
                Schema desired = inspector.inspect(connection, "belay_once_benchmark");
                if (settleChecks) {
                    RecordingStatementSink added = new RecordingStatementSink();
                    DatabaseActions actions = new DatabaseActions(added);
                    for (Table table : desired.tables().values()) {
                        for (CheckConstraint check : table.checkConstraints().values()) {
                            statement.addBatch("ALTER TABLE " + Identifiers.quote(table.name()) + " DROP CONSTRAINT "
                                    + Identifiers.quote(check.name()));
                            actions.addCheckConstraint(check);
                        }
                    }
                    added.statements().forEach((sql) -> addBatch(statement, sql.sql()));
                    statement.executeBatch();
                    desired = inspector.inspect(connection, "belay_once_benchmark");
                }
                Schema current = inspector.inspect(connection, "app");
                MigrationPlan plan = SchemaDiff.between(current, desired, options);
                generator.generate(RevisionHeader.of("com.example.migrations", LocalDateTime.now(),
                        (settleChecks ? "settled " : "once ") + round, List.of()), plan).writeTo(sources);
            }
            finally {
                connection.rollback();
            }
        }
    }

    private static void addBatch(Statement statement, String sql) {
        try {
            statement.addBatch(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * A second schema that holds the model (Hibernate's create DDL run there), with a revision
     * stamped as applied (which records the schema's fingerprint) and the mapping's snapshot kept
     * beside it, as {@code belay generate} keeps it: where the startup drift check finds nothing.
     */
    private static DriftDetector atHead(TestDatabase database, Metadata metadata, SchemaInspector inspector)
            throws Exception {
        List<String> ddl = new JpaDesiredSchema(metadata).ddl();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE SCHEMA " + AT_HEAD);
            statement.execute("SET LOCAL search_path = " + AT_HEAD);
            statement.setEscapeProcessing(false);
            for (String sql : ddl) {
                statement.addBatch(sql);
            }
            statement.executeBatch();
            connection.commit();
        }
        MigrationRunner runner = new MigrationRunner(database.dataSource(),
                MigrationSettings.defaults().withSchema(AT_HEAD), Revisions.of(List.of(new Entities())));
        runner.stamp(null, (revisions) -> {
        });
        Path resources = Files.createTempDirectory("belay-generate-mappings");
        MappingSnapshot.of(ddl).writeTo(resources, Entities.ID);
        ClassLoader loader = new URLClassLoader(new URL[] { resources.toUri().toURL() },
                GenerateBenchmark.class.getClassLoader());
        return new DriftDetector(runner, inspector, () -> new JpaDesiredSchema(metadata).ddl(), loader);
    }

    /** The revision that built the model, stamped as applied to the second schema. */
    @MigrationRevision(id = Entities.ID, message = "the entities")
    public static final class Entities implements Revision {

        static final String ID = "20260101_000000_entities";

        @Override
        public void up(Migrator migrator) {
            throw new UnsupportedOperationException("Only stamped");
        }

        @Override
        public void down(Migrator migrator) {
            throw new UnsupportedOperationException("Only stamped");
        }

    }

    /**
     * What the workbench does to settle the desired schema: its plan from nothing run in a scratch
     * schema inside a transaction, read back, rolled back.
     */
    private static Schema settle(Connection connection, SchemaInspector inspector, Schema desired,
            DiffOptions options) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA belay_settle_benchmark");
            statement.execute("SET LOCAL search_path = belay_settle_benchmark");
            statement.setEscapeProcessing(false);
            for (String sql : SchemaDiff.between(Schema.empty(), desired, options).statements()) {
                statement.addBatch(sql);
            }
            statement.executeBatch();
            return inspector.inspect(connection, "belay_settle_benchmark");
        }
        finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /**
     * What {@code ddl-auto=create} runs when the session factory starts: Hibernate's own create
     * action (its drop script, then its create script, one statement at a time, each committed),
     * here in an empty schema of its own that is dropped afterwards, untimed.
     * @return the action's time in nanoseconds
     */
    private static long runHibernateOwnCreate(TestDatabase database, Metadata metadata) throws SQLException {
        database.execute("CREATE SCHEMA " + HIBERNATE_OWN);
        long start = System.nanoTime();
        ServiceRegistry registry = ((MetadataImplementor) metadata).getMetadataBuildingOptions().getServiceRegistry();
        Map<String, Object> settings = new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
        SchemaManagementToolCoordinator.performDatabaseAction(Action.CREATE, metadata,
                registry.requireService(SchemaManagementTool.class), registry,
                SchemaManagementToolCoordinator.buildExecutionOptions(settings, ExceptionHandlerHaltImpl.INSTANCE),
                ContributableMatcher.ALL);
        long took = System.nanoTime() - start;
        database.execute("DROP SCHEMA " + HIBERNATE_OWN + " CASCADE");
        return took;
    }

    /** Hibernate's create script for the model, rendered and run in a new schema, rolled back. */
    private static void runHibernateCreate(TestDatabase database, Metadata metadata) throws SQLException {
        List<String> ddl = new JpaDesiredSchema(metadata).ddl();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE SCHEMA hibernate_create");
            statement.execute("SET LOCAL search_path = hibernate_create");
            statement.setEscapeProcessing(false);
            for (String sql : ddl) {
                statement.addBatch(sql);
            }
            statement.executeBatch();
            connection.rollback();
        }
    }

    private static void clear(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).filter((path) -> !path.equals(directory)).forEach((path) -> {
                try {
                    Files.delete(path);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }

}
