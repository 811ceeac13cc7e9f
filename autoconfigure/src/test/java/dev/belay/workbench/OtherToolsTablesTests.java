package dev.belay.workbench;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history tables of Flyway and Liquibase, and tables the application names as another tool's,
 * are never Belay's: no diff drops them, no check counts them, no recorded fingerprint holds them.
 */
@PostgresTest
class OtherToolsTablesTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    OtherToolsTablesTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void flywayAndLiquibaseHistoryTablesAreLeftOutOfDiffCheckAndStamp() {
        MappedModel.createdByHibernate(this.database, this.schema, Notes.Note.class).close();
        otherToolsTables();
        try (Project project = new Project(this.database, this.schema).model(Notes.Note.class)) {
            assertThat(project.workbench().generate(GenerateRequest.defaults()).nothingToDo()).isTrue();
            project.compile(project.workbench().generate(GenerateRequest.defaults().withShadow(true)).written());

            assertThat(new RevisionStamp(project.runner(), new SchemaInspector(), project.runner()).stamp(null).ids())
                .hasSize(1);
            assertThat(project.workbench().check().passed()).isTrue();
            assertThat(project.workbench().check().database().state())
                .isEqualTo(DatabaseDrift.State.MATCHES);
            assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + this.schema + ".flyway_schema_history",
                    Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void aTableTheApplicationNamesAsAnotherToolsIsLeftAloneEvenWhereTheMappingHasItsEntity() {
        MappedModel.createdByHibernate(this.database, this.schema, Notes.Note.class).close();
        this.jdbc.execute("CREATE TABLE " + this.schema + ".shedlock (name varchar(64) PRIMARY KEY, lock_until timestamp)");
        try (Project project = new Project(this.database, this.schema).model(Notes.Note.class, Notes.Task.class)) {
            MigrationSettings settings = settings().withIgnoredTables(List.of("shedlock", "task"));
            SchemaWorkbench workbench = project.workbench(settings);

            assertThat(workbench.diff(false, false, List.of()).plan().changes()).isEmpty();
        }
    }

    @Test
    void aSchemaRecordedWithAnotherToolsTableStillMatchesOnceThatTableIsLeftOut() {
        this.database.execute("CREATE SCHEMA " + this.schema);
        otherToolsTables();
        try (Project project = new Project(this.database, this.schema).model(Notes.Note.class)) {
            project.compile(project.workbench().generate(GenerateRequest.defaults()).written());
            // Recorded as a Belay that did not know of Flyway's table would have: with it.
            MigrationSettings knowingNothing = new MigrationSettings(this.schema, MigrationSettings.DEFAULT_HISTORY_TABLE,
                    Duration.ofSeconds(10), Duration.ofMinutes(1), 0, new TreeSet<>());
            new MigrationRunner(this.database.dataSource(), knowingNothing, project.revisionsInCode()).apply();

            assertThat(project.workbench().check().database().state())
                .isEqualTo(DatabaseDrift.State.MATCHES);

            this.jdbc.execute("ALTER TABLE " + this.schema + ".note ADD COLUMN extra int");
            assertThat(project.workbench().check().database().differences())
                .singleElement()
                .satisfies((difference) -> assertThat(difference.object()).isEqualTo("column note.extra"));
        }
    }

    private MigrationSettings settings() {
        return MigrationSettings.defaults().withSchema(this.schema);
    }

    /** The tables as Flyway 11 and Liquibase 4 create them, with a row each. */
    private void otherToolsTables() {
        this.jdbc.execute("CREATE TABLE " + this.schema + ".flyway_schema_history (installed_rank integer NOT NULL "
                + "CONSTRAINT flyway_schema_history_pk PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, "
                + "type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer, "
                + "installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), "
                + "execution_time integer NOT NULL, success boolean NOT NULL)");
        this.jdbc.execute("CREATE INDEX flyway_schema_history_s_idx ON " + this.schema
                + ".flyway_schema_history (success)");
        this.jdbc.update("INSERT INTO " + this.schema + ".flyway_schema_history VALUES (1, '1', 'init', 'SQL', "
                + "'V1__init.sql', 42, 'app', now(), 5, true)");
        this.jdbc.execute("CREATE TABLE " + this.schema + ".databasechangeloglock (id integer NOT NULL "
                + "CONSTRAINT databasechangeloglock_pkey PRIMARY KEY, locked boolean NOT NULL, lockgranted timestamp, "
                + "lockedby varchar(255))");
        this.jdbc.execute("CREATE TABLE " + this.schema + ".databasechangelog (id varchar(255) NOT NULL, "
                + "author varchar(255) NOT NULL, filename varchar(255) NOT NULL, dateexecuted timestamp NOT NULL, "
                + "orderexecuted integer NOT NULL, exectype varchar(10) NOT NULL, md5sum varchar(35), "
                + "description varchar(255), comments varchar(255), tag varchar(255), liquibase varchar(20), "
                + "contexts varchar(255), labels varchar(255), deployment_id varchar(10))");
    }

}
