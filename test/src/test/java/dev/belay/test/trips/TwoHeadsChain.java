package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/** Two revisions after the first, merged by none: the graph check fails. */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotes.class, TripRevisions.TitleIndex.class })
@BelayRevisionTests
public class TwoHeadsChain extends TripLogChain {

}
