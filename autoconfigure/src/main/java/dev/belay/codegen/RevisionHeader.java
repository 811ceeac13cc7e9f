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

    /**
     * Part {@code number} of {@code count} of a chain of revisions that starts with this one, all
     * written at once: part 1 is this header; each later part comes after the one before it, and
     * its id and class name are this one's with {@code _2}, {@code _3}, ... after them (zero-padded
     * from ten parts on, so that they sort in chain order) and its message this one's with
     * {@code (2 of 3)} after it.
     * @throws IllegalArgumentException unless {@code 1 <= number <= count}
     */
    public RevisionHeader part(int number, int count) {
        if (number < 1 || number > count) {
            throw new IllegalArgumentException("There is no part " + number + " of " + count);
        }
        if (number == 1) {
            return this;
        }
        String previous = (number == 2) ? this.id : this.id + suffix(number - 1, count);
        String suffix = suffix(number, count);
        return new RevisionHeader(this.packageName, this.className + suffix, this.id + suffix, List.of(previous),
                (this.message + " (" + number + " of " + count + ")").strip());
    }

    private static String suffix(int number, int count) {
        String digits = Integer.toString(number);
        return "_" + "0".repeat(Integer.toString(count).length() - digits.length()) + digits;
    }

    /** The class's fully qualified name. */
    public String qualifiedClassName() {
        return this.packageName.isEmpty() ? this.className : this.packageName + "." + this.className;
    }

}
