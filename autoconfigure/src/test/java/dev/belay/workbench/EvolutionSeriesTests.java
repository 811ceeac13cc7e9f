package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.belay.diff.Change;
import dev.belay.diff.HazardKind;
import dev.belay.runner.MigrationRunner;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.evolution.Steps;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One ride log evolving through the changes applications make every day, each step generated,
 * compiled, applied, checked and generated again, then rolled back and applied again, while the
 * rows written along the way survive. The chain of generated revisions grows with every step; at
 * the end, rolling all of it back leaves the schema empty.
 */
@PostgresTest
class EvolutionSeriesTests {

    @Test
    void eachStepRoundTripsThroughItsGeneratedRevision(TestDatabase database) throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        List<Schema> schemas = new ArrayList<>();
        try (Project project = new Project(database, "ridelog")) {
            schemas.add(inspect(database));

            step(project, schemas, "initial", GenerateRequest.defaults(), Steps.Initial.Rider.class,
                    Steps.Initial.Ride.class);
            jdbc.update("INSERT INTO ridelog.rider (name) VALUES ('Ada')");
            jdbc.update("INSERT INTO ridelog.ride (rider_id, distance, kind, surface) VALUES (1, 42, 'GRAVEL', 'DIRT')");

            step(project, schemas, "add started_at", GenerateRequest.defaults(), Steps.Initial.Rider.class,
                    Steps.AddColumn.Ride.class);
            Change.AlterColumnType typeChange = only(step(project, schemas, "distance as bigint",
                    GenerateRequest.defaults(), Steps.Initial.Rider.class, Steps.ChangeType.Ride.class),
                    Change.AlterColumnType.class);
            assertThat(typeChange.type()).isEqualTo("bigint");
            GenerateResult labels = step(project, schemas, "new labels", GenerateRequest.defaults(),
                    Steps.Initial.Rider.class, Steps.NewEnumValues.Ride.class);
            assertThat(only(labels, Change.AddEnumValue.class).label()).isEqualTo("MTB");
            assertThat(labels.written().revision().transactional()).isTrue();
            step(project, schemas, "tags", GenerateRequest.defaults(), Steps.Initial.Rider.class,
                    Steps.NewEnumValues.Ride.class, Steps.NewEntity.Tag.class);
            jdbc.update("INSERT INTO ridelog.tag (ride_id, label) VALUES (1, 'windy')");
            only(step(project, schemas, "index started_at", GenerateRequest.defaults(), Steps.Initial.Rider.class,
                    Steps.NewIndex.Ride.class, Steps.NewIndex.Tag.class), Change.CreateIndex.class);
            only(step(project, schemas, "riders have names", GenerateRequest.defaults(), Steps.NotNull.Rider.class,
                    Steps.NotNull.Ride.class, Steps.NotNull.Tag.class), Change.AddNotNull.class);
            GenerateResult renamed = step(project, schemas, "distance is length",
                    GenerateRequest.defaults().withRename(RenameHint.parse("ride.distance=length")),
                    Steps.NotNull.Rider.class, Steps.Rename.Ride.class, Steps.Rename.Tag.class);
            assertThat(only(renamed, Change.RenameColumn.class).to()).isEqualTo("length");
            assertThat(renamed.plan().hazardKinds()).doesNotContain(HazardKind.DATA_LOSS);
            assertThat(jdbc.queryForObject("SELECT length FROM ridelog.ride WHERE id = 1", Long.class)).isEqualTo(42);

            step(project, schemas, "forget started_at", GenerateRequest.defaults(), Steps.NotNull.Rider.class,
                    Steps.DropColumn.Ride.class, Steps.DropColumn.Tag.class);
            step(project, schemas, "no more tags", GenerateRequest.defaults(), Steps.NotNull.Rider.class,
                    Steps.DropColumn.Ride.class);

            assertThat(jdbc.queryForList("SELECT r.name || ':' || ride.length || ':' || ride.kind || ':' || ride.surface "
                    + "FROM ridelog.ride JOIN ridelog.rider r ON r.id = ride.rider_id", String.class))
                .containsExactly("Ada:42:GRAVEL:DIRT");
            MigrationRunner runner = project.runner();
            assertThat(runner.status().revisions()).hasSize(10);
            runner.rollback(10);
            assertThat(inspect(database)).isEqualTo(schemas.get(0));
        }
    }

    /**
     * Maps the entities, generates, compiles and applies the revision; the check passes and a
     * second generate finds nothing; rolled back, the schema is the previous step's again, and
     * applied again, this step's.
     */
    private static GenerateResult step(Project project, List<Schema> schemas, String message, GenerateRequest request,
            Class<?>... entities) throws SQLException {
        project.model(entities);
        GenerateResult generated = project.workbench().generate(request.withMessage(message));
        assertThat(generated.nothingToDo()).as(message).isFalse();
        project.compile(generated.written());
        MigrationRunner runner = project.runner();
        runner.apply();
        Comparison check = project.workbench().check();
        assertThat(check.passed()).as("check after '%s'\n%s\n%s", message, check.plan(),
                generated.written().revision().source()).isTrue();
        assertThat(project.workbench().generate(GenerateRequest.defaults()).nothingToDo()).as(message).isTrue();
        Schema after = inspect(project);

        runner.rollback(1);
        assertThat(inspect(project)).as("after rolling back '%s'", message).isEqualTo(schemas.get(schemas.size() - 1));
        runner.apply();
        assertThat(inspect(project)).as("after applying '%s' again", message).isEqualTo(after);
        schemas.add(after);
        return generated;
    }

    private static <T extends Change> T only(GenerateResult result, Class<T> kind) {
        List<T> changes = result.plan().changes().stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(changes).as("%s changes in\n%s", kind.getSimpleName(), result.plan()).hasSize(1);
        return changes.get(0);
    }

    private static Schema inspect(Project project) throws SQLException {
        try (Connection connection = project.dataSource().getConnection()) {
            return new SchemaInspector().inspect(connection, project.schema()).withoutTable("belay_history");
        }
    }

    private static Schema inspect(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return new SchemaInspector().inspect(connection, "ridelog").withoutTable("belay_history");
        }
    }

}
