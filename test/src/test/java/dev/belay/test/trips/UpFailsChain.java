package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The notes revision's up names a table that does not exist: it fails from empty and on the
 * stairway (the application does not migrate at startup, which would fail first).
 */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class,
        TripRevisions.TripNotesOnAMisspelledTable.class }, properties = "belay.migrate-on-startup=false")
@BelayRevisionTests
public class UpFailsChain extends TripLogChain {

}
