package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The right chain with a dev database ({@code belay.dev-url=embedded}): the mapping is built
 * there, as {@code belay check} builds it, and every check passes.
 */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotes.class },
        properties = "belay.dev-url=embedded")
@BelayRevisionTests
public class DevDatabaseChain extends TripLogChain {

}
