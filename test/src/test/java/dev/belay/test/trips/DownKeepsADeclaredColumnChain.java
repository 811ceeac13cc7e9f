package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/** The notes revision's down keeps the column on purpose, and says so: every check passes. */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotesKeptByDown.class })
@BelayRevisionTests
public class DownKeepsADeclaredColumnChain extends TripLogChain {

}
