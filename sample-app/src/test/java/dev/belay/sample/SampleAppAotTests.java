package dev.belay.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app processed ahead of time (Spring AOT, as {@code ./mvnw -Paot package} builds it)
 * and started in JVM AOT mode ({@code -Dspring.aot.enabled=true}), where the bean definitions are
 * the code the build generated and no condition is evaluated again: the start migrates through
 * the revision beans and {@code /actuator/belay} says so, and the command line still runs Belay's
 * commands (a decision the generated context cannot have made at build time) with their exit
 * statuses, without the web server the generated context has.
 * <p>
 * A copy of the app is built and run as in {@link SampleAppEndToEndTests}; the AOT processing is
 * Spring Boot's own ({@code SpringApplicationAotProcessor}, which {@code spring-boot:process-aot}
 * runs).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "stops the app with SIGTERM, as Ctrl-C or a service manager would")
class SampleAppAotTests {

    private static final List<String> REVISIONS = List.of("20261121_195328_riders_rides_and_tags",
            "20261121_195408_commute_rides_and_elevation_gain", "20261121_195517_gpx_tracks_to_files",
            "20261202_092229_casts_of_the_ride_type");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path directory;

    @Test
    void processedAheadOfTimeTheAppMigratesOnStartAndRunsBelayCommandsWithTheirExitStatus() throws Exception {
        SampleAppCopy.walkThrough(this.directory, this::walkThrough);
    }

    private void walkThrough(SampleAppCopy app) throws Exception {
        app.build();
        app.processAot();

        SampleAppCopy.RunningApp started = app.start("aot-start");
        ApiClient.Response belay = started.api().get("/actuator/belay");
        assertThat(belay.status()).as(belay.toString()).isEqualTo(200);
        JsonNode runner = belay.json().path("contexts").path("ridelog").path("runners").path("belayMigrationRunner");
        assertThat(runner.path("upToDate").asBoolean()).as(runner.toString()).isTrue();
        assertThat(StreamSupport.stream(runner.path("revisions").spliterator(), false)
            .map((revision) -> revision.path("id").asString() + " " + revision.path("state").asString()))
            .containsExactlyElementsOf(REVISIONS.stream().map((id) -> id + " APPLIED").toList());
        app.stop(started);
        assertThat(app.logs().get(app.logs().size() - 1))
            .content()
            .as("the start ran on the generated code")
            .contains("Starting AOT-processed RideLogApplication");

        SampleAppCopy.CommandRun status = app.command("aot-status", "belay", "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.output()).contains("Database at: " + REVISIONS.get(REVISIONS.size() - 1))
            .contains("Up to date.");

        SampleAppCopy.CommandRun check = app.command("aot-check", "belay", "check");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.output()).contains("OK: the JPA mapping matches schema public.");

        SampleAppCopy.CommandRun failed = app.command("aot-rollback-unknown", "belay", "rollback", "--target",
                "nonexistent");
        assertThat(failed.exitCode()).as(failed.toString()).isOne();
        assertThat(failed.output()).contains("There is no revision 'nonexistent'.");
    }

}
