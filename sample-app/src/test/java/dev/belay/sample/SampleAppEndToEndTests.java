package dev.belay.sample;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.belay.schema.Column;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app as a new user meets it, end to end: a copy of it in a directory of its own is
 * built and started on its embedded database, answers {@code /actuator/belay} and its API, is
 * stopped; an entity of the copy is changed, {@code belay generate} writes the revision, the copy
 * is built again and started (the revision is applied at startup, the data of the first start is
 * still there), stopped, and {@code belay rollback --steps 1 --yes} takes the revision back. After
 * each step, with the app stopped, the test starts PostgreSQL itself on the app's data directory
 * and reads the schema with {@link SchemaInspector} and the history table.
 * <p>
 * <b>How the copy is built.</b> A nested Maven build of the copy would resolve Belay from the
 * local repository, where a clean CI machine has nothing before {@code install} (and a developer
 * machine may have an older build). So the copy is compiled with {@code javax.tools} against the
 * app's runtime class path, which the build writes to {@code target/runtime-classpath.txt}
 * ({@code dependency:build-classpath}; in the reactor it names the Belay modules just built), and
 * every start is a JVM of its own ({@code java -cp}) in the copy's directory, as
 * {@code spring-boot:run} starts the app. What the user runs is the same: the app's classes, its
 * dependencies, its {@code application.properties}, its relative directories.
 * <p>
 * Each process logs to a file under the copy's {@code logs/}; a failure carries their ends in its
 * message, and the copy is kept. Processes (and an embedded PostgreSQL a killed one left) are
 * stopped in any case.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "stops the app with SIGTERM, as Ctrl-C or a service manager would")
class SampleAppEndToEndTests {

    private static final List<String> REVISIONS = List.of("20261121_195328_riders_rides_and_tags",
            "20261121_195408_commute_rides_and_elevation_gain", "20261121_195517_gpx_tracks_to_files",
            "20261202_092229_casts_of_the_ride_type");

    /** How a JVM ends on SIGTERM once its shutdown hooks have run (128 + 15). */
    private static final int SIGTERM_EXIT = 143;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path directory;

    @Test
    void aCopyOfTheAppMigratesOnStartThenGeneratesAppliesAndRollsBackARevisionForAChangedEntity() throws Exception {
        SampleAppCopy.walkThrough(this.directory, this::walkThrough);
    }

    private void walkThrough(SampleAppCopy app) throws Exception {
        app.build();

        // CI lints the revisions on a fresh database, where every one is pending: the GPX move's drop
        // of a column the previous release reads is accepted, with its reason, and fails nothing.
        SampleAppCopy.CommandRun lint = app.command("lint", "belay", "lint", "--format", "github");
        assertThat(lint.exitCode()).as(lint.toString()).isZero();
        assertThat(lint.output()).contains("4 revisions linted: 0 errors, 0 warnings, 1 suppressed")
            .doesNotContain("::error");

        // First start: an empty database, migrated through every revision; the API works.
        SampleAppCopy.RunningApp first = app.start("first-start");
        JsonNode runner = belayRunner(first.api());
        assertThat(ids(runner.path("revisions"))).isEqualTo(REVISIONS);
        assertThat(runner.path("upToDate").asBoolean()).isTrue();
        long rider = created(first.api().post("/riders", "{\"name\": \"Anna\"}")).path("id").asLong();
        long ride = created(first.api().post("/rides", """
                {"riderId": %d, "title": "To work", "type": "COMMUTE", "startedAt": "2026-11-20T07:30:00Z",
                 "distanceKm": 12.4, "tags": ["commute"]}""".formatted(rider))).path("id").asLong();
        byte[] track = "<gpx version=\"1.1\"><trk><name>To work</name></trk></gpx>".getBytes(StandardCharsets.UTF_8);
        assertThat(first.api().put("/rides/" + ride + "/track", track, "application/gpx+xml").status()).isEqualTo(204);
        assertThat(app.stop(first)).isEqualTo(SIGTERM_EXIT);

        Snapshot migrated = Snapshot.of(app.databaseDirectory());
        assertThat(migrated.history()).isEqualTo(REVISIONS);
        assertThat(migrated.schema().enumTypes().get("ridetype").labels()).contains("COMMUTE");
        assertThat(migrated.schema().tables().get("ride").column("gpx")).as("the GPX column is gone").isNull();
        assertThat(migrated.schema().tables().get("ride").column("elevation_gain")).isNotNull();
        assertThat(migrated.rides()).isEqualTo(1);
        assertThat(app.dataDirectory().resolve("tracks/" + ride + ".gpx")).hasBinaryContent(track);

        // The user adds a field to an entity and lets Belay write the revision.
        app.edit("dev/belay/sample/rides/Rider.java", "    private Instant joinedAt;\n", """
                    private Instant joinedAt;

                    @Column(length = 80)
                    private String homeTown;
                """);
        app.build();

        // Started before a revision is written, it warns that the mapping moved on without one.
        SampleAppCopy.RunningApp changed = app.start("entity-changed");
        assertThat(app.stop(changed)).isEqualTo(SIGTERM_EXIT);
        assertThat(lastLog(app)).contains("The JPA mapping differs from what the revisions build (belay.drift=warn)")
            .contains("Changed: table rider.")
            .contains("Write a revision for the change with `belay generate`")
            .doesNotContain("The database differs from what its revisions built");

        SampleAppCopy.CommandRun generate = app.command("generate", "belay", "generate", "--message",
                "rider home town");
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        Path revision = onlyNewRevision(app.sources().resolve("dev/belay/sample/migrations"));
        String generated = Files.readString(revision, StandardCharsets.UTF_8);
        String id = generated.replaceAll("(?s).*id = \"([^\"]+)\".*", "$1");
        assertThat(generate.output())
            .contains("Wrote src/main/java/dev/belay/sample/migrations/" + revision.getFileName())
            .contains("belay lint: no findings.")
            .contains("Recorded the mapping it was written for in src/main/resources/belay/mappings/");
        assertThat(app.root().resolve("src/main/resources/belay/mappings/" + id + ".sql")).isRegularFile();
        assertThat(generated).contains("after = \"" + REVISIONS.get(REVISIONS.size() - 1) + "\"")
            .contains("m.actions().addColumn(\"rider\", column(\"home_town\", \"character varying(80)\"));")
            .contains("m.actions().dropColumn(\"rider\", \"home_town\");");
        assertThat(Snapshot.of(app.databaseDirectory())).as("generate changes nothing in the database")
            .isEqualTo(migrated);

        // Built again and started: the new revision is applied at startup; the first start's data is there.
        app.build();
        SampleAppCopy.RunningApp second = app.start("second-start");
        JsonNode again = belayRunner(second.api());
        assertThat(ids(again.path("revisions"))).containsExactlyElementsOf(withId(id));
        assertThat(states(again.path("revisions"))).containsOnly("APPLIED");
        assertThat(again.path("current").get(0).asString()).isEqualTo(id);
        assertThat(second.api().get("/rides").json().get(0).path("title").asString()).isEqualTo("To work");
        assertThat(second.api().get("/rides/" + ride + "/track").body()).isEqualTo(track);
        assertThat(app.stop(second)).isEqualTo(SIGTERM_EXIT);

        Snapshot withHomeTown = Snapshot.of(app.databaseDirectory());
        assertThat(withHomeTown.history()).containsExactlyElementsOf(withId(id));
        Column homeTown = withHomeTown.schema().tables().get("rider").column("home_town");
        assertThat(homeTown).isNotNull();
        assertThat(homeTown.type()).isEqualTo("character varying(80)");
        assertThat(homeTown.notNull()).isFalse();

        // An applied revision edited so that it does something else is named by belay verify; one
        // that is only reformatted is not.
        assertThat(app.command("verify", "belay", "verify").exitCode()).isZero();
        app.edit(app.sources().relativize(revision).toString(), "    public void up(Migrator m) {\n",
                "    public void up(Migrator m) {\n        // The rider's home town, for the ride statistics.\n\n");
        app.build();
        SampleAppCopy.CommandRun reformatted = app.command("verify-reformatted", "belay", "verify");
        assertThat(reformatted.exitCode()).as(reformatted.toString()).isZero();
        app.edit(app.sources().relativize(revision).toString(), "\"character varying(80)\"",
                "\"character varying(120)\"");
        app.build();
        SampleAppCopy.CommandRun edited = app.command("verify-edited", "belay", "verify");
        assertThat(edited.exitCode()).as(edited.toString()).isOne();
        assertThat(edited.output()).contains("Revision " + id + " no longer does what it did when it was applied here")
            .contains("when applied: ALTER TABLE rider ADD COLUMN home_town character varying(80)")
            .contains("now:          ALTER TABLE rider ADD COLUMN home_town character varying(120)");
        app.edit(app.sources().relativize(revision).toString(), "\"character varying(120)\"",
                "\"character varying(80)\"");
        app.build();

        // And rolled back: the schema is as the first start left it.
        SampleAppCopy.CommandRun rollback = app.command("rollback", "belay", "rollback", "--steps", "1", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.output()).contains("Rolled back 1 revision").contains(id);

        Snapshot rolledBack = Snapshot.of(app.databaseDirectory());
        assertThat(rolledBack.schema().tables().get("rider").column("home_town")).isNull();
        assertThat(rolledBack).isEqualTo(migrated);
    }

    private static String lastLog(SampleAppCopy app) throws IOException {
        List<Path> logs = app.logs();
        return Files.readString(logs.get(logs.size() - 1), StandardCharsets.UTF_8);
    }

    /** What the test reads from the app's database while the app is stopped. */
    private record Snapshot(Schema schema, List<String> history, long rides) {

        static Snapshot of(Path dataDirectory) throws IOException, SQLException {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start(); Connection connection = postgres.getPostgresDatabase().getConnection()) {
                Schema schema = new SchemaInspector().inspect(connection, "public");
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                return new Snapshot(schema,
                        jdbc.queryForList("SELECT id FROM belay_history ORDER BY applied_rank", String.class),
                        jdbc.queryForObject("SELECT count(*) FROM ride", Long.class));
            }
        }

    }

    private static JsonNode belayRunner(ApiClient api) {
        ApiClient.Response belay = api.get("/actuator/belay");
        assertThat(belay.status()).as(belay.toString()).isEqualTo(200);
        return belay.json().path("contexts").path("ridelog").path("runners").path("belayMigrationRunner");
    }

    private static JsonNode created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static List<String> ids(JsonNode revisions) {
        return StreamSupport.stream(revisions.spliterator(), false).map((each) -> each.path("id").asString()).toList();
    }

    private static List<String> states(JsonNode revisions) {
        return StreamSupport.stream(revisions.spliterator(), false)
            .map((each) -> each.path("state").asString())
            .toList();
    }

    /** The sample's revisions followed by the one generated. */
    private static List<String> withId(String id) {
        return Stream.concat(REVISIONS.stream(), Stream.of(id)).toList();
    }

    private static Path onlyNewRevision(Path migrations) throws IOException {
        try (Stream<Path> files = Files.list(migrations)) {
            List<Path> created = files
                .filter((file) -> REVISIONS.stream()
                    .noneMatch((id) -> file.getFileName().toString().startsWith("V" + id.substring(0, 15))))
                .filter((file) -> !file.getFileName().toString().equals("package-info.java"))
                .toList();
            assertThat(created).as("revisions belay generate wrote").hasSize(1);
            return created.get(0);
        }
    }

}
