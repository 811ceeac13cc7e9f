package dev.belay.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ride log without its web server, on an embedded PostgreSQL and a data directory of its own
 * (new under {@code target/} for each run of the tests): the context that the tests of its
 * revisions share, booted once for all of them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
public abstract class RideLogTestContext {

    private static final Path DIRECTORY = newDirectory();

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("ridelog.database.directory", () -> DIRECTORY.resolve("db").toString());
        registry.add("ridelog.data-directory", () -> DIRECTORY.resolve("data").toString());
    }

    private static Path newDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-ridelog"));
            return Files.createTempDirectory(target, "revisions-");
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
