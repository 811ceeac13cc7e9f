package dev.belay.codegen;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import javax.lang.model.SourceVersion;

/**
 * What a generated revision is called and where it belongs: its package and class, and what its
 * {@code @MigrationRevision} says.
 *
 * @param packageName the Java package, e.g. {@code com.example.migrations}; empty for the default
 * package
 * @param className the class's simple name
 * @param id the revision's id
 * @param after the ids of the revisions it comes after (none for the first, several for a merge)
 * @param message what the revision does, in a few words
 */
public record RevisionHeader(String packageName, String className, String id, List<String> after, String message) {

    public RevisionHeader {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(id, "id");
        after = List.copyOf(after);
        Objects.requireNonNull(message, "message");
        if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
            throw new IllegalArgumentException("'" + packageName + "' is not a Java package name");
        }
        if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)) {
            throw new IllegalArgumentException("'" + className + "' is not a Java class name");
        }
        if (id.isBlank()) {
            throw new IllegalArgumentException("A revision's id must not be blank");
        }
    }

    /**
     * A revision generated at {@code time}: its id and class name come from the time and the
     * message (see {@link RevisionNames}).
     */
    public static RevisionHeader of(String packageName, LocalDateTime time, String message, List<String> after) {
        return new RevisionHeader(packageName, RevisionNames.className(time, message), RevisionNames.id(time, message),
                after, message);
    }

    /** The class's fully qualified name. */
    public String qualifiedClassName() {
        return this.packageName.isEmpty() ? this.className : this.packageName + "." + this.className;
    }

}
