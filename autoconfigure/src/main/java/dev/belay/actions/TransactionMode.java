package dev.belay.actions;

/** How a statement may be run with respect to the transaction around it. */
public enum TransactionMode {

    /** An ordinary statement: it may share a transaction with those before and after it. */
    IN_TRANSACTION,

    /**
     * Runs in a transaction, but what it does cannot be used until that transaction commits (for
     * example {@code ALTER TYPE ... ADD VALUE}: the new label is unusable until then), so it needs a
     * transaction of its own before statements that depend on it.
     */
    OWN_TRANSACTION,

    /**
     * Cannot run inside a transaction block at all (for example
     * {@code CREATE INDEX CONCURRENTLY}); it must run with autocommit.
     */
    NO_TRANSACTION

}
