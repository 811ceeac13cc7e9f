package dev.belay.workbench;

import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where generated revisions go.
 *
 * @param directory the source directory, e.g. {@code src/main/java} of the project; a relative
 * path is taken from the working directory
 * @param packageName the Java package of the revisions, or {@code null} when unknown (generating
 * then refuses and says to set {@code belay.generate.package})
 */
public record GenerateSettings(Path directory, @Nullable String packageName) {

    public GenerateSettings {
        Objects.requireNonNull(directory, "directory");
    }

}
