package dev.belay.runner;

/** Where a revision stands in a database. */
public enum RevisionState {

    /** Recorded as applied. */
    APPLIED,

    /** In the code, not in the database. */
    PENDING,

    /**
     * A non-transactional revision whose {@code up} or {@code down} started but did not finish: it
     * may be partly applied and needs a person to look at it.
     */
    INCOMPLETE,

    /** In the database's history, but not in the code. */
    UNKNOWN

}
