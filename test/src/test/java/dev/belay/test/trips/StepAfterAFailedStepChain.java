package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The notes revision's down forgets the column, and a revision comes after it: the stairway fails
 * on the notes, then climbs a new schema to the notes and passes the index, which was not at fault.
 */
@SpringBootTest(classes = { TripLog.Indexed.class, TripRevisions.CreateTrip.class,
        TripRevisions.TripNotesForgottenByDown.class, TripRevisions.TitleIndexConcurrently.class })
@BelayRevisionTests
public class StepAfterAFailedStepChain extends TripLogChain {

}
