package dev.belay.autoconfigure.triplog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.belay.actions.SchemaSnapshot;
import dev.belay.autoconfigure.tripnote.NotedTrips;
import dev.belay.schema.Column;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.test.PostgresTest;
import dev.belay.test.StatementLog;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code belay.dev-url}: generate, check, stamp and verify build and rehearse on the dev database,
 * and only read the application's; {@code embedded} starts a PostgreSQL for the command, so
 * {@code belay check} runs in CI with no other server at all. Statements run on the application's
 * database are read from {@code pg_stat_statements}.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class DevDatabaseTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private final TestDatabase dev = TestDatabase.create();

    private String schema;

    DevDatabaseTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @AfterEach
    void dropTheDevDatabase() {
        this.dev.close();
    }

    @Test
    void withADevDatabaseGenerateAndCheckOnlyReadTheApplicationsDatabase(CapturedOutput output,
            @TempDir Path sources) {
        assertThat(run(Map.of(), List.of(), "belay", "apply")).isZero();
        StatementLog log = StatementLog.start(this.database);

        assertThat(run(Map.of("belay.dev-url", this.dev.url() + "?user=" + this.dev.user()), List.of(), "belay",
                "check")).isZero();
        assertThat(run(Map.of("belay.dev-url", this.dev.url() + "?user=" + this.dev.user(),
                "belay.generate.directory", sources.toString()), List.of(NotedTrips.class), "belay", "generate",
                "--message", "add a note")).isZero();
        assertThat(run(Map.of("belay.dev-url", this.dev.url() + "?user=" + this.dev.user(),
                "belay.generate.directory", sources.toString()), List.of(), "belay", "verify")).isZero();

        assertThat(output).contains("OK: the JPA mapping matches schema " + this.schema)
            .contains("Wrote ")
            .contains("OK: 1 applied revision of schema " + this.schema + " still does what it did");
        assertThat(log.ofDatabase()).as("statements run on the application's database")
            .isNotEmpty()
            .noneMatch(StatementLog::isDdl);
    }

    @Test
    void checkRunsOnTheEmbeddedDevDatabaseWithNoOtherServer(CapturedOutput output) {
        Map<String, Object> noServer = Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "spring.datasource.hikari.connection-timeout", "1000", "belay.dev-url", "embedded",
                "spring.jpa.database-platform", "org.hibernate.dialect.PostgreSQLDialect",
                "spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", "false");

        assertThat(run(noServer, List.of(), "belay", "check")).isZero();
        assertThat(output).contains("OK: the JPA mapping matches what the revisions build (on the embedded PostgreSQL "
                + "(belay.dev-url=embedded); the application's database was not read: ");

        assertThat(run(noServer, List.of(NotedTrips.class), "belay", "check")).isOne();
        assertThat(output).contains("ALTER TABLE trip ADD COLUMN note character varying(255);");
    }

    @Test
    void withADevDatabaseStatusAlsoNamesAnAppliedRevisionThatWasEdited(CapturedOutput output) {
        assertThat(run(Map.of(), List.of(), "belay", "apply")).isZero();
        // What the revision recorded when it was applied: a trip table with an id only.
        SchemaSnapshot effect = SchemaSnapshot.of(Schema.empty())
            .effectTo(SchemaSnapshot.of(Schema.of(List.of(), List.of(), List.of(Table.of("trip",
                    Column.of("trip", "id", "bigint"))))));
        this.jdbc.update("UPDATE " + this.schema + ".belay_history SET effect = ?, effect_fingerprint = ?",
                effect.compressed(), effect.fingerprint());

        assertThat(run(Map.of("belay.dev-url", this.dev.url() + "?user=" + this.dev.user()), List.of(), "belay",
                "status")).isZero();

        assertThat(output).contains("Up to date.")
            .contains("Revision 20260101_000100_create_trips no longer does what it did when it was applied here");
    }

    private int run(Map<String, Object> properties, List<Class<?>> sources, String... args) {
        return ShellRun.run(this.database, this.schema, properties, sources, args);
    }

}
