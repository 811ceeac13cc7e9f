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

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code belay} command on a copy of the sample app that seeds its data at startup, as most
 * applications do: a {@code CommandLineRunner} that counts the riders with the app's JPA
 * repository and adds one when there are none. Belay commands do not run the application's
 * runners, so each command works on a fresh database (where the seeder's count would fail on the
 * missing table) and on an up-to-date one, and ends with its own exit status, a rollback that
 * drops every table included. A plain start of the copy still seeds, after it has migrated.
 * <p>
 * Each command is a JVM of its own, as {@code java -jar app.jar belay ...} is (see
 * {@link SampleAppCopy}); the copy and its embedded database serve every step.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "stops the app with SIGTERM, as Ctrl-C or a service manager would")
class SampleAppCommandsWithASeederTests {

    private static final int REVISIONS = 4;

    /** How a JVM ends on SIGTERM once its shutdown hooks have run (128 + 15). */
    private static final int SIGTERM_EXIT = 143;

    private static final String SEEDER = """
            package dev.belay.sample.rides;

            import java.time.Instant;

            import org.springframework.boot.CommandLineRunner;
            import org.springframework.stereotype.Component;

            /** Adds a rider when there is none, so that a new installation has something to show. */
            @Component
            class RiderSeeder implements CommandLineRunner {

                private final RiderRepository riders;

                RiderSeeder(RiderRepository riders) {
                    this.riders = riders;
                }

                @Override
                public void run(String... args) {
                    if (this.riders.count() == 0) {
                        this.riders.save(new Rider("Seeded rider", Instant.parse("2026-01-01T00:00:00Z")));
                    }
                }

            }
            """;

    /**
     * Every command on a database that has nothing yet, in this order: what each says and its exit
     * status. The commands that change nothing come first, {@code apply} last. A new command gets a
     * step here, and in {@link #ON_AN_UP_TO_DATE_DATABASE} when its work differs there.
     */
    private static final List<Step> ON_A_FRESH_DATABASE = List.of(
            new Step(0, REVISIONS + " revisions are not applied yet", "belay", "status"),
            new Step(0, "OK: the JPA mapping matches", "belay", "check"),
            new Step(0, "CREATE TABLE rider", "belay", "diff"),
            new Step(1, "Run `belay apply` first and generate again", "belay", "generate"),
            new Step(0, "Nothing to generate", "belay", "generate", "--shadow"),
            new Step(1, "Nothing was recorded.", "belay", "stamp"),
            new Step(1, "There is nothing to merge", "belay", "merge"),
            new Step(1, "There is no revision 'nonexistent'", "belay", "rollback", "--target", "nonexistent"),
            new Step(1, "This application has " + REVISIONS + " revisions already", "belay", "baseline"),
            new Step(0, "Applied " + REVISIONS + " revisions", "belay", "apply"));

    /**
     * The commands whose work differs on a database that has every revision, in this order;
     * {@code rollback} last, since it takes the latest revision back. ({@code diff}, {@code merge}
     * and {@code baseline} read the same there as on a fresh database, and each start costs
     * seconds.)
     */
    private static final List<Step> ON_AN_UP_TO_DATE_DATABASE = List.of(
            new Step(0, "Up to date.", "belay", "status"),
            new Step(0, "OK: the JPA mapping matches", "belay", "check"),
            new Step(0, "Nothing to generate", "belay", "generate"),
            new Step(0, "Nothing to stamp", "belay", "stamp"),
            new Step(0, "Nothing to apply", "belay", "apply"),
            new Step(0, "Rolled back 1 revision", "belay", "rollback", "--yes"));

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path directory;

    @Test
    void everyBelayCommandWorksWithTheAppsSeederOnAFreshAndOnAnUpToDateDatabase() throws Exception {
        SampleAppCopy.walkThrough(this.directory, this::walkThrough);
    }

    private void walkThrough(SampleAppCopy app) throws Exception {
        Files.writeString(app.sources().resolve("dev/belay/sample/rides/RiderSeeder.java"), SEEDER,
                StandardCharsets.UTF_8);
        app.build();

        runAll(app, "fresh", ON_A_FRESH_DATABASE);
        assertThat(history(app)).hasSize(REVISIONS);
        assertThat(riders(app)).as("belay apply does not seed").isZero();

        runAll(app, "up-to-date", ON_AN_UP_TO_DATE_DATABASE);
        assertThat(history(app)).hasSize(REVISIONS - 1);

        // A plain start migrates, then seeds.
        SampleAppCopy.RunningApp start = app.start("plain-start");
        assertThat(app.stop(start)).isEqualTo(SIGTERM_EXIT);
        assertThat(history(app)).hasSize(REVISIONS);
        assertThat(riders(app)).as("the seeder ran after the migration").isOne();

        // A rollback that drops every table the seeder reads still ends with 0.
        int applied = REVISIONS;
        expect(app, "rollback-everything", new Step(0, "Rolled back " + applied + " revisions", "belay", "rollback",
                "--steps", String.valueOf(applied), "--yes"));
        assertThat(history(app)).isEmpty();
        expect(app, "status-emptied", new Step(0, "pending", "belay", "status"));
    }

    /** Runs the steps in order and reports every one that said or ended otherwise, not only the first. */
    private static void runAll(SampleAppCopy app, String state, List<Step> steps) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Step step : steps) {
            SampleAppCopy.CommandRun run = app.command(state + "-" + step.name(), step.words());
            softly.assertThat(run.exitCode())
                .as("exit status of '%s' on the %s database:%n%s", step.line(), state, run.output())
                .isEqualTo(step.exitCode());
            softly.assertThat(run.output()).as("what '%s' said on the %s database", step.line(), state)
                .contains(step.says());
        }
        softly.assertAll();
    }

    private static void expect(SampleAppCopy app, String name, Step step) throws Exception {
        SampleAppCopy.CommandRun run = app.command(name, step.words());
        assertThat(run.exitCode()).as("exit status of '%s':%n%s", step.line(), run.output())
            .isEqualTo(step.exitCode());
        assertThat(run.output()).as("what '%s' said", step.line()).contains(step.says());
    }

    /** A command, what it says, and the exit status it ends with. */
    private record Step(int exitCode, String says, String... words) {

        String line() {
            return String.join(" ", this.words);
        }

        String name() {
            return Stream.of(this.words).skip(1).map((word) -> word.replaceAll("[^A-Za-z0-9]", ""))
                .filter((word) -> !word.isEmpty())
                .collect(Collectors.joining("-"));
        }

    }

    private static List<String> history(SampleAppCopy app) throws IOException, SQLException {
        return query(app, (jdbc) -> jdbc.queryForList("SELECT id FROM belay_history ORDER BY applied_rank",
                String.class));
    }

    private static long riders(SampleAppCopy app) throws IOException, SQLException {
        return query(app, (jdbc) -> jdbc.queryForObject("SELECT count(*) FROM rider", Long.class));
    }

    /** Reads the app's database with the app stopped, on the data directory it keeps. */
    private static <T> T query(SampleAppCopy app, java.util.function.Function<JdbcTemplate, T> query)
            throws IOException, SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
            .setDataDirectory(app.databaseDirectory())
            .setCleanDataDirectory(false)
            .start(); Connection connection = postgres.getPostgresDatabase().getConnection()) {
            return query.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        }
    }

}
