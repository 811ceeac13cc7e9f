package dev.belay.workbench;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.concurrent.Callable;

import dev.belay.revision.MigrationException;
import dev.belay.runner.MigrationResult;
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
 * {@code belay baseline}: a database built before Belay is taken over as it is, a fresh database
 * builds from the baseline onward to the same schema, and another database with exactly the
 * baseline's schema (production, say) is taken over by a plain start, without DDL.
 */
@PostgresTest
class BaselineTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    BaselineTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void takesOverADatabaseAsItIsAndThenGeneratesOnlyWhatTheMappingWantsChanged() throws Exception {
        builtBeforeBelay(this.schema);
        try (Project project = new Project(this.database, this.schema).model(Notes.TitledNote.class)) {
            BaselineResult baseline = project.workbench().baseline(BaselineRequest.defaults());

            assertThat(baseline.written().revision().source()).contains("baseline = true")
                .contains("view note_bodies");
            assertThat(baseline.notCarriedOver()).extracting(Object::toString).containsExactly("view note_bodies");
            assertThat(baseline.schemaFile()).exists();
            assertThat(baseline.recorded().ids()).containsExactly(baseline.written().revision().header().id());
            project.compile(baseline.written());
            assertThat(project.runner().status().revisions()).singleElement()
                .satisfies((revision) -> assertThat(revision.state()).isEqualTo(RevisionState.APPLIED));

            GenerateResult next = project.workbench().generate(GenerateRequest.defaults().withMessage("title"));
            assertThat(next.plan().statements()).containsExactly("ALTER TABLE note ADD COLUMN title character varying(80)");
            project.compile(next.written());
            assertThat(project.runner().apply().ids()).hasSize(1);
            assertThat(project.workbench().check().passed()).isTrue();
            assertThat(this.jdbc.queryForObject("SELECT body FROM " + this.schema + ".note WHERE id = 7", String.class))
                .isEqualTo("kept");

            String fresh = this.schema + "_fresh";
            try (Project rebuilt = new Project(this.database, fresh).model(Notes.TitledNote.class)) {
                rebuilt.compile(baseline.written());
                rebuilt.compile(next.written());
                assertThat(rebuilt.runner().apply().ids()).hasSize(2);
                assertThat(managed(fresh)).isEqualTo(managed(this.schema));
            }
        }
    }

    @Test
    void aStartTakesOverAnotherDatabaseWithExactlyTheBaselinesSchemaWithoutRunningIt() throws Exception {
        builtBeforeBelay(this.schema);
        String production = this.schema + "_prod";
        builtBeforeBelay(production);
        try (Project project = new Project(this.database, this.schema).model(Notes.Note.class);
                Project deployed = new Project(this.database, production).model(Notes.Note.class)) {
            BaselineResult baseline = project.workbench().baseline(BaselineRequest.defaults());
            deployed.compile(baseline.written());

            MigrationResult rehearsed = withResources(project, () -> deployed.runner().apply(null, true));
            assertThat(rehearsed.ids()).containsExactly(baseline.written().revision().header().id());
            assertThat(rehearsed.revisions()).allSatisfy((run) -> assertThat(run.statements()).isEmpty());
            assertThat(deployed.runner().status().revisions()).extracting(RevisionStatus::state)
                .containsExactly(RevisionState.PENDING);

            MigrationResult started = withResources(project, () -> deployed.runner().apply());

            assertThat(started.ids()).containsExactly(baseline.written().revision().header().id());
            assertThat(started.revisions()).allSatisfy((run) -> assertThat(run.statements()).isEmpty());
            assertThat(deployed.runner().status().revisions()).extracting(RevisionStatus::state)
                .containsExactly(RevisionState.APPLIED);
            assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + production + ".note", Integer.class))
                .isEqualTo(1);
            assertThat(deployed.workbench().check().database().state()).isEqualTo(DatabaseDrift.State.MATCHES);
        }
    }

    @Test
    void aStartRefusesADatabaseThatIsNotTheBaselinesSchemaAndNamesTheDifference() throws Exception {
        builtBeforeBelay(this.schema);
        String production = this.schema + "_prod";
        builtBeforeBelay(production);
        this.jdbc.execute("ALTER TABLE " + production + ".note ADD COLUMN hotfix int");
        try (Project project = new Project(this.database, this.schema).model(Notes.Note.class);
                Project deployed = new Project(this.database, production).model(Notes.Note.class)) {
            BaselineResult baseline = project.workbench().baseline(BaselineRequest.defaults());
            deployed.compile(baseline.written());

            assertThatExceptionOfType(MigrationException.class)
                .isThrownBy(() -> withResources(project, () -> deployed.runner().apply()))
                .withMessageContaining("is not the schema baseline")
                .withMessageContaining("column note.hotfix: only in the database")
                .satisfies((ex) -> assertThat(ex.fix()).startsWith("Nothing was changed.")
                    .contains("belay stamp --target " + baseline.written().revision().header().id()));
            assertThat(deployed.runner().status().revisions()).extracting(RevisionStatus::state)
                .containsExactly(RevisionState.PENDING);
        }
    }

    @Test
    void theBaselinesDownRefusesAndChangesNothing() {
        builtBeforeBelay(this.schema);
        try (Project project = new Project(this.database, this.schema).model(Notes.Note.class)) {
            project.compile(project.workbench().baseline(BaselineRequest.defaults()).written());

            assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> project.runner().rollback(1))
                .withMessageContaining("is the baseline");
            assertThat(project.runner().status().revisions()).extracting(RevisionStatus::state)
                .containsExactly(RevisionState.APPLIED);
            assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + this.schema + ".note", Integer.class))
                .isEqualTo(1);
        }
    }

    @Test
    void refusesAnApplicationWithRevisionsAndAnEmptySchemaSayingWhatToDoInstead() throws Exception {
        this.database.execute("CREATE SCHEMA " + this.schema);
        try (Project project = new Project(this.database, this.schema).model(Notes.Note.class)) {
            assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> project.workbench().baseline(BaselineRequest.defaults()))
                .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_A_TAKE_OVER))
                .withMessageContaining("has nothing Belay manages")
                .satisfies((ex) -> assertThat(ex.fix()).contains("belay generate"));

            project.compile(project.workbench().generate(GenerateRequest.defaults()).written());
            assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> project.workbench().baseline(BaselineRequest.defaults()))
                .withMessageContaining("has 1 revision already")
                .satisfies((ex) -> assertThat(ex.fix()).contains("belay stamp"));
            assertThat(project.sources()).isDirectoryRecursivelyContaining((path) -> path.toString().endsWith(".java"));
            try (var files = Files.walk(project.resources())) {
                assertThat(files.filter((path) -> path.toString().endsWith(".schema"))).isEmpty();
            }
        }
    }

    @Test
    void takesOverADatabaseThatDdlAutoUpdateGrewAndThenWritesWhatUpdateNeverDid() throws Exception {
        MappedModel.createdByHibernate(this.database, this.schema, Notes.Note.class).close();
        this.jdbc.update("INSERT INTO " + this.schema + ".note (id, body) VALUES (7, 'kept')");
        MappedModel.updatedByHibernate(this.database, this.schema, Notes.TitledNote.class).close();
        try (Project project = new Project(this.database, this.schema).model(WideNote.class)) {
            BaselineResult baseline = project.workbench().baseline(BaselineRequest.defaults());
            project.compile(baseline.written());

            Comparison check = project.workbench().check();
            assertThat(check.passed()).isFalse();
            assertThat(check.plan().statements())
                .containsExactly("ALTER TABLE note ALTER COLUMN body TYPE character varying(500)");
            GenerateResult wider = project.workbench().generate(GenerateRequest.defaults().withMessage("wider body"));
            project.compile(wider.written());
            assertThat(project.runner().apply().ids()).hasSize(1);
            assertThat(project.workbench().check().passed()).isTrue();
            assertThat(this.jdbc.queryForObject("SELECT body FROM " + this.schema + ".note WHERE id = 7", String.class))
                .isEqualTo("kept");

            String fresh = this.schema + "_fresh";
            try (Project rebuilt = new Project(this.database, fresh).model(WideNote.class)) {
                rebuilt.compile(baseline.written());
                rebuilt.compile(wider.written());
                rebuilt.runner().apply();
                assertThat(managed(fresh)).isEqualTo(managed(this.schema));
                assertThat(rebuilt.workbench().check().passed()).isTrue();
            }
        }
    }

    /** The note as the mapping has it now: a longer body than ddl-auto=update ever gave it. */
    @jakarta.persistence.Entity(name = "Note")
    @jakarta.persistence.Table(name = "note")
    static class WideNote {

        @jakarta.persistence.Id
        Long id;

        @jakarta.persistence.Column(length = 500)
        String body;

        @jakarta.persistence.Column(length = 80)
        String title;

    }

    /** A schema as a tool other than Belay left it: a table with a row, and a view over it. */
    private void builtBeforeBelay(String schema) {
        this.database.execute("CREATE SCHEMA " + schema,
                "CREATE TABLE " + schema + ".note (id bigint NOT NULL PRIMARY KEY, body varchar(200))",
                "INSERT INTO " + schema + ".note VALUES (7, 'kept')",
                "CREATE VIEW " + schema + ".note_bodies AS SELECT body FROM " + schema + ".note");
    }

    private Schema managed(String schema) throws Exception {
        try (var connection = this.database.connect()) {
            return new SchemaInspector().inspect(connection, schema).withoutTable("belay_history").withUnmanaged(
                    java.util.List.of());
        }
    }

    /** Runs with the project's resources on the class path, as a built application has them. */
    private static <T> T withResources(Project project, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] { url(project) }, previous)) {
            thread.setContextClassLoader(loader);
            return call.call();
        }
        finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL url(Project project) throws MalformedURLException {
        return project.resources().toUri().toURL();
    }

}
