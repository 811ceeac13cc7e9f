package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;

import dev.belay.revision.MigrationException;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.evolution.DroppedColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A generated revision that drops a {@code NOT NULL} column rolls back on the table it left,
 * rows and all: the column comes back nullable on a table with rows (a notice says so), and
 * {@code NOT NULL} on an empty one, which restores the catalog exactly. A column of the primary
 * key cannot come back without values: its {@code down} says so where it adds it, and the
 * rollback fails saying that nothing changed and what to do.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class DroppedColumnRollbackTests {

    @Test
    void aDroppedNotNullColumnComesBackNullableOnATableWithRowsAndTheRollbackSucceeds(TestDatabase database,
            CapturedOutput output) throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        try (Project project = new Project(database, "dropped_with_rows")) {
            String rides = step(project, "rides", DroppedColumns.Before.Ride.class);
            GenerateResult forget = project.model(DroppedColumns.After.Ride.class)
                .workbench()
                .generate(GenerateRequest.defaults().withMessage("forget tracks"));
            String source = forget.written().revision().source();
            assertThat(source).contains("// DATA_LOSS column ride.track: comes back without the values the way up "
                    + "dropped, and")
                .contains("m.actions().addNotNull(\"ride\", \"track\")")
                .contains("m.actions().addColumn(\"ride\", column(\"track\", \"character varying(255)\")"
                        + ".notNullWhenEmpty());");
            project.compile(forget.written());
            MigrationRunner runner = project.runner();
            runner.apply();
            jdbc.update("INSERT INTO dropped_with_rows.ride (name) VALUES ('Ada'), ('Grace')");

            assertThat(runner.rollback(1).ids()).containsExactly(forget.written().revision().header().id());

            assertThat(runner.status().revisions()).extracting(RevisionStatus::id, RevisionStatus::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(rides, RevisionState.APPLIED),
                        org.assertj.core.groups.Tuple.tuple(forget.written().revision().header().id(),
                                RevisionState.PENDING));
            assertThat(inspect(project).tables().get("ride").column("track").notNull()).isFalse();
            assertThat(jdbc.queryForList("SELECT name || ':' || coalesce(track, '-') FROM dropped_with_rows.ride "
                    + "ORDER BY id", String.class)).containsExactly("Ada:-", "Grace:-");
            assertThat(output).contains("column ride.track is nullable: the table has rows, which have no value for "
                    + "it, so it could not be made NOT NULL. To make it NOT NULL, fill it, then run ALTER TABLE ride "
                    + "ALTER COLUMN track SET NOT NULL");

            // Filled and made NOT NULL by hand, as the notice says: the revision applies again.
            jdbc.update("UPDATE dropped_with_rows.ride SET track = 'loop'");
            jdbc.execute("ALTER TABLE dropped_with_rows.ride ALTER COLUMN track SET NOT NULL");
            runner.apply();
            assertThat(project.workbench().check().passed()).isTrue();
        }
    }

    @Test
    void onAnEmptyTableTheRollbackRestoresTheNotNullColumnExactly(TestDatabase database, CapturedOutput output)
            throws SQLException {
        try (Project project = new Project(database, "dropped_empty")) {
            step(project, "rides", DroppedColumns.Before.Ride.class);
            Schema before = inspect(project);
            step(project, "forget tracks", DroppedColumns.After.Ride.class);

            project.runner().rollback(1);

            assertThat(inspect(project)).isEqualTo(before);
            assertThat(before.tables().get("ride").column("track").notNull()).isTrue();
            assertThat(output).doesNotContain("is nullable: the table has rows");
        }
    }

    @Test
    void aDroppedPrimaryKeyColumnCannotComeBackOnRowsAndTheDownAndTheFailureSayWhatToDo(TestDatabase database)
            throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        try (Project project = new Project(database, "dropped_key")) {
            step(project, "laps", DroppedColumns.Before.Lap.class);
            Schema before = inspect(project);
            GenerateResult forget = project.model(DroppedColumns.After.Lap.class)
                .workbench()
                .generate(GenerateRequest.defaults().withMessage("laps by ride"));
            String id = forget.written().revision().header().id();
            assertThat(forget.written().revision().source())
                .contains("// MAY_FAIL_ON_DATA column lap.number: comes back NOT NULL without the values the way up")
                .contains("primary key lap_pkey needs one in every row")
                .contains("m.actions().dropColumnDefault(\"lap\", \"number\")")
                .contains("m.actions().addColumn(\"lap\", column(\"number\", \"integer\").notNull());");
            project.compile(forget.written());
            MigrationRunner runner = project.runner();
            runner.apply();
            jdbc.update("INSERT INTO dropped_key.lap (ride_id) VALUES (1), (2)");

            assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.rollback(1))
                .satisfies((ex) -> {
                    assertThat(ex.problem()).startsWith("Rolling back revision '" + id + "'")
                        .contains("failed in down(): ERROR: column \"number\" of relation \"lap\" contains null "
                                + "values [SQLSTATE 23502]")
                        .contains("Nothing changed: its down() ran in one transaction, which was undone, and '" + id
                                + "' stays applied.");
                    assertThat(ex.fix()).contains("give those rows a value")
                        .contains(".defaultValue(...)")
                        .contains("notNullWhenEmpty()");
                });
            assertThat(runner.status().upToDate()).isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM dropped_key.lap", Integer.class)).isEqualTo(2);

            jdbc.update("DELETE FROM dropped_key.lap");
            runner.rollback(1);
            assertThat(inspect(project)).isEqualTo(before);
        }
    }

    /** Maps the entities, generates, compiles and applies; returns the revision's id. */
    private static String step(Project project, String message, Class<?>... entities) {
        GenerateResult generated = project.model(entities)
            .workbench()
            .generate(GenerateRequest.defaults().withMessage(message));
        project.compile(generated.written());
        project.runner().apply();
        return generated.written().revision().header().id();
    }

    private static Schema inspect(Project project) throws SQLException {
        try (Connection connection = project.dataSource().getConnection()) {
            return new SchemaInspector().inspect(connection, project.schema()).withoutTable("belay_history");
        }
    }

}
