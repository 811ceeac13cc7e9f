package dev.belay.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.belay.codegen.GeneratedRevision;
import dev.belay.codegen.RevisionGenerator;
import dev.belay.codegen.RevisionHeader;
import dev.belay.diff.DiffOptions;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.SchemaDiff;
import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Schema;
import dev.belay.schema.jpa.JpaDesiredSchema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.GenerateRequest;
import dev.belay.workbench.GenerateResult;
import dev.belay.workbench.GenerateSettings;
import dev.belay.workbench.SchemaWorkbench;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.SchemaToolingSettings;

/**
 * {@code belay generate} for a 1,000-entity model against an empty database, with the time split
 * into its parts: the desired schema (Hibernate's create DDL run in a scratch schema and read
 * back), settling it (its own plan run in a second scratch schema and read back), inspecting the
 * managed schema, the diff, and rendering the revision (which plans the way back too); then the
 * whole generate, end to end, writing the file, and the drift check an application runs at
 * startup ({@code belay.drift}). The peer, in the same rounds, is what {@code ddl-auto=create}
 * does for the same model: Hibernate renders its create script and the statements run in a fresh
 * schema (here in a transaction that is rolled back); Belay's first step does the same, then reads
 * the schema back. Each entity has an id from a sequence,
 * a name with a length, an integer, a decimal, a date, a timestamp, a flag, an enum stored by name
 * (a check), an index and a foreign key to the entity before it. Medians of several rounds.
 * Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl benchmarks exec:java -Dbenchmark=GenerateBenchmark}.
 */
public final class GenerateBenchmark {

    private GenerateBenchmark() {
    }

    /** The enum the entities store by name. */
    public enum Status {
        NEW, ACTIVE, DONE, ARCHIVED
    }

    public static void main(String[] args) throws Exception {
        int entities = Integer.getInteger("entities", 1000);
        int warmups = Integer.getInteger("warmups", 2);
        int rounds = Integer.getInteger("rounds", 7);
        try (TestDatabase database = TestDatabase.create()) {
            int version = database.server().majorVersion();
            System.out.printf("Mapping %d entities on PostgreSQL %d ...%n", entities, version);
            List<Class<?>> classes = entityClasses(entities);
            // The entities' own class loader, so that Hibernate finds the generated classes by name.
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
                    new BootstrapServiceRegistryBuilder().applyClassLoader(classes.get(0).getClassLoader()).build())
                .applySettings(Map.of(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource(),
                        MappingSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName(),
                        SchemaToolingSettings.HBM2DDL_AUTO, "none"))
                .build();
            try {
                MetadataSources sources = new MetadataSources(registry);
                classes.forEach(sources::addAnnotatedClass);
                Metadata metadata = sources.buildMetadata();
                run(database, metadata, version, warmups, rounds);
            }
            finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        }
    }

    private static void run(TestDatabase database, Metadata metadata, int version, int warmups, int rounds)
            throws Exception {
        SchemaInspector inspector = new SchemaInspector();
        RevisionGenerator generator = new RevisionGenerator();
        DiffOptions options = DiffOptions.defaults().withServerVersion(version);
        Path sources = Files.createTempDirectory("belay-generate-benchmark");
        MigrationRunner runner = new MigrationRunner(database.dataSource(), MigrationSettings.defaults().withSchema("app"),
                Revisions.of(List.of()));
        // A JpaDesiredSchema keeps the DDL it rendered; a new one each time renders it again, as a
        // fresh `belay generate` does.
        SchemaWorkbench workbench = new SchemaWorkbench(runner,
                (connection) -> new JpaDesiredSchema(metadata).desiredSchema(connection), inspector,
                new GenerateSettings(sources, "com.example.migrations"), Clock.systemUTC());

        Map<String, List<Long>> samples = new LinkedHashMap<>();
        for (String part : List.of("desired schema (Hibernate DDL in a scratch schema, read back)",
                "settle it (its plan in a scratch schema, read back)", "inspect the managed schema (empty)",
                "diff (empty → desired)", "render the revision (with the plan back)", "belay generate, end to end",
                "drift check at startup (workbench.drift())", "peer: ddl-auto=create's script, run")) {
            samples.put(part, new ArrayList<>());
        }
        List<String> parts = new ArrayList<>(samples.keySet());
        int changes = 0;
        int lines = 0;
        for (int round = -warmups; round < rounds; round++) {
            List<Long> times = new ArrayList<>();
            Schema desired;
            Schema settled;
            try (Connection connection = database.connect()) {
                long start = System.nanoTime();
                desired = new JpaDesiredSchema(metadata).desiredSchema(connection);
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
            }
            long start = System.nanoTime();
            GenerateResult generated = workbench.generate(GenerateRequest.defaults().withMessage("init " + round));
            times.add(System.nanoTime() - start);
            if (generated.nothingToDo()) {
                throw new IllegalStateException("Generate found nothing to do on an empty database");
            }
            start = System.nanoTime();
            if (workbench.drift().matches()) {
                throw new IllegalStateException("An empty database matches the model");
            }
            times.add(System.nanoTime() - start);
            start = System.nanoTime();
            runHibernateCreate(database, metadata);
            times.add(System.nanoTime() - start);
            clear(sources);
            if (round >= 0) {
                for (int i = 0; i < parts.size(); i++) {
                    samples.get(parts.get(i)).add(times.get(i));
                }
            }
        }
        long peer = Stats.median(samples.get(parts.get(parts.size() - 1)));
        System.out.printf("%nGenerating one revision for %d entities (%d changes, a %d-line class) on PostgreSQL %d,"
                + " medians of %d rounds after %d warm-ups (load average %.1f on %d cores)%n%n",
                metadata.getEntityBindings().size(), changes, lines, version, rounds, warmups,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-62s %12s %16s%n", "", "median ms", "× ddl-auto");
        for (Map.Entry<String, List<Long>> entry : samples.entrySet()) {
            long median = Stats.median(entry.getValue());
            System.out.printf("%-62s %12.1f %16.2f%n", entry.getKey(), median / 1e6, (double) median / peer);
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

    /** The entities, made with Byte Buddy and loaded together. */
    private static List<Class<?>> entityClasses(int count) throws ClassNotFoundException {
        List<DynamicType.Unloaded<Object>> types = new ArrayList<>();
        List<TypeDescription> descriptions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DynamicType.Unloaded<Object> type = entity(i, (i > 0) ? descriptions.get(i - 1) : null);
            types.add(type);
            descriptions.add(type.getTypeDescription());
        }
        ClassLoader loader = types.get(0)
            .include(types.subList(1, types.size()))
            .load(GenerateBenchmark.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
            .getLoaded()
            .getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        for (TypeDescription description : descriptions) {
            classes.add(Class.forName(description.getName(), false, loader));
        }
        return classes;
    }

    private static DynamicType.Unloaded<Object> entity(int index, TypeDescription previous) {
        String table = "entity_" + index;
        DynamicType.Builder<Object> builder = new ByteBuddy().subclass(Object.class)
            .name("dev.belay.benchmarks.generated.Entity" + index)
            .annotateType(AnnotationDescription.Builder.ofType(Entity.class).define("name", "Entity" + index).build(),
                    AnnotationDescription.Builder.ofType(Table.class)
                        .define("name", table)
                        .defineAnnotationArray("indexes", TypeDescription.ForLoadedType.of(Index.class),
                                AnnotationDescription.Builder.ofType(Index.class)
                                    .define("name", table + "_created_idx")
                                    .define("columnList", "created_on")
                                    .build())
                        .build())
            .defineField("id", Long.class, Visibility.PACKAGE_PRIVATE)
            .annotateField(AnnotationDescription.Builder.ofType(Id.class).build(),
                    AnnotationDescription.Builder.ofType(GeneratedValue.class)
                        .define("strategy", GenerationType.SEQUENCE)
                        .build())
            .defineField("name", String.class, Visibility.PACKAGE_PRIVATE)
            .annotateField(AnnotationDescription.Builder.ofType(Column.class)
                .define("length", 120)
                .define("nullable", false)
                .build())
            .defineField("quantity", Integer.class, Visibility.PACKAGE_PRIVATE)
            .defineField("amount", BigDecimal.class, Visibility.PACKAGE_PRIVATE)
            .annotateField(AnnotationDescription.Builder.ofType(Column.class)
                .define("precision", 12)
                .define("scale", 2)
                .build())
            .defineField("createdOn", LocalDate.class, Visibility.PACKAGE_PRIVATE)
            .defineField("updatedAt", LocalDateTime.class, Visibility.PACKAGE_PRIVATE)
            .defineField("active", Boolean.class, Visibility.PACKAGE_PRIVATE)
            .defineField("status", Status.class, Visibility.PACKAGE_PRIVATE)
            .annotateField(AnnotationDescription.Builder.ofType(Enumerated.class)
                .define("value", EnumType.STRING)
                .build());
        if (previous != null) {
            builder = builder.defineField("previous", previous, Visibility.PACKAGE_PRIVATE)
                .annotateField(AnnotationDescription.Builder.ofType(ManyToOne.class).build(),
                        AnnotationDescription.Builder.ofType(JoinColumn.class)
                            .define("name", Identifiers.quote("previous_id"))
                            .build());
        }
        return builder.make();
    }

}
