package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The notes revision's up fails, and a revision comes after it: the stairway cannot reach the
 * index, and its step says so, pointing at the notes (the application does not migrate at
 * startup, which would fail first).
 */
@SpringBootTest(classes = { TripLog.Indexed.class, TripRevisions.CreateTrip.class,
        TripRevisions.TripNotesOnAMisspelledTable.class, TripRevisions.TitleIndexConcurrently.class },
        properties = "belay.migrate-on-startup=false")
@BelayRevisionTests
public class StepAfterAnUpThatFailsChain extends TripLogChain {

}
