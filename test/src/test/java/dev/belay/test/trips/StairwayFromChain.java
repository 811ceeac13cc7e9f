package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/** The stairway starts at the notes: the first revision is applied without a step. */
@SpringBootTest(classes = { TripLog.Indexed.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotes.class, TripRevisions.TitleIndexConcurrently.class })
@BelayRevisionTests(stairwayFrom = TripRevisions.NOTES)
public class StairwayFromChain extends TripLogChain {

}
