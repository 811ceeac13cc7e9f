package dev.belay.autoconfigure.adoption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.belay.autoconfigure.triplog.ShellRun;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
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
 * Taking over a database that Flyway built, from the command line: {@code belay stamp} points to
 * {@code belay baseline}, which writes the baseline, keeps its schema and records it, each with
 * the exit status a script can trust.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class AdoptionCommandsTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    AdoptionCommandsTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void builtByFlyway(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
        this.database.execute("CREATE SCHEMA " + this.schema,
                "CREATE TABLE " + this.schema + ".owner (id bigint PRIMARY KEY, last_name varchar(80))",
                "INSERT INTO " + this.schema + ".owner VALUES (1, 'Franklin')",
                "CREATE TABLE " + this.schema + ".flyway_schema_history (installed_rank integer NOT NULL PRIMARY KEY, "
                        + "version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL, "
                        + "script varchar(1000) NOT NULL, checksum integer, installed_by varchar(100) NOT NULL, "
                        + "installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL, "
                        + "success boolean NOT NULL)",
                "INSERT INTO " + this.schema + ".flyway_schema_history (installed_rank, version, description, type, "
                        + "script, installed_by, execution_time, success) VALUES (1, '1', 'init', 'SQL', 'V1__init.sql', "
                        + "'app', 3, true), (2, '2', 'owners', 'SQL', 'V2__owners.sql', 'app', 2, true)");
    }

    @Test
    void stampWithoutRevisionsPointsToBaselineWhichTakesTheDatabaseOverAsItIs(CapturedOutput output,
            @TempDir Path sources, @TempDir Path resources) throws IOException {
        Map<String, Object> generate = Map.of("belay.generate.directory", sources.toString(),
                "belay.generate.resources-directory", resources.toString());

        assertThat(run(Map.of(), "belay", "stamp")).isZero();
        assertThat(output).contains("Nothing to stamp: this application has no revisions.")
            .contains("run `belay baseline`");
        assertThat(this.jdbc.queryForObject("SELECT to_regclass(?)", String.class, this.schema + ".belay_history"))
            .isNull();

        assertThat(run(generate, "belay", "baseline", "--from-flyway")).isZero();
        assertThat(output).contains("(Flyway's 2 migrations in flyway_schema_history, up to version 2 (owners))")
            .contains("Recorded the baseline as applied to schema " + this.schema);
        assertThat(files(sources, ".java")).singleElement()
            .satisfies((file) -> assertThat(file.getFileName().toString()).endsWith("_Baseline.java"))
            .satisfies((file) -> assertThat(Files.readString(file)).contains("baseline = true")
                .contains("message = \"baseline of Flyway's 2 migrations in flyway_schema_history, up to version 2 "
                        + "(owners)\"")
                .contains("createTable(\"owner\"")
                .doesNotContain("createTable(\"flyway_schema_history\""));
        assertThat(files(resources, ".schema")).hasSize(1);
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + this.schema + ".belay_history", Integer.class))
            .isOne();
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + this.schema + ".owner", Integer.class)).isOne();

        assertThat(run(generate, "belay", "baseline")).isOne();
        assertThat(output).contains("has Belay's history already");
        assertThat(files(sources, ".java")).hasSize(1);
        // The baseline is written but not built yet: stamp says to build, not to baseline again.
        assertThat(run(Map.of(), "belay", "stamp")).isOne();
        assertThat(output).contains("build the application if `belay baseline` has just written one here");
    }

    @Test
    void baselineFromAToolThatDidNotBuildTheDatabaseIsRefusedAndWritesNothing(CapturedOutput output,
            @TempDir Path sources, @TempDir Path resources) {
        Map<String, Object> generate = Map.of("belay.generate.directory", sources.toString(),
                "belay.generate.resources-directory", resources.toString());

        assertThat(run(generate, "belay", "baseline", "--from-liquibase")).isOne();
        assertThat(output).contains("has no history table of Liquibase's");
        assertThat(run(generate, "belay", "baseline", "--from-flyway", "--from-liquibase")).isEqualTo(2);
        assertThat(files(sources, ".java")).isEmpty();
        assertThat(this.jdbc.queryForObject("SELECT to_regclass(?)", String.class, this.schema + ".belay_history"))
            .isNull();
    }

    private int run(Map<String, Object> properties, String... args) {
        return ShellRun.runApplication(List.of(AdoptedApplication.class), this.database, this.schema, properties, args);
    }

    private static List<Path> files(Path directory, String suffix) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter((file) -> file.toString().endsWith(suffix)).toList();
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

}
