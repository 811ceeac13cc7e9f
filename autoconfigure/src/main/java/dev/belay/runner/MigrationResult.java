package dev.belay.runner;

import java.util.List;
import java.util.Objects;

/**
 * What an {@link MigrationRunner#apply apply}, {@link MigrationRunner#rollback rollback} or
 * {@link MigrationRunner#stamp stamp} did.
 *
 * @param operation apply, rollback or stamp
 * @param dryRun whether everything was rolled back afterwards
 * @param schema the managed schema
 * @param revisions the revisions run, in the order they ran (empty when there was nothing to do)
 * @param totalMs the time the whole operation took, including waiting for the lock
 */
public record MigrationResult(Operation operation, boolean dryRun, String schema, List<RevisionRun> revisions,
        long totalMs) {

    public MigrationResult {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(schema, "schema");
        revisions = List.copyOf(revisions);
    }

    /** The ids of the revisions run, in order. */
    public List<String> ids() {
        return this.revisions.stream().map(RevisionRun::id).toList();
    }

    /** What a {@link MigrationResult} is the result of. */
    public enum Operation {

        /** Revisions' {@code up}, in graph order. */
        APPLY,

        /** Revisions' {@code down}, in reverse order of application. */
        ROLLBACK,

        /** Revisions recorded as applied without running them. */
        STAMP

    }

}
