package dev.belay.workbench;

import dev.belay.revision.MigrationException;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.RefusedException.Reason;
import dev.belay.workbench.SchemaWorkbenchTests.BranchA;
import dev.belay.workbench.SchemaWorkbenchTests.Root;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Taking over a database whose schema was built before Belay managed it: {@code belay stamp}
 * records the revisions that build it as applied without running them, and only when the database
 * is what they build.
 */
@PostgresTest
class RevisionStampTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    RevisionStampTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void takesOverADatabaseThatHibernateBuiltOnceTheShadowHasWrittenItsFirstRevision() {
        hibernateBuilds(Notes.Task.class, Notes.Note.class);
        this.jdbc.update("INSERT INTO " + this.schema + ".task (id, priority) VALUES (1, 'HIGH')");
        this.jdbc.execute("CREATE VIEW " + this.schema + ".urgent AS SELECT id FROM " + this.schema + ".task");
        try (Project project = new Project(this.database, this.schema).model(Notes.Task.class, Notes.Note.class)) {
            assertThat(project.workbench().generate(GenerateRequest.defaults()).nothingToDo()).isTrue();
            WrittenRevision initial = project.workbench().generate(GenerateRequest.defaults().withShadow(true))
                .written();
            project.compile(initial);
            String id = initial.revision().header().id();

            MigrationResult stamped = stamp(project, null);

            assertThat(stamped.operation()).isEqualTo(MigrationResult.Operation.STAMP);
            assertThat(stamped.ids()).containsExactly(id);
            assertThat(stamped.revisions()).allSatisfy((run) -> assertThat(run.statements()).isEmpty());
            assertThat(project.runner().status().revisions()).singleElement().satisfies((revision) -> {
                assertThat(revision.state()).isEqualTo(RevisionState.APPLIED);
                assertThat(revision.executionMs()).isNull();
            });
            assertThat(project.runner().apply().ids()).isEmpty();
            assertThat(project.workbench().check().passed()).isTrue();
            assertThat(this.jdbc.queryForObject("SELECT priority FROM " + this.schema + ".task WHERE id = 1",
                    String.class)).isEqualTo("HIGH");
            assertThat(stamp(project, null).ids()).isEmpty();
        }
    }

    @Test
    void refusesADatabaseThatLacksWhatTheRevisionsBuildNamesTheDifferenceAndRecordsNothing() {
        hibernateBuilds(Notes.Task.class);
        try (Project project = new Project(this.database, this.schema).model(Notes.Task.class, Notes.Note.class)) {
            project.compile(project.workbench().generate(GenerateRequest.defaults().withShadow(true)).written());

            assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> stamp(project, null))
                .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.SCHEMA_DIFFERS))
                .withMessageContaining("Schema " + this.schema + " is not what the revisions build")
                .withMessageContaining("DROP TABLE note")
                .satisfies((ex) -> assertThat(ex.fix()).startsWith("Nothing was recorded.")
                    .contains("belay generate --shadow"));
            assertThat(project.runner().status().revisions()).extracting(RevisionStatus::state)
                .containsExactly(RevisionState.PENDING);
            assertThat(this.jdbc.queryForObject("SELECT to_regclass(?)", String.class, this.schema + ".belay_history"))
                .isNull();
        }
    }

    @Test
    void refusesADatabaseWithMoreThanTheRevisionsBuild() {
        this.database.execute("CREATE SCHEMA " + this.schema,
                "CREATE TABLE " + this.schema + ".root (id int, extra text)");
        try (Project project = new Project(this.database, this.schema).model(Notes.Note.class)
            .revisions(new Root())) {
            assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> stamp(project, null))
                .withMessageContaining("'root'")
                .withMessageContaining("ADD COLUMN extra");
        }
    }

    @Test
    void stampsUpToATargetAndLeavesTheRevisionsAfterItToApply() {
        this.database.execute("CREATE SCHEMA " + this.schema, "CREATE TABLE " + this.schema + ".root (id int)");
        try (Project project = new Project(this.database, this.schema).model(Notes.Note.class)
            .revisions(new Root(), new BranchA())) {
            assertThat(stamp(project, "root").ids()).containsExactly("root");
            assertThat(project.runner().status().revisions()).extracting(RevisionStatus::id, RevisionStatus::state)
                .containsExactly(tuple("root", RevisionState.APPLIED),
                        tuple("branch_a", RevisionState.PENDING));

            assertThat(project.runner().apply().ids()).containsExactly("branch_a");
            assertThat(this.jdbc.queryForObject("SELECT to_regclass(?)", String.class, this.schema + ".branch_a"))
                .isNotNull();
        }
    }

    @Test
    void applyingRevisionsOverTablesThatExistFailsAndSaysToStamp() {
        hibernateBuilds(Notes.Note.class);
        try (Project project = new Project(this.database, this.schema).model(Notes.Note.class)) {
            project.compile(project.workbench().generate(GenerateRequest.defaults().withShadow(true)).written());

            assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> project.runner().apply())
                .withMessageContaining("already exists")
                .satisfies((ex) -> assertThat(ex.fix()).contains("belay stamp"));
            assertThat(project.runner().status().revisions()).extracting(RevisionStatus::state)
                .containsExactly(RevisionState.PENDING);
        }
    }

    private void hibernateBuilds(Class<?>... entities) {
        MappedModel.createdByHibernate(this.database, this.schema, entities).close();
    }

    private static MigrationResult stamp(Project project, String target) {
        return new RevisionStamp(project.runner(), new SchemaInspector()).stamp(target);
    }

}
