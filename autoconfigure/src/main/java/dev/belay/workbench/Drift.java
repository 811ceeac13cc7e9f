package dev.belay.workbench;

import java.util.List;
import java.util.Objects;

import dev.belay.runner.MigrationStatus;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;

/**
 * The two kinds of drift, told apart because they have different fixes: the database changed
 * by other means than its revisions ({@link DatabaseDrift}: revert the change, or write a
 * revision for it by hand), or the mapping changed without a revision ({@link MappingDrift}:
 * {@code belay generate}). Both come from fingerprints, without building a schema.
 *
 * @param status where the database stands against the revisions
 * @param database the database against what its revisions left
 * @param mapping the mapping against what the revisions were written for
 */
public record Drift(MigrationStatus status, DatabaseDrift database, MappingDrift mapping) {

    public Drift {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(mapping, "mapping");
    }

    /** Whether neither the database nor the mapping is known to differ. */
    public boolean matches() {
        return !this.database.differs() && !this.mapping.differs();
    }

    /** The revisions not applied yet. */
    public List<RevisionStatus> pending() {
        return this.status.inState(RevisionState.PENDING);
    }

}
