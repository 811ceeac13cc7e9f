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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code belay} endpoint over HTTP with its default access: the revisions and the drift can be
 * read, applying is refused.
 */
@SpringBootTest(classes = TripLogApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=belay", "spring.shell.interactive.enabled=false",
                "belay.schema=trips" })
class BelayEndpointReadOnlyTests {

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
    void readsEveryRevisionWithItsStateTheHeadsAndWhereTheDatabaseIs() {
        HttpResponse<String> response = client().get("/actuator/belay");

        assertThat(response.statusCode()).isEqualTo(200);
        String runner = "$.contexts.*.runners.belayMigrationRunner";
        String json = response.body();
        assertThat(JsonPath.<List<String>>read(json, runner + ".schema")).containsExactly("trips");
        assertThat(JsonPath.<List<String>>read(json, runner + ".historyTable")).containsExactly("trips.belay_history");
        assertThat(JsonPath.<List<List<String>>>read(json, runner + ".heads"))
            .containsExactly(List.of("20260101_000100_create_trips"));
        assertThat(JsonPath.<List<List<String>>>read(json, runner + ".current"))
            .containsExactly(List.of("20260101_000100_create_trips"));
        assertThat(JsonPath.<List<String>>read(json, runner + ".revisions[*].state")).containsExactly("APPLIED");
        assertThat(JsonPath.<List<String>>read(json, runner + ".revisions[*].message")).containsExactly("create trips");
        assertThat(JsonPath.<List<String>>read(json, runner + ".revisions[*].appliedAt")).hasSize(1);
    }

    @Test
    void readsTheDriftOfTheDatabaseByFingerprint() {
        String matching = client().get("/actuator/belay/drift").body();
        assertThat(JsonPath.<Boolean>read(matching, "$.matches")).isTrue();
        assertThat(JsonPath.<String>read(matching, "$.database.state")).isEqualTo("MATCHES");
        assertThat(JsonPath.<String>read(matching, "$.database.revision")).isEqualTo("20260101_000100_create_trips");

        new JdbcTemplate(database.dataSource()).execute("ALTER TABLE trips.trip ADD COLUMN extra integer");
        try {
            String drifted = client().get("/actuator/belay/drift").body();
            assertThat(JsonPath.<Boolean>read(drifted, "$.matches")).isFalse();
            assertThat(JsonPath.<String>read(drifted, "$.database.state")).isEqualTo("DIFFERS");
            assertThat(JsonPath.<List<String>>read(drifted, "$.database.differences[*].object"))
                .containsExactly("column trip.extra");
            assertThat(JsonPath.<String>read(drifted, "$.database.differences[0].after"))
                .isEqualTo("ALTER TABLE trip ADD COLUMN extra integer");
            assertThat(JsonPath.<String>read(drifted, "$.database.advice")).startsWith("It was changed by other means")
                .contains("Do not run `belay generate` for it");
        }
        finally {
            new JdbcTemplate(database.dataSource()).execute("ALTER TABLE trips.trip DROP COLUMN extra");
        }
        assertThat(client().get("/actuator/belay/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesToApplyWithoutUnrestrictedAccess() {
        HttpResponse<String> response = client().post("/actuator/belay", "{}");

        assertThat(response.statusCode()).isEqualTo(405);
    }

    private EndpointClient client() {
        return new EndpointClient(this.port);
    }

}
