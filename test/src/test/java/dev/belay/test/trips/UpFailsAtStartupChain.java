package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The notes revision's up names a table that does not exist, and the application migrates at
 * startup: the context cannot start, which is the chain failing from empty.
 */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class,
        TripRevisions.TripNotesOnAMisspelledTable.class })
@BelayRevisionTests
public class UpFailsAtStartupChain extends TripLogChain {

}
