package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/** The mapping has notes, but no revision adds them: the mapping check fails. */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class })
@BelayRevisionTests
public class MissingRevisionChain extends TripLogChain {

}
