package dev.belay.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How {@link SchemaDiff} compares two schemas: rename hints, online-safe mode, the
 * PostgreSQL major version the plan is for, and whether primary keys are rebuilt only to reorder
 * their columns. Immutable; each {@code with...} method returns a
 * copy.
 * <p>
 * The diff never guesses a rename of a table, column or enum label: without a hint, a renamed
 * column is dropped (with its data) and a new one added. Hints name the objects as they are
 * in the current schema: {@code withColumnRename("ride", "dist", "distance")} renames the column
 * {@code dist} of the current table {@code ride}, even if {@code ride} is renamed too.
 *
 * @param tableRenames table renames, current name to desired name
 * @param columnRenames column renames, by current table name
 * @param enumValueRenames enum label renames, by current type name
 * @param onlineSafe whether to prefer statements that avoid long locks on existing tables
 * ({@code CREATE INDEX CONCURRENTLY}, {@code NOT VALID} then {@code VALIDATE}), at the price of
 * statements that cannot share a transaction
 * @param serverVersion the PostgreSQL major version the plan runs on (15 to 18); where the SQL
 * differs (a generated column's expression, an online {@code NOT NULL}) the plan uses what that
 * version supports
 * @param reorderKeys whether a primary key that has the desired columns in another order is
 * rebuilt in the desired order; by default it keeps its order, and the plan says so in a
 * {@link PlanNote} (see {@link #withReorderKeys(boolean)})
 */
public record DiffOptions(SortedMap<String, String> tableRenames, List<ColumnRename> columnRenames,
        List<EnumValueRename> enumValueRenames, boolean onlineSafe, int serverVersion, boolean reorderKeys) {

    /** The oldest PostgreSQL major Belay supports: SQL written for it runs on every newer one. */
    public static final int OLDEST_SUPPORTED_VERSION = 15;

    private static final DiffOptions DEFAULTS = new DiffOptions(new TreeMap<>(), List.of(), List.of(), false,
            OLDEST_SUPPORTED_VERSION, false);

    public DiffOptions {
        tableRenames = Collections.unmodifiableSortedMap(new TreeMap<>(tableRenames));
        columnRenames = columnRenames.stream()
            .sorted(Comparator.comparing(ColumnRename::table).thenComparing(ColumnRename::from))
            .toList();
        enumValueRenames = enumValueRenames.stream()
            .sorted(Comparator.comparing(EnumValueRename::type).thenComparing(EnumValueRename::from))
            .toList();
        if (serverVersion < 12) {
            throw new IllegalArgumentException("Belay plans for PostgreSQL 12 or later (15 to 18 are tested), not "
                    + serverVersion);
        }
        requireDistinct(tableRenames.values().stream().toList(), "Two tables are renamed to ");
        for (int i = 1; i < columnRenames.size(); i++) {
            ColumnRename previous = columnRenames.get(i - 1);
            ColumnRename rename = columnRenames.get(i);
            if (previous.table().equals(rename.table()) && previous.from().equals(rename.from())) {
                throw new IllegalArgumentException("Column " + rename.table() + "." + rename.from()
                        + " has two rename hints: to " + previous.to() + " and to " + rename.to());
            }
        }
        for (int i = 1; i < enumValueRenames.size(); i++) {
            EnumValueRename previous = enumValueRenames.get(i - 1);
            EnumValueRename rename = enumValueRenames.get(i);
            if (previous.type().equals(rename.type()) && previous.from().equals(rename.from())) {
                throw new IllegalArgumentException("Label '" + rename.from() + "' of enum type " + rename.type()
                        + " has two rename hints: to '" + previous.to() + "' and to '" + rename.to() + "'");
            }
        }
    }

    /** No hints, not online-safe, SQL for PostgreSQL 15 (which newer versions run too). */
    public static DiffOptions defaults() {
        return DEFAULTS;
    }

    /** Renames the current table {@code from} to {@code to} instead of dropping it and creating another. */
    public DiffOptions withTableRename(String from, String to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (this.tableRenames.containsKey(from)) {
            throw new IllegalArgumentException("Table " + from + " already has a rename hint, to "
                    + this.tableRenames.get(from));
        }
        SortedMap<String, String> renames = new TreeMap<>(this.tableRenames);
        renames.put(from, to);
        return new DiffOptions(renames, this.columnRenames, this.enumValueRenames, this.onlineSafe, this.serverVersion,
                this.reorderKeys);
    }

    /**
     * Renames the column {@code from} of the current table {@code table} to {@code to} instead of
     * dropping it and adding another.
     */
    public DiffOptions withColumnRename(String table, String from, String to) {
        List<ColumnRename> renames = new ArrayList<>(this.columnRenames);
        renames.add(new ColumnRename(table, from, to));
        return new DiffOptions(this.tableRenames, renames, this.enumValueRenames, this.onlineSafe, this.serverVersion,
                this.reorderKeys);
    }

    /** Renames the label {@code from} of the current enum type {@code type} to {@code to}. */
    public DiffOptions withEnumValueRename(String type, String from, String to) {
        List<EnumValueRename> renames = new ArrayList<>(this.enumValueRenames);
        renames.add(new EnumValueRename(type, from, to));
        return new DiffOptions(this.tableRenames, this.columnRenames, renames, this.onlineSafe, this.serverVersion,
                this.reorderKeys);
    }

    /** Prefers statements that avoid long locks on existing tables (see {@link #onlineSafe()}). */
    public DiffOptions withOnlineSafe(boolean onlineSafe) {
        return new DiffOptions(this.tableRenames, this.columnRenames, this.enumValueRenames, onlineSafe,
                this.serverVersion, this.reorderKeys);
    }

    /** Plans for the given PostgreSQL major version, e.g. {@code connection.getMetaData().getDatabaseMajorVersion()}. */
    public DiffOptions withServerVersion(int serverVersion) {
        return new DiffOptions(this.tableRenames, this.columnRenames, this.enumValueRenames, this.onlineSafe,
                serverVersion, this.reorderKeys);
    }

    /**
     * Rebuilds a primary key that has the desired columns in another order, so that its index
     * orders them as the desired schema does. By default the key keeps its order: it accepts the
     * same rows either way, and the rebuild takes an {@code ACCESS EXCLUSIVE} lock while the index
     * is built again and drops and adds the foreign keys that reference it. The plan says what it
     * kept in {@link MigrationPlan#notes()}.
     */
    public DiffOptions withReorderKeys(boolean reorderKeys) {
        return new DiffOptions(this.tableRenames, this.columnRenames, this.enumValueRenames, this.onlineSafe,
                this.serverVersion, reorderKeys);
    }

    /** Whether any rename hint is given. */
    public boolean hasRenames() {
        return !this.tableRenames.isEmpty() || !this.columnRenames.isEmpty() || !this.enumValueRenames.isEmpty();
    }

    /** The same options without rename hints. */
    DiffOptions withoutRenames() {
        return new DiffOptions(new TreeMap<>(), List.of(), List.of(), this.onlineSafe, this.serverVersion, this.reorderKeys);
    }

    /**
     * The options for the way back: every hint turned around, column hints named by the table's
     * desired name (which is the current one on the way back).
     */
    public DiffOptions reversed() {
        SortedMap<String, String> tables = new TreeMap<>();
        this.tableRenames.forEach((from, to) -> tables.put(to, from));
        List<ColumnRename> columns = this.columnRenames.stream()
            .map((rename) -> new ColumnRename(this.tableRenames.getOrDefault(rename.table(), rename.table()), rename.to(),
                    rename.from()))
            .toList();
        List<EnumValueRename> labels = this.enumValueRenames.stream()
            .map((rename) -> new EnumValueRename(rename.type(), rename.to(), rename.from()))
            .toList();
        return new DiffOptions(tables, columns, labels, this.onlineSafe, this.serverVersion, this.reorderKeys);
    }

    private static void requireDistinct(List<String> names, String message) {
        List<String> sorted = names.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).equals(sorted.get(i - 1))) {
                throw new IllegalArgumentException(message + sorted.get(i));
            }
        }
    }

    /**
     * A hint that a column was renamed.
     *
     * @param table the table's current name
     * @param from the column's current name
     * @param to the column's desired name
     */
    public record ColumnRename(String table, String from, String to) {

        public ColumnRename {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

    }

    /**
     * A hint that an enum label was renamed.
     *
     * @param type the enum type's name
     * @param from the label's current text
     * @param to the label's desired text
     */
    public record EnumValueRename(String type, String from, String to) {

        public EnumValueRename {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

    }

}
