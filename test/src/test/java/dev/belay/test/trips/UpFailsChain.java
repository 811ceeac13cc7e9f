package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;
import dev.belay.test.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notes revision's up names a table that does not exist: it fails from empty and on the
 * stairway (the application does not migrate at startup, which would fail first).
 */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class,
        TripRevisions.TripNotesOnAMisspelledTable.class }, properties = "belay.migrate-on-startup=false")
@BelayRevisionTests
public class UpFailsChain {

    public static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TripLog.database(registry);
    }

}
