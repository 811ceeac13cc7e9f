package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;
import dev.belay.test.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two revisions after the first, merged by none: the graph check fails. */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotes.class, TripRevisions.TitleIndex.class })
@BelayRevisionTests
public class TwoHeadsChain {

    public static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TripLog.database(registry);
    }

}
