package dev.belay.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A revision rendered as Java source.
 *
 * @param header its package, class, id, parents and message
 * @param transactional whether it runs in one transaction ({@code false} when a statement cannot,
 * see the class's Javadoc in {@link #source()})
 * @param idempotent whether it is declared safe to run again after a run that stopped midway
 * (only ever with {@code transactional} false)
 * @param source the compilation unit
 */
public record GeneratedRevision(RevisionHeader header, boolean transactional, boolean idempotent, String source) {

    public GeneratedRevision {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(source, "source");
    }

    /** Where the file goes below a source directory, e.g. {@code com/example/migrations/V2026..._AddAuthor.java}. */
    public Path relativePath() {
        Path path = Path.of("");
        if (!this.header.packageName().isEmpty()) {
            for (String segment : this.header.packageName().split("\\.")) {
                path = path.resolve(segment);
            }
        }
        return path.resolve(this.header.className() + ".java");
    }

    /**
     * Writes the source below {@code sourceDirectory}, creating the package's directories, in
     * UTF-8. Never overwrites a file.
     * @return the file written
     * @throws FileAlreadyExistsException if the file exists
     */
    public Path writeTo(Path sourceDirectory) throws IOException {
        Path file = sourceDirectory.resolve(relativePath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, this.source, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return file;
    }

}
