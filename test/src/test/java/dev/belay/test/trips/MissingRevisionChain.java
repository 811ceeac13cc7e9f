package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;
import dev.belay.test.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mapping has notes, but no revision adds them: the mapping check fails. */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class })
@BelayRevisionTests
public class MissingRevisionChain {

    public static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TripLog.database(registry);
    }

}
