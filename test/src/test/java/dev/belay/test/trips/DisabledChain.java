package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;
import org.junit.jupiter.api.Disabled;

import org.springframework.boot.test.context.SpringBootTest;

/** A chain whose down forgets a column, in a class that is disabled: nothing runs, and it says why. */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class,
        TripRevisions.TripNotesForgottenByDown.class })
@BelayRevisionTests
@Disabled("The notes are being reworked")
public class DisabledChain extends TripLogChain {

}
