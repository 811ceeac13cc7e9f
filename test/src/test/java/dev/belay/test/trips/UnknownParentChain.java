package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;
import dev.belay.test.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A revision after one that does not exist: the graph check fails, as the context refuses to start. */
@SpringBootTest(classes = { TripLog.Plain.class, TripRevisions.CreateTrip.class, TripRevisions.Orphan.class })
@BelayRevisionTests
public class UnknownParentChain {

    public static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TripLog.database(registry);
    }

}
