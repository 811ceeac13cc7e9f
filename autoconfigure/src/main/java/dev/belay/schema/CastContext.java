package dev.belay.schema;

/** Where PostgreSQL applies a {@link Cast} without being asked for it in the query. */
public enum CastContext {

    /** Only where the query asks for it ({@code CAST(x AS t)}, {@code x::t}): no clause. */
    EXPLICIT("", "e"),

    /** Also when a value is assigned to a column of the target type: {@code AS ASSIGNMENT}. */
    ASSIGNMENT(" AS ASSIGNMENT", "a"),

    /** Wherever an expression needs it: {@code AS IMPLICIT}, as Hibernate's casts for enum types are. */
    IMPLICIT(" AS IMPLICIT", "i");

    private final String sql;

    private final String code;

    CastContext(String sql, String code) {
        this.sql = sql;
        this.code = code;
    }

    /** The clause that ends {@code CREATE CAST}, with a leading space, or empty. */
    public String sql() {
        return this.sql;
    }

    /**
     * The context of {@code pg_cast.castcontext}.
     * @throws IllegalArgumentException for an unknown code
     */
    public static CastContext ofCode(String code) {
        for (CastContext context : values()) {
            if (context.code.equals(code)) {
                return context;
            }
        }
        throw new IllegalArgumentException("Unknown cast context " + code);
    }

}
