package dev.belay.schema;

/**
 * How a {@link Cast} converts a value. Belay manages the two kinds that need nothing but the
 * types; a cast through a function of its own is left alone, like the function.
 */
public enum CastMethod {

    /** Through the types' text forms: {@code WITH INOUT}, as Hibernate's casts for enum types are. */
    INOUT("WITH INOUT", "i"),

    /** The types are binary coercible, the value is taken as it is: {@code WITHOUT FUNCTION}. */
    WITHOUT_FUNCTION("WITHOUT FUNCTION", "b");

    private final String sql;

    private final String code;

    CastMethod(String sql, String code) {
        this.sql = sql;
        this.code = code;
    }

    /** The clause of {@code CREATE CAST}, e.g. {@code WITH INOUT}. */
    public String sql() {
        return this.sql;
    }

    /**
     * The method of {@code pg_cast.castmethod}.
     * @throws IllegalArgumentException for {@code f} (a function) and anything unknown
     */
    public static CastMethod ofCode(String code) {
        for (CastMethod method : values()) {
            if (method.code.equals(code)) {
                return method;
            }
        }
        throw new IllegalArgumentException("Not a cast method Belay manages: " + code);
    }

}
