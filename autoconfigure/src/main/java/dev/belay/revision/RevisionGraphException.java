package dev.belay.revision;

/**
 * The revisions do not form a valid graph (duplicate ids, unknown or cyclic parents, several
 * roots or heads), or the database records a revision that the application does not have.
 */
public class RevisionGraphException extends MigrationException {

    public RevisionGraphException(String problem, String fix) {
        super(problem, fix);
    }

}
