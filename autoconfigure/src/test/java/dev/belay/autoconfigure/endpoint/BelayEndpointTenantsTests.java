package dev.belay.autoconfigure.endpoint;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

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
 * The {@code belay} endpoint of an application with tenants, one of which failed to migrate at
 * startup ({@code on-failure=continue}): it reports every tenant, shows one with its drift, and
 * applies to the one named.
 */
@SpringBootTest(classes = TripLogApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=belay",
                "management.endpoint.belay.access=unrestricted", "spring.shell.interactive.enabled=false",
                "belay.tenants.schemas=east,west,north", "belay.tenants.on-failure=continue" })
class BelayEndpointTenantsTests {

    static final TestDatabase database = TestDatabase.create();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database.registerWith(registry);
        // North has a table of the first revision's name, so its migration at startup fails.
        database.execute("CREATE SCHEMA north", "CREATE TABLE north.trip (id int)");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void reportsEveryTenantShowsOneWithItsDriftAndAppliesToTheOneNamed() {
        EndpointClient client = new EndpointClient(this.port);

        String all = client.get("/actuator/belay").body();
        assertThat(JsonPath.<List<Map<String, Integer>>>read(all, "$.contexts.*.tenants.belayTenants.counts"))
            .containsExactly(Map.of("AT_HEAD", 2, "FAILED", 1));
        assertThat(JsonPath.<List<String>>read(all,
                "$.contexts.*.tenants.belayTenants.tenants[?(@.name == 'north')].error")).singleElement()
            .asString()
            .contains("relation \"trip\" already exists");

        assertThat(JsonPath.<List<Map<String, Object>>>read(all, "$.contexts.*.runners"))
            .as("the application's own schema has none of the tenants' revisions")
            .containsExactly(Map.of());
        String drift = client.get("/actuator/belay/drift").body();
        assertThat(JsonPath.<String>read(drift, "$.mapping.state")).isEqualTo("UNKNOWN");
        assertThat(JsonPath.<String>read(drift, "$.database")).contains("/actuator/belay/tenants/{name}");

        HttpResponse<String> east = client.get("/actuator/belay/tenants/east");
        assertThat(east.statusCode()).as(east.body()).isEqualTo(200);
        assertThat(JsonPath.<Boolean>read(east.body(), "$.status.upToDate")).isTrue();
        assertThat(JsonPath.<String>read(east.body(), "$.status.schema")).isEqualTo("east");
        assertThat(JsonPath.<String>read(east.body(), "$.drift.state")).isEqualTo("MATCHES");
        assertThat(client.get("/actuator/belay/tenants/nobody").statusCode()).isEqualTo(404);

        HttpResponse<String> unknown = client.post("/actuator/belay", "{\"tenant\": \"nobody\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(unknown.body(), "$.error")).isEqualTo("There is no tenant 'nobody'.");

        database.execute("DROP TABLE north.trip");
        HttpResponse<String> north = client.post("/actuator/belay", "{\"tenant\": \"north\"}");
        assertThat(north.statusCode()).as(north.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(north.body(), "$.schema")).isEqualTo("north");
        assertThat(JsonPath.<List<String>>read(north.body(), "$.applied[*].id"))
            .containsExactly("20260101_000100_create_trips");

        HttpResponse<String> every = client.post("/actuator/belay", "{}");
        assertThat(every.statusCode()).as(every.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(every.body(), "$.tenants[*].state"))
            .containsExactly("UP_TO_DATE", "UP_TO_DATE", "UP_TO_DATE");
    }

}
