package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/** The notes revision's down keeps the column, as declared, but changes it: up again builds something else. */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotesRetypedByDown.class })
@BelayRevisionTests
public class UpAgainDiffersChain extends TripLogChain {

}
