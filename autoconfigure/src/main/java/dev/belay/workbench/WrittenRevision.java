package dev.belay.workbench;

import java.nio.file.Path;
import java.util.Objects;

import dev.belay.codegen.GeneratedRevision;

/**
 * A revision Belay wrote.
 *
 * @param revision what it is and its source
 * @param file where it was written
 */
public record WrittenRevision(GeneratedRevision revision, Path file) {

    public WrittenRevision {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(file, "file");
    }

}
