package dev.belay.test.trips;

import dev.belay.test.BelayRevisionTests;
import dev.belay.test.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** No Hibernate in the context: the mapping and drift checks are skipped, the others run. */
@SpringBootTest(classes = { TripLog.WithoutMapping.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotes.class })
@BelayRevisionTests
public class WithoutMappingChain {

    public static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TripLog.database(registry);
    }

}
