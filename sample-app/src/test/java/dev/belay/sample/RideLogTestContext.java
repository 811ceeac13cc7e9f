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

    private static final Path DIRECTORY = newDirectory("revisions-");

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        directories(registry, DIRECTORY);
    }

    /**
     * The embedded PostgreSQL's data and the GPX tracks in {@code directory}: a context of its own
     * needs a directory of its own, since Spring keeps every context it started until the tests end.
     */
    static void directories(DynamicPropertyRegistry registry, Path directory) {
        registry.add("ridelog.database.directory", () -> directory.resolve("db").toString());
        registry.add("ridelog.data-directory", () -> directory.resolve("data").toString());
    }

    /** A new directory under {@code target/test-ridelog}. */
    static Path newDirectory(String prefix) {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-ridelog"));
            return Files.createTempDirectory(target, prefix);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
