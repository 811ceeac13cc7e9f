package dev.belay.runner;

import dev.belay.revision.MigrationException;

/**
 * A rehearsal reached outside its scratch schema (a revision that names another schema), and was
 * rolled back rather than committed.
 */
public final class OutsideScratchException extends MigrationException {

    OutsideScratchException(String outside) {
        super("A revision changes what lies outside the rehearsal's scratch schema: " + outside
                + ". Belay rolled that back instead of committing it, and stopped the rehearsal.",
                "Leave names in revisions unqualified, so that they work on the schema they are applied to (and on "
                        + "each tenant's); a table shared by every tenant belongs in a "
                        + "@MigrationRevision(shared = true) revision.");
    }

}
