package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/** The stairway is to start at a revision the code does not have: it fails, naming the ones it has. */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotes.class })
@BelayRevisionTests(stairwayFrom = "20260102_000100_trip_notez")
public class StairwayFromAnUnknownRevisionChain extends TripLogChain {

}
