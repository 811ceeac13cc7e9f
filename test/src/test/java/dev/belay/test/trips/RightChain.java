package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;
import dev.belay.test.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Trips, then notes, each revision with a down that undoes its up: every check passes. */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotes.class })
@BelayRevisionTests
public class RightChain {

    /** The application's database, where the test looks for schemas the checks left behind. */
    public static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.create();
        database.registerWith(registry);
    }

}
