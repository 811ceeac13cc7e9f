package dev.belay.revision;

import java.util.List;
import java.util.Objects;

import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * What Belay knows about a revision without creating it: the contents of its
 * {@link MigrationRevision} annotation and where it comes from.
 *
 * @param id the revision's id
 * @param parents the ids it comes after, in declaration order
 * @param message what it does
 * @param transactional whether it runs in one transaction with its history row
 * @param idempotent whether an interrupted run may be resumed by running it again from the start
 * (see {@link MigrationRevision#idempotent()})
 * @param source where it is declared (the class name), for error messages
 * @param baseline whether it is the baseline that builds a database taken over as it was (see
 * {@link MigrationRevision#baseline()})
 */
public record RevisionInfo(String id, List<String> parents, String message, boolean transactional,
        boolean idempotent, String source, boolean baseline) {

    public RevisionInfo {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
        if (baseline && !parents.isEmpty()) {
            throw new MigrationException("Revision '" + id + "' (" + source + ") is a baseline that comes after "
                    + parents + ".", "A baseline starts the revision graph: remove its after, or its baseline = true.");
        }
    }

    /** A revision that is not a baseline. */
    public RevisionInfo(String id, List<String> parents, String message, boolean transactional, boolean idempotent,
            String source) {
        this(id, parents, message, transactional, idempotent, source, false);
    }

    /** A revision that is not {@linkplain MigrationRevision#idempotent() idempotent}. */
    public RevisionInfo(String id, List<String> parents, String message, boolean transactional, String source) {
        this(id, parents, message, transactional, false, source);
    }

    /**
     * Reads the {@link MigrationRevision} annotation of a revision class (or of the class behind
     * a proxy).
     * @throws MigrationException when the class has no such annotation
     */
    public static RevisionInfo of(Class<?> type) {
        Class<?> userClass = ClassUtils.getUserClass(type);
        MigrationRevision annotation = userClass.getAnnotation(MigrationRevision.class);
        if (annotation == null) {
            // Declared through a composed annotation of the application's own.
            annotation = AnnotationUtils.findAnnotation(userClass, MigrationRevision.class);
        }
        if (annotation == null) {
            throw new MigrationException(userClass.getName() + " implements Revision but has no @MigrationRevision.",
                    "Annotate it with @MigrationRevision(id = \"...\", after = \"<parent id>\") so Belay knows "
                            + "where it belongs in the revision graph.");
        }
        return new RevisionInfo(annotation.id(), List.of(annotation.after()), annotation.message(),
                annotation.transactional(), annotation.idempotent(), userClass.getName(), annotation.baseline());
    }

    /** The id and where the revision is declared, e.g. {@code 'add_author' (com.example.AddAuthor)}. */
    public String describe() {
        return "'" + this.id + "' (" + this.source + ")";
    }

}
