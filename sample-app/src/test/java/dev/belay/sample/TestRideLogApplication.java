package dev.belay.sample;

import org.springframework.boot.SpringApplication;

/**
 * Starts the ride log on PostgreSQL in Docker instead of the embedded one:
 * {@code ./mvnw -pl sample-app spring-boot:test-run}.
 */
public final class TestRideLogApplication {

    private TestRideLogApplication() {
    }

    public static void main(String[] args) {
        // The container replaces the embedded database the app starts when no URL is given.
        System.setProperty("ridelog.database.embedded", "false");
        SpringApplication.from(RideLogApplication::main).with(PostgresContainerConfiguration.class).run(args);
    }

}
