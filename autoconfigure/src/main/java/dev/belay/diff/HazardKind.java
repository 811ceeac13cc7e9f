package dev.belay.diff;

/** What kind of risk a {@link Hazard} is. */
public enum HazardKind {

    /** Data is lost: a table or column is dropped, a type is narrowed, an enum label removed. */
    DATA_LOSS,

    /** The table and its indexes are rewritten under an exclusive lock (a type change, a volatile default). */
    TABLE_REWRITE,

    /** A lock that blocks reads or writes is held while the whole table is scanned or indexed. */
    LONG_LOCK,

    /** The statement fails if existing rows do not fit (nulls, duplicates, values that do not cast). */
    MAY_FAIL_ON_DATA,

    /**
     * An object Belay does not manage (a view, a function, a trigger) uses what the change drops
     * or changes: the statement fails until that object is dropped or changed first.
     */
    BREAKS_UNMANAGED

}
