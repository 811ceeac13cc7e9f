package dev.belay.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ride log on PostgreSQL in Docker through {@link PostgresContainerConfiguration}'s
 * {@code @ServiceConnection}, as a project tests against the server it runs on: Belay migrates the
 * container's database at startup like any other. Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ridelog.database.embedded=false")
@Import(PostgresContainerConfiguration.class)
class RideLogOnDockerPostgresTests {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path target = Files.createDirectories(Path.of("target", "test-ridelog"));
        Path data = Files.createTempDirectory(target, RideLogOnDockerPostgresTests.class.getSimpleName() + "-");
        registry.add("ridelog.data-directory", data::toString);
    }

    @LocalServerPort
    private int port;

    @Test
    void migratesThePostgresInDockerAtStartupAndServesTheApi() {
        ApiClient api = new ApiClient(this.port);

        JsonNode runner = api.get("/actuator/belay").json().path("contexts").path("ridelog").path("runners")
            .path("belayMigrationRunner");
        assertThat(runner.path("upToDate").asBoolean()).as(runner.toString()).isTrue();
        assertThat(runner.path("revisions")).hasSize(4);
        ApiClient.Response rider = api.post("/riders", "{\"name\": \"Anna\"}");
        assertThat(rider.status()).as(rider.toString()).isEqualTo(201);
        assertThat(api.get("/actuator/belay/drift").json().path("matches").asBoolean()).isTrue();
    }

}
