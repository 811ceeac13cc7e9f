package dev.belay.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.belay.diff.Change;
import dev.belay.runner.MigrationRunner;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Schema;
import dev.belay.schema.jpa.CatalogSnapshot;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.SchemaDump;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.realapps.RealApplication;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN's round trip on the domain models of real applications ({@link RealApplication}):
 * {@code generate} on an empty database writes a revision that compiles unedited and applies;
 * then {@code check} passes and a second {@code generate} writes nothing; the schema Belay built
 * dumps exactly as the one Hibernate's own {@code create} builds from the same model; rolled
 * back, the revision leaves the catalog as it found it. Then the application's next release, with
 * rows in the tables: its revision applies, checks clean, keeps the rows, and the schema again
 * dumps exactly as Hibernate's {@code create} of the evolved model. Each step is timed and the
 * measures printed, one line per application.
 */
@PostgresTest
class RealApplicationRoundTripTests {

    private static final String HISTORY = "belay_history";

    private static final Map<Integer, String> measures = new ConcurrentSkipListMap<>();

    private static volatile String server = "?";

    @ParameterizedTest
    @EnumSource(RealApplication.class)
    void generatesAppliesChecksAndRollsBackExactlyHibernatesSchemaThenEvolvesKeepingTheRows(RealApplication application,
            TestDatabase database) throws SQLException {
        String schema = application.schema();
        Measure measure = new Measure(application);
        SoftAssertions dumps = new SoftAssertions();
        CatalogSnapshot before = snapshot(database);
        server = serverVersion(database);
        try (Project project = new Project(database, schema)) {
            project.model(application.entities().toArray(Class<?>[]::new));

            GenerateResult generated = measure.time("generate",
                    () -> project.workbench().generate(GenerateRequest.defaults().withMessage("initial")));
            assertThat(generated.nothingToDo()).isFalse();
            measure.revision(generated);
            generated.revisions().forEach(project::compile);
            MigrationRunner runner = project.runner();
            assertThat(measure.time("apply", runner::apply).ids()).hasSize(generated.revisions().size());
            Comparison check = measure.time("check", () -> project.workbench().check());
            assertThat(check.passed()).as("check after the initial revision\n%s", check.plan()).isTrue();
            GenerateResult again = measure.time("regenerate",
                    () -> project.workbench().generate(GenerateRequest.defaults()));
            assertThat(again.nothingToDo()).as("generate after the initial revision\n%s", again.plan()).isTrue();
            compareWithHibernate(dumps, database, schema, "_hibernate", application.entities(), "initial model",
                    false);

            measure.time("rollback", () -> runner.rollback(generated.revisions().size()));
            assertThat(inspect(database, schema).isEmpty()).as("%s after rolling back", schema).isTrue();
            List<String> after = withoutHistory(database, schema);
            assertThat(after.stream().filter((object) -> !before.objects().contains(object)).toList())
                .as("catalog objects left after rolling back").isEmpty();
            assertThat(before.objects().stream().filter((object) -> !after.contains(object)).toList())
                .as("catalog objects gone after rolling back").isEmpty();

            runner.apply();
            List<String> rows = writeRows(database, application);
            assertThat(rows).as("rows written before the evolution").isNotEmpty();
            project.model(application.evolvedEntities().toArray(Class<?>[]::new));
            GenerateResult evolved = measure.time("evolve", () -> {
                GenerateResult result = project.workbench().generate(GenerateRequest.defaults().withMessage("next"));
                result.revisions().forEach(project::compile);
                project.runner().apply();
                return result;
            });
            assertThat(evolved.nothingToDo()).isFalse();
            measure.evolution(evolved);
            Comparison evolvedCheck = project.workbench().check();
            assertThat(evolvedCheck.passed()).as("check after the evolution\n%s\n%s", evolvedCheck.plan(),
                    evolved.revisions().get(0).revision().source()).isTrue();
            GenerateResult evolvedAgain = project.workbench().generate(GenerateRequest.defaults());
            assertThat(evolvedAgain.nothingToDo()).as("generate after the evolution\n%s", evolvedAgain.plan()).isTrue();
            assertThat(readRows(database, application)).as("rows after the evolution").isEqualTo(rows);
            compareWithHibernate(dumps, database, schema, "_hibernate_next", application.evolvedEntities(),
                    "evolved model", true);
        }
        finally {
            measures.put(application.ordinal(), measure.toString());
            System.out.println(Measure.HEADER + "\n" + measure);
        }
        dumps.assertAll();
    }

    @AfterAll
    static void printMeasures() {
        System.out.println("Real applications, round trip on PostgreSQL " + server + " (ms):\n" + Measure.HEADER + "\n"
                + String.join("\n", measures.values()));
    }

    /**
     * Has Hibernate's {@code create} build the model in a schema of its own, and expects the dump
     * of Belay's schema (without its history table) to hold exactly the same entries; in the same
     * column order too, unless the schema was evolved (PostgreSQL adds a column last).
     */
    private static void compareWithHibernate(SoftAssertions dumps, TestDatabase database, String schema,
            String suffix, List<Class<?>> entities, String what, boolean evolved) {
        String hibernateSchema = schema + suffix;
        try (MappedModel model = MappedModel.createdByHibernate(database, hibernateSchema,
                entities.toArray(Class<?>[]::new))) {
            SchemaDump belay = SchemaDump.of(database, schema, HISTORY);
            SchemaDump hibernate = SchemaDump.of(database, hibernateSchema);
            if (evolved) {
                belay = belay.withoutColumnOrder();
                hibernate = hibernate.withoutColumnOrder();
            }
            dumps.assertThat(belay.differences(hibernate, "Belay", "Hibernate"))
                .as("%s of %s: Belay's schema against Hibernate's create", what, schema)
                .isEmpty();
            dumps.assertThat(belay.entries()).as("%s of %s dumped", what, schema).isNotEmpty();
        }
        finally {
            database.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(hibernateSchema) + " CASCADE");
        }
    }

    private static List<String> writeRows(TestDatabase database, RealApplication application) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + Identifiers.quote(application.schema()));
            for (String row : application.rows()) {
                statement.execute(row);
            }
        }
        return readRows(database, application);
    }

    private static List<String> readRows(TestDatabase database, RealApplication application) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + Identifiers.quote(application.schema()));
            try (ResultSet result = statement.executeQuery(application.query() + " ORDER BY 1")) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
        }
        return rows;
    }

    private static Schema inspect(TestDatabase database, String schema) throws SQLException {
        try (Connection connection = database.connect()) {
            return new SchemaInspector().inspect(connection, schema).withoutTable(HISTORY);
        }
    }

    private static String serverVersion(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        }
    }

    private static CatalogSnapshot snapshot(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return CatalogSnapshot.of(connection);
        }
    }

    /**
     * The catalog without the schema that the runner created and the history table it keeps
     * there (its constraints, index, sequence and TOAST table).
     */
    private static List<String> withoutHistory(TestDatabase database, String schema) throws SQLException {
        long history;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT '"
                        + Identifiers.quote(schema) + "." + HISTORY + "'::regclass::oid")) {
            result.next();
            history = result.getLong(1);
        }
        String quoted = Pattern.quote(schema);
        Pattern runnerObjects = Pattern.compile("schema " + quoted + "|(relation|type|constraint) " + quoted + "\\._?"
                + HISTORY + "(_\\w+)?( .)?|relation pg_toast\\.pg_toast_" + history + "(_index)? .");
        return snapshot(database).objects()
            .stream()
            .filter((object) -> !runnerObjects.matcher(object).matches())
            .toList();
    }

    /** What one application's round trip measured. */
    private static final class Measure {

        static final String HEADER = String.format("%-12s %8s %6s %7s %6s %8s %6s %6s %10s %8s %7s %6s %7s %6s",
                "application", "entities", "tables", "changes", "lines", "generate", "apply", "check", "regenerate",
                "rollback", "evolve", "evo-ch", "evo-ln", "total");

        private final long start = System.nanoTime();

        private final RealApplication application;

        private final Map<String, Long> millis = new HashMap<>();

        private int tables;

        private int changes;

        private int lines;

        private int evolutionChanges;

        private int evolutionLines;

        Measure(RealApplication application) {
            this.application = application;
        }

        <T> T time(String step, Supplier<T> action) {
            long start = System.nanoTime();
            try {
                return action.get();
            }
            finally {
                this.millis.put(step, (System.nanoTime() - start) / 1_000_000);
            }
        }

        void revision(GenerateResult result) {
            this.tables = (int) result.plan().changes().stream()
                .filter(Change.CreateTable.class::isInstance)
                .count();
            this.changes = result.plan().changes().size();
            this.lines = lines(result);
        }

        void evolution(GenerateResult result) {
            this.evolutionChanges = result.plan().changes().size();
            this.evolutionLines = lines(result);
        }

        private static int lines(GenerateResult result) {
            int lines = 0;
            for (WrittenRevision written : result.revisions()) {
                try {
                    lines += Files.readAllLines(written.file()).size();
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
            return lines;
        }

        @Override
        public String toString() {
            return String.format("%-12s %8d %6d %7d %6d %8s %6s %6s %10s %8s %7s %6d %7d %6d",
                    this.application.schema(), this.application.entities().size(), this.tables, this.changes,
                    this.lines, ms("generate"), ms("apply"), ms("check"), ms("regenerate"), ms("rollback"),
                    ms("evolve"), this.evolutionChanges, this.evolutionLines,
                    (System.nanoTime() - this.start) / 1_000_000);
        }

        private String ms(String step) {
            Long value = this.millis.get(step);
            return (value != null) ? value.toString() : "-";
        }

    }

}
