package dev.belay.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import dev.belay.revision.MigrationException;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.RefusedException.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code generate} writes a plan whose steps cannot share one transaction as a chain of
 * revisions, and the chain behaves on a real database through the {@link MigrationRunner}: it
 * applies, nothing is left to generate, it rolls back to the catalog it started from, and a step
 * that fails on data leaves the database exactly as it was before the chain.
 */
@PostgresTest
class RevisionChainTests {

    private final JdbcTemplate jdbc;

    private final TestDatabase database;

    private String schema;

    RevisionChainTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void anOnlineSafeChangeIsAChainThatAppliesLeavesNothingToGenerateAndRollsBackToTheCatalogBeforeIt()
            throws SQLException {
        try (Project project = trips()) {
            this.jdbc.update("INSERT INTO " + this.schema + ".trip (id, name, code, rider) VALUES (1, 'short', 'a', 'Ada')");
            Schema before = inspect(project);
            project.model(Trips.ChangedTrip.class);

            GenerateResult generated = project.workbench()
                .generate(GenerateRequest.defaults().withOnlineSafe(true).withMessage("tidy trips"));

            List<WrittenRevision> chain = generated.revisions();
            assertThat(chain).extracting((written) -> written.revision().transactional())
                .containsExactly(true, false, true);
            assertThat(chain).extracting((written) -> written.revision().idempotent())
                .containsExactly(false, true, false);
            List<String> ids = ids(chain);
            assertThat(ids.get(1)).isEqualTo(ids.get(0) + "_2");
            assertThat(ids.get(2)).isEqualTo(ids.get(0) + "_3");
            assertThat(chain.get(2).revision().header().after()).containsExactly(ids.get(1));
            assertThat(chain).allSatisfy((written) -> assertThat(written.file()).exists());
            chain.forEach(project::compile);
            MigrationRunner runner = project.runner();

            assertThat(runner.apply().ids()).containsExactlyElementsOf(ids);

            assertThat(project.workbench().check().passed()).isTrue();
            assertThat(project.workbench().generate(GenerateRequest.defaults().withOnlineSafe(true)).nothingToDo())
                .isTrue();
            assertThat(this.jdbc.queryForList("SELECT name || ':' || code || ':' || rider FROM " + this.schema + ".trip",
                    String.class)).containsExactly("short:a:Ada");
            assertThat(this.jdbc.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = ?::regclass",
                    Boolean.class, this.schema + ".trip_note_idx")).isTrue();

            runner.rollback(chain.size());

            assertThat(inspect(project)).isEqualTo(before);
            assertThat(runner.status().inState(RevisionState.PENDING)).extracting(RevisionStatus::id)
                .containsExactlyElementsOf(ids);
            assertThat(this.jdbc.queryForList("SELECT name FROM " + this.schema + ".trip", String.class))
                .containsExactly("short");
        }
    }

    @Test
    void aNarrowingThatFailsOnDataLeavesTheDatabaseAsItWasBeforeTheChainAndNamesTheRevision() throws SQLException {
        try (Project project = trips()) {
            this.jdbc.update("INSERT INTO " + this.schema + ".trip (id, name, code, rider) "
                    + "VALUES (1, 'a name too long for ten', 'a', 'Ada')");
            Schema before = inspect(project);
            List<String> history = history();
            project.model(Trips.ChangedTrip.class);
            List<WrittenRevision> chain = project.workbench()
                .generate(GenerateRequest.defaults().withOnlineSafe(true).withMessage("tidy trips"))
                .revisions();
            chain.forEach(project::compile);
            String first = chain.get(0).revision().header().id();

            assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> project.runner().apply())
                .withMessageContaining("'" + first + "'")
                .withMessageContaining("value too long");

            assertThat(inspect(project)).isEqualTo(before);
            assertThat(history()).isEqualTo(history).doesNotContainAnyElementsOf(ids(chain));
            assertThat(project.runner().status().inState(RevisionState.PENDING)).extracting(RevisionStatus::id)
                .containsExactlyElementsOf(ids(chain));
        }
    }

    @Test
    void anIdempotentRevisionOfTheChainThatStoppedOnADuplicateIsResumedOnceTheDuplicateIsGone() throws SQLException {
        try (Project project = trips()) {
            this.jdbc.update("INSERT INTO " + this.schema + ".trip (id, name, code, rider) "
                    + "VALUES (1, 'one', 'same', 'Ada'), (2, 'two', 'same', 'Bob')");
            project.model(Trips.ChangedTrip.class);
            List<WrittenRevision> chain = project.workbench()
                .generate(GenerateRequest.defaults().withOnlineSafe(true).withMessage("tidy trips"))
                .revisions();
            chain.forEach(project::compile);
            String concurrent = chain.get(1).revision().header().id();

            assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> project.runner().apply())
                .withMessageContaining("'" + concurrent + "'");
            assertThat(history()).contains(ids(chain).get(0)).doesNotContain(ids(chain).get(2));
            this.jdbc.update("UPDATE " + this.schema + ".trip SET code = 'other' WHERE id = 2");

            MigrationRunner runner = project.runner();
            runner.apply();

            assertThat(runner.status().upToDate()).isTrue();
            assertThat(history()).containsAll(ids(chain));
            assertThat(project.workbench().check().passed()).isTrue();
            assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_index WHERE NOT indisvalid AND "
                    + "indrelid = ?::regclass", Integer.class, this.schema + ".trip")).isZero();
        }
    }

    @Test
    void anEnumLabelThatTheMappingUsesAtOnceIsAddedByOneTransactionalRevisionAndUsedByTheNext() throws SQLException {
        try (Project project = new Project(this.database, this.schema).model(Trips.Rides.Ride.class)) {
            applyAll(project, project.workbench().generate(GenerateRequest.defaults().withMessage("rides")));
            Schema before = inspect(project);
            project.model(Trips.MtbRides.Ride.class);

            List<WrittenRevision> chain = project.workbench()
                .generate(GenerateRequest.defaults().withMessage("mtb"))
                .revisions();

            assertThat(chain).extracting((written) -> written.revision().transactional()).containsExactly(true, true);
            chain.forEach(project::compile);
            MigrationRunner runner = project.runner();
            assertThat(runner.apply().ids()).containsExactlyElementsOf(ids(chain));
            assertThat(project.workbench().generate(GenerateRequest.defaults()).nothingToDo()).isTrue();
            runner.rollback(chain.size());
            assertThat(inspect(project)).isEqualTo(before);
        }
    }

    @Test
    void writesNoRevisionOfTheChainWhenOneOfItsFilesCannotBeWritten() throws IOException {
        try (Project project = trips()) {
            project.model(Trips.ChangedTrip.class);
            Path inTheWay = project.sources()
                .resolve(Project.PACKAGE.replace('.', '/'))
                .resolve("V20260301_120000_TidyTrips_2.java");
            Files.createDirectories(inTheWay.getParent());
            Files.writeString(inTheWay, "// someone else's");
            List<Path> before = files(project);
            SchemaWorkbench workbench = new SchemaWorkbench(project.runner(), project.desired(), new SchemaInspector(),
                    new GenerateSettings(project.sources(), Project.PACKAGE),
                    Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));

            assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> workbench
                    .generate(GenerateRequest.defaults().withOnlineSafe(true).withMessage("tidy trips")))
                .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CANNOT_WRITE))
                .withMessageContaining("V20260301_120000_TidyTrips_2.java exists");

            assertThat(files(project)).containsExactlyInAnyOrderElementsOf(before);
            assertThat(Files.readString(inTheWay)).isEqualTo("// someone else's");
        }
    }

    /** A project whose first revision, creating the trip table, is written, compiled and applied. */
    private Project trips() {
        Project project = new Project(this.database, this.schema).model(Trips.Trip.class);
        applyAll(project, project.workbench().generate(GenerateRequest.defaults().withMessage("trips")));
        return project;
    }

    private static void applyAll(Project project, GenerateResult generated) {
        generated.revisions().forEach(project::compile);
        project.runner().apply();
    }

    private static List<String> ids(List<WrittenRevision> chain) {
        return chain.stream().map((written) -> written.revision().header().id()).toList();
    }

    private List<String> history() {
        return this.jdbc.queryForList("SELECT id FROM " + this.schema + ".belay_history ORDER BY id", String.class);
    }

    private static Schema inspect(Project project) throws SQLException {
        try (Connection connection = project.dataSource().getConnection()) {
            return new SchemaInspector().inspect(connection, project.schema()).withoutTable("belay_history");
        }
    }

    private static List<Path> files(Project project) throws IOException {
        try (Stream<Path> files = Files.walk(project.sources())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

}
