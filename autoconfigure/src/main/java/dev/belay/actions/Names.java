package dev.belay.actions;

import java.nio.charset.StandardCharsets;

/**
 * Names that Belay derives from other names (temporary types, helper constraints). PostgreSQL
 * truncates names longer than 63 bytes, which could make a derived name collide with the one it
 * came from, so the base is shortened to keep the suffix.
 */
public final class Names {

    /** The longest name PostgreSQL keeps, in bytes ({@code NAMEDATALEN - 1}). */
    public static final int MAX_BYTES = 63;

    private Names() {
    }

    /** {@code base + suffix}, with {@code base} shortened (by whole characters) to fit 63 bytes. */
    public static String derived(String base, String suffix) {
        int room = MAX_BYTES - bytes(suffix);
        if (room <= 0) {
            throw new IllegalArgumentException("Suffix " + suffix + " leaves no room for a name");
        }
        String shortened = base;
        while (bytes(shortened) > room) {
            shortened = shortened.substring(0, shortened.offsetByCodePoints(0, shortened.codePointCount(0,
                    shortened.length()) - 1));
        }
        return shortened + suffix;
    }

    /** The name PostgreSQL 18 gives a column's {@code NOT NULL} constraint, shortened to fit. */
    static String notNullConstraint(String table, String column) {
        return derived(table + "_" + column, "_not_null");
    }

    /** The temporary check constraint that proves a column has no nulls (PostgreSQL 12 to 17). */
    static String notNullCheck(String table, String column) {
        return derived(table + "_" + column, "_not_null_check");
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

}
