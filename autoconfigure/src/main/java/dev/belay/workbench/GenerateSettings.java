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
 * @param resources the resources directory, e.g. {@code src/main/resources}, where the mapping
 * each revision was written for is kept ({@link MappingSnapshot}); a relative path is taken from
 * the working directory
 */
public record GenerateSettings(Path directory, @Nullable String packageName, Path resources) {

    public GenerateSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(resources, "resources");
    }

    /** Settings with the resources directory beside the source directory ({@code src/main/resources}). */
    public GenerateSettings(Path directory, @Nullable String packageName) {
        this(directory, packageName, besideSources(directory));
    }

    /** {@code resources} next to a source directory named {@code java}, else the directory itself. */
    static Path besideSources(Path directory) {
        Path name = directory.getFileName();
        Path parent = directory.getParent();
        return (name != null && name.toString().equals("java")) ? ((parent != null) ? parent.resolve("resources")
                : Path.of("resources")) : directory;
    }

}
