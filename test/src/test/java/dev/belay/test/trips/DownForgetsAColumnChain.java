package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;
import dev.belay.test.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The notes revision's down forgets to drop the column: the stairway fails on it. */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotesForgottenByDown.class })
@BelayRevisionTests
public class DownForgetsAColumnChain {

    public static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TripLog.database(registry);
    }

}
