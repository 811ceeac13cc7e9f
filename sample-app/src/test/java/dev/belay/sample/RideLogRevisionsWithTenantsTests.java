package dev.belay.sample;

import java.nio.file.Path;

import dev.belay.test.BelayRevisionTests;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ride log's revisions checked by Belay's test kit with tenants ({@code belay.tenants.schemas}):
 * the chain every tenant's schema gets, stepped through in a schema of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "belay.tenants.schemas=acme,globex")
@BelayRevisionTests
class RideLogRevisionsWithTenantsTests {

    private static final Path DIRECTORY = RideLogTestContext.newDirectory("tenant-revisions-");

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        RideLogTestContext.directories(registry, DIRECTORY);
    }

}
