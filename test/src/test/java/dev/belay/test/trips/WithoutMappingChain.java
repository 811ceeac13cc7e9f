package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;

/** No Hibernate in the context: the mapping and drift checks are skipped, the others run. */
@SpringBootTest(classes = { TripLog.WithoutMapping.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotes.class })
@BelayRevisionTests
public class WithoutMappingChain extends TripLogChain {

}
