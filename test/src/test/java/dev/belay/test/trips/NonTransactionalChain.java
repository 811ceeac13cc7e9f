package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/** A third revision that builds an index concurrently, outside a transaction: every check passes. */
@SpringBootTest(classes = { TripLog.Indexed.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotes.class, TripRevisions.TitleIndexConcurrently.class })
@BelayRevisionTests
public class NonTransactionalChain extends TripLogChain {

}
