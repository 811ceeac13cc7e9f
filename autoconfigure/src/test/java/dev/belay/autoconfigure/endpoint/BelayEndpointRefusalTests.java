package dev.belay.autoconfigure.endpoint;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.belay.autoconfigure.triplog.TripLogApplication;
import dev.belay.autoconfigure.tripbackfill.TripBackfills;
import dev.belay.autoconfigure.tripbackfill.TripBackfills.MarkOldTrips;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal of the {@code belay} endpoint over HTTP carries its reason, in the body as
 * {@code {"error": ..., "fix": ...}} and once in the log at WARN: an unknown target is the
 * caller's mistake (400), an incomplete revision is the database's state (409). And a reader of
 * the revisions learns which are incomplete without reading every state.
 */
@SpringBootTest(classes = { TripLogApplication.class, MarkOldTrips.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=belay",
                "management.endpoint.belay.access=unrestricted", "spring.shell.interactive.enabled=false",
                "belay.migrate-on-startup=false", "belay.drift=off", "belay.schema=refusals" })
@ExtendWith(OutputCaptureExtension.class)
class BelayEndpointRefusalTests {

    static final TestDatabase database = TestDatabase.create();

    private static final String RUNNER = "$.contexts.*.runners.belayMigrationRunner";

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database.registerWith(registry);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void anUnknownTargetIsRefusedWith400AndItsReasonInTheBodyAndOnceInTheLog(CapturedOutput output) {
        HttpResponse<String> refused = client().post("/actuator/belay", "{\"target\": \"nope\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(refused.body(), "$.error")).isEqualTo("There is no revision 'nope'.");
        assertThat(JsonPath.<String>read(refused.body(), "$.fix"))
            .contains("GET /actuator/belay lists them")
            .endsWith("the heads are '" + MarkOldTrips.ID + "'.");
        assertThat(warnings(output, "There is no revision 'nope'.")).hasSize(1);
    }

    @Test
    void anIncompleteRevisionIsListedAndApplyingIsRefusedWith409AndWhatToDo(CapturedOutput output) {
        assertThat(client().post("/actuator/belay", "{}").statusCode()).isEqualTo(200);
        interrupt(MarkOldTrips.ID);

        String status = client().get("/actuator/belay").body();
        assertThat(JsonPath.<List<List<String>>>read(status, RUNNER + ".current"))
            .containsExactly(List.of(TripBackfills.CREATE_TRIPS));
        assertThat(JsonPath.<List<List<String>>>read(status, RUNNER + ".incomplete"))
            .containsExactly(List.of(MarkOldTrips.ID));
        assertThat(JsonPath.<List<List<String>>>read(status, RUNNER + ".unknown")).containsExactly(List.of());
        assertThat(JsonPath.<List<Boolean>>read(status, RUNNER + ".upToDate")).containsExactly(false);
        assertThat(JsonPath.<List<String>>read(status, RUNNER + ".revisions[*].state")).containsExactly("APPLIED",
                "INCOMPLETE");

        HttpResponse<String> refused = client().post("/actuator/belay", "{}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        String problem = JsonPath.read(refused.body(), "$.error");
        assertThat(problem).contains("'" + MarkOldTrips.ID + "'");
        assertThat(JsonPath.<String>read(refused.body(), "$.fix")).isNotBlank();
        assertThat(warnings(output, problem)).hasSize(1);
    }

    /** Leaves an applied revision as a process killed while it ran leaves it. */
    private static void interrupt(String revision) {
        new JdbcTemplate(database.dataSource()).update(
                "UPDATE refusals.belay_history SET state = 'applying', execution_ms = NULL WHERE id = ?", revision);
    }

    private static List<String> warnings(CapturedOutput output, String text) {
        return output.getOut().lines().filter((line) -> line.contains(" WARN ") && line.contains(text)).toList();
    }

    private EndpointClient client() {
        return new EndpointClient(this.port);
    }

}
