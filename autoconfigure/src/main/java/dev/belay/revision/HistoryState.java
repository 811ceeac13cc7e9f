package dev.belay.revision;

/** The state of a revision's row in the history table. */
public enum HistoryState {

    /** The revision is applied. */
    APPLIED("applied"),

    /**
     * A non-transactional revision started {@code up} and has not finished: it may be partly
     * applied.
     */
    APPLYING("applying"),

    /**
     * A non-transactional revision started {@code down} and has not finished: it may be partly
     * rolled back.
     */
    REVERTING("reverting");

    private final String sql;

    HistoryState(String sql) {
        this.sql = sql;
    }

    /** The value stored in the history table's {@code state} column. */
    public String sql() {
        return this.sql;
    }

    static HistoryState fromSql(String value) {
        for (HistoryState state : values()) {
            if (state.sql.equals(value)) {
                return state;
            }
        }
        throw new IllegalStateException("Unknown history state '" + value + "'");
    }

}
