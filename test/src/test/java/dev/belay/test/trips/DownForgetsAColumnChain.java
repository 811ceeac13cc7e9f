package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/** The notes revision's down forgets to drop the column: the stairway fails on it. */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotesForgottenByDown.class })
@BelayRevisionTests
public class DownForgetsAColumnChain extends TripLogChain {

}
