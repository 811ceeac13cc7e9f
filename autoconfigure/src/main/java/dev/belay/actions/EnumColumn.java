package dev.belay.actions;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A column that {@link DatabaseActions#replaceEnumType(String, java.util.List, java.util.List)}
 * casts to the new enum type.
 * <p>
 * PostgreSQL cannot cast a column's default from the old type to the new one, so the default is
 * always dropped before the cast; {@code defaultExpression} is the default to set afterwards.
 *
 * @param table the table's name
 * @param column the column's name
 * @param array whether the column holds an array of the enum ({@code ride_type[]})
 * @param defaultExpression the default to set after the cast (SQL, e.g.
 * {@code 'ROAD'::ride_type}), or {@code null} for none
 */
public record EnumColumn(String table, String column, boolean array, @Nullable String defaultExpression) {

    public EnumColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    /** A column of the enum type without a default. */
    public static EnumColumn of(String table, String column) {
        return new EnumColumn(table, column, false, null);
    }

    /** A column of the enum type whose default is set again after the cast. */
    public static EnumColumn of(String table, String column, String defaultExpression) {
        return new EnumColumn(table, column, false, Objects.requireNonNull(defaultExpression, "defaultExpression"));
    }

    /** A column holding an array of the enum type, without a default. */
    public static EnumColumn arrayOf(String table, String column) {
        return new EnumColumn(table, column, true, null);
    }

    /** A column holding an array of the enum type whose default is set again after the cast. */
    public static EnumColumn arrayOf(String table, String column, String defaultExpression) {
        return new EnumColumn(table, column, true, Objects.requireNonNull(defaultExpression, "defaultExpression"));
    }

}
