package dev.belay.test.trips;

import dev.belay.test.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the test applications share: each context on a new database of the test server, so that
 * their chains, migrated at startup, never meet.
 */
public abstract class TripLogChain {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.create().registerWith(registry);
    }

}
