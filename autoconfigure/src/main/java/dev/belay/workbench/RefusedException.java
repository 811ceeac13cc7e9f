package dev.belay.workbench;

import dev.belay.revision.MigrationException;

/**
 * Belay will not do what was asked, and has changed nothing: the message says why, naming the
 * revisions, files or hints involved, and {@link #fix()} says what to run or set first.
 */
public class RefusedException extends MigrationException {

    private final Reason reason;

    public RefusedException(Reason reason, String problem, String fix) {
        super(problem, fix);
        this.reason = reason;
    }

    /** Why, as a value for code that reacts to it. */
    public Reason reason() {
        return this.reason;
    }

    /** The reasons Belay refuses. */
    public enum Reason {

        /** The revision graph has several heads, so a new revision would not know what it comes after. */
        SEVERAL_HEADS,

        /** The database has pending revisions, so a diff against it would repeat their work. */
        PENDING_REVISIONS,

        /** The database records revisions that the code does not have. */
        UNKNOWN_REVISIONS,

        /** A non-transactional revision was interrupted and needs a person to look at it. */
        INCOMPLETE_REVISIONS,

        /** A rename hint is malformed or names something the schemas do not have. */
        BAD_RENAME,

        /** Nothing to merge: the revisions have fewer than two heads. */
        NOTHING_TO_MERGE,

        /** The revision cannot be written: the directory, the package or the file is wrong. */
        CANNOT_WRITE,

        /** The database is not what the revisions build, so they cannot be stamped as applied. */
        SCHEMA_DIFFERS,

        /**
         * The database was changed by other means than its revisions, so a revision generated
         * against it would leave fresh databases without that change.
         */
        DATABASE_DRIFTED,

        /**
         * A baseline does not fit: the application has revisions already, the database has
         * Belay's history, or its schema is empty.
         */
        NOT_A_TAKE_OVER,

        /**
         * {@code --expand-contract} needs the mapping of the release before, and no revision
         * has one kept beside it.
         */
        NO_KEPT_MAPPING

    }

}
