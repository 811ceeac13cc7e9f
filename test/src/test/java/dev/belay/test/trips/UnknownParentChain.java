package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/** A revision after one that does not exist: the graph check fails, as the context refuses to start. */
@SpringBootTest(classes = { TripLog.Plain.class, TripRevisions.CreateTrip.class, TripRevisions.Orphan.class })
@BelayRevisionTests
public class UnknownParentChain extends TripLogChain {

}
