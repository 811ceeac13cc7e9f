package dev.belay.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.util.FileSystemUtils;

/**
 * Temporary directories that tests create outside JUnit's {@code @TempDir} (compiled revisions,
 * a project's sources), removed with everything in them when the test JVM ends: classes may still
 * be loaded from them until then.
 */
public final class TemporaryDirectories {

    private static final List<Path> created = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryDirectories::deleteAll, "delete-test-directories"));
    }

    private TemporaryDirectories() {
    }

    /** A new directory whose name starts with the prefix, deleted when the JVM ends. */
    public static Path create(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        created.add(directory);
        return directory;
    }

    private static void deleteAll() {
        for (Path directory : created) {
            try {
                FileSystemUtils.deleteRecursively(directory);
            }
            catch (IOException ex) {
                // The JVM is ending; what is left stays in the temporary directory.
            }
        }
    }

}
