package dev.belay.sample;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * PostgreSQL in Docker, wired in through {@link ServiceConnection}: import it into a test, or start
 * the app on it with {@code ./mvnw -pl sample-app spring-boot:test-run} (see
 * {@link TestRideLogApplication}). The image is chosen with {@code ridelog.postgres-image}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresContainerConfiguration {

    @Bean
    @ServiceConnection
    PostgreSQLContainer postgres() {
        return new PostgreSQLContainer(
                DockerImageName.parse(System.getProperty("ridelog.postgres-image", "postgres:18")));
    }

}
