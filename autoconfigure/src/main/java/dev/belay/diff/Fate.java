package dev.belay.diff;

/** What a plan does to one object. */
enum Fate {

    /** Unchanged. */
    SAME,

    /** Changed in place. */
    ALTER,

    /** Created (a table, a type, a sequence, a key, constraint or index). */
    CREATE,

    /** A column added to a table that stays. */
    ADD,

    /** Dropped. */
    DROP,

    /** Dropped and created again, because PostgreSQL cannot change it in place. */
    RECREATE

}
