package dev.belay.schema;

/** Whether a constraint's check can wait until the end of the transaction. */
public enum Deferrability {

    NOT_DEFERRABLE(""),

    DEFERRABLE_INITIALLY_IMMEDIATE(" DEFERRABLE INITIALLY IMMEDIATE"),

    DEFERRABLE_INITIALLY_DEFERRED(" DEFERRABLE INITIALLY DEFERRED");

    private final String sql;

    Deferrability(String sql) {
        this.sql = sql;
    }

    /** The clause that follows a constraint definition, with a leading space, or empty. */
    public String sql() {
        return this.sql;
    }

}
