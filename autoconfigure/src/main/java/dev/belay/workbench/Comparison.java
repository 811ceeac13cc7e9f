package dev.belay.workbench;

import java.util.List;
import java.util.Objects;

import dev.belay.diff.MigrationPlan;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;

import org.jspecify.annotations.Nullable;

/**
 * The mapping compared with a schema: the database as it is, or the schema the whole revision
 * chain builds in a scratch schema (the shadow).
 *
 * @param status where the database stands against the revisions
 * @param shadow whether the schema compared was the shadow rather than the database
 * @param plan what would bring that schema to the mapping; empty when they match
 * @param database whether the database is still what its revisions built (by fingerprint); a
 * database changed by other means is compared through the shadow, and fails a check on its own
 * @param site where the shadow and the desired schema were built: a scratch schema of the
 * application's database, or the dev database
 * @param unreachable why the application's database could not be read, when {@code check} ran on
 * the dev database alone; {@code null} when it was read
 */
public record Comparison(MigrationStatus status, boolean shadow, MigrationPlan plan, DatabaseDrift database,
        String site, @Nullable String unreachable) {

    public Comparison {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(site, "site");
    }

    /** A comparison built in a scratch schema of the application's database, which was read. */
    public Comparison(MigrationStatus status, boolean shadow, MigrationPlan plan, DatabaseDrift database) {
        this(status, shadow, plan, database, SCRATCH, null);
    }

    /** A comparison that did not look at the database's fingerprint. */
    public Comparison(MigrationStatus status, boolean shadow, MigrationPlan plan) {
        this(status, shadow, plan, DatabaseDrift.unknown(null, "Not compared."));
    }

    /** Where schemas are built without a dev database. */
    public static final String SCRATCH = "a scratch schema";

    /** Whether the schema compared already is what the mapping wants. */
    public boolean matches() {
        return this.plan.isEmpty();
    }

    /**
     * Whether {@code belay check} passes: the schema matches the mapping, the database holds no
     * revision the code lacks and none that was interrupted, and it was not changed by other means
     * than its revisions.
     */
    public boolean passed() {
        return matches() && problems().isEmpty() && !this.database.differs();
    }

    /** The revisions that fail a check whatever the schema: unknown to the code, or incomplete. */
    public List<RevisionStatus> problems() {
        return this.status.revisions()
            .stream()
            .filter((revision) -> revision.state() == RevisionState.UNKNOWN
                    || revision.state() == RevisionState.INCOMPLETE)
            .toList();
    }

    /** The revisions the database does not have yet. */
    public List<RevisionStatus> pending() {
        return this.status.inState(RevisionState.PENDING);
    }

    /** Drops and adds in the plan that look like renames. */
    public List<RenameCandidate> possibleRenames() {
        return RenameCandidates.in(this.plan);
    }

}
