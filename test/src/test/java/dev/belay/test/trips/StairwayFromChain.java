package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;
import dev.belay.test.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The stairway starts at the notes: the first revision is applied without a step. */
@SpringBootTest(classes = { TripLog.Indexed.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotes.class, TripRevisions.TitleIndexConcurrently.class })
@BelayRevisionTests(stairwayFrom = TripRevisions.NOTES)
public class StairwayFromChain {

    public static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TripLog.database(registry);
    }

}
