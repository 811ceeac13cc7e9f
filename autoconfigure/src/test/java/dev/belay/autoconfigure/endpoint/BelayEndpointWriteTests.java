package dev.belay.autoconfigure.endpoint;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.belay.autoconfigure.triplog.TripLogApplication;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code belay} endpoint with {@code management.endpoint.belay.access=unrestricted}: a POST
 * applies the pending revisions and returns what it applied.
 */
@SpringBootTest(classes = TripLogApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=belay",
                "management.endpoint.belay.access=unrestricted", "spring.shell.interactive.enabled=false",
                "belay.migrate-on-startup=false", "belay.drift=off", "belay.schema=trips" })
class BelayEndpointWriteTests {

    static final TestDatabase database = TestDatabase.create();

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
    void appliesThePendingRevisionsAndSaysWhatItApplied() {
        EndpointClient client = new EndpointClient(this.port);
        assertThat(JsonPath.<List<String>>read(client.get("/actuator/belay").body(),
                "$.contexts.*.runners.belayMigrationRunner.revisions[*].state")).containsExactly("PENDING");

        HttpResponse<String> applied = client.post("/actuator/belay", "{}");

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(applied.body(), "$.applied[*].id"))
            .containsExactly("20260101_000100_create_trips");
        assertThat(JsonPath.<List<String>>read(applied.body(), "$.applied[0].statements")).first()
            .asString()
            .startsWith("CREATE TABLE trip (");
        assertThat(JsonPath.<String>read(applied.body(), "$.schema")).isEqualTo("trips");
        assertThat(JsonPath.<List<String>>read(client.get("/actuator/belay").body(),
                "$.contexts.*.runners.belayMigrationRunner.revisions[*].state")).containsExactly("APPLIED");

        HttpResponse<String> again = client.post("/actuator/belay", "{\"target\": \"20260101_000100_create_trips\"}");
        assertThat(JsonPath.<List<?>>read(again.body(), "$.applied")).isEmpty();
        HttpResponse<String> unknown = client.post("/actuator/belay", "{\"target\": \"nope\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(unknown.body(), "$.error")).isEqualTo("There is no revision 'nope'.");
    }

}
