package dev.belay.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.belay.schema.Column;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.Index;
import dev.belay.schema.MatchType;
import dev.belay.schema.ObjectId;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.Table;
import dev.belay.schema.UniqueConstraint;

import org.jspecify.annotations.Nullable;

/**
 * The columns a way back adds again, made to run on a table with rows. A plan that drops a
 * column takes its values with it, and the way back (a revision's {@code down}) runs on a table
 * that has rows by then: a column that was {@code NOT NULL} without a default would fail there.
 * So it comes back {@linkplain Change.AddColumn#notNullWhenEmpty() NOT NULL only when the table is
 * empty}: on an empty table (a test, a fresh database) the catalog is restored exactly, on one
 * with rows the column stays nullable and the rollback succeeds. Each such step says, as a
 * hazard, what it cannot restore and how to finish by hand.
 * <p>
 * Where nulls cannot stand, the step says what fails and what to do instead: a column of the
 * primary key stays {@code NOT NULL} (a key cannot hold nulls), and a unique constraint or index
 * that treats nulls as equal, a {@code MATCH FULL} foreign key over it and other columns, or
 * another table's foreign key that refers to it fail on rows until the column is filled.
 */
final class WayBackColumns {

    private WayBackColumns() {
    }

    /** The way back with its columns added back as a table with rows takes them. */
    static MigrationPlan of(MigrationPlan back) {
        Set<ObjectId> empty = new HashSet<>();
        for (Change change : back.changes()) {
            if (change instanceof Change.AddColumn add && !filled(add.column())) {
                empty.add(add.column().id());
            }
        }
        if (empty.isEmpty()) {
            return back;
        }
        List<Change> changes = new ArrayList<>();
        for (Change change : back.changes()) {
            changes.add(adapted(change, back, empty));
        }
        return new MigrationPlan(back.current(), back.desired(), back.options(), changes, back.notes());
    }

    private static Change adapted(Change change, MigrationPlan back, Set<ObjectId> empty) {
        if (change instanceof Change.AddColumn add) {
            return addColumn(add, back.desired().tables().get(add.table()));
        }
        if (change instanceof Change.AddUniqueConstraint add) {
            UniqueConstraint unique = add.unique();
            String column = unique.nullsNotDistinct() ? firstEmpty(unique.table(), unique.columns(), empty) : null;
            return (column == null) ? change : new Change.AddUniqueConstraint(unique, with(add.hazards(),
                    nullsNotDistinct(change.object(), "unique constraint", unique.table(), column, unique.columns())));
        }
        if (change instanceof Change.CreateIndex create) {
            Hazard hazard = uniqueIndex(create.index(), empty);
            return (hazard == null) ? change : new Change.CreateIndex(create.index(), with(create.hazards(), hazard));
        }
        if (change instanceof Change.CreateIndexConcurrently create) {
            Hazard hazard = uniqueIndex(create.index(), empty);
            return (hazard == null) ? change
                    : new Change.CreateIndexConcurrently(create.index(), with(create.hazards(), hazard));
        }
        if (change instanceof Change.AddForeignKey add) {
            Hazard hazard = foreignKey(add.foreignKey(), empty);
            return (hazard == null) ? change : new Change.AddForeignKey(add.foreignKey(), with(add.hazards(), hazard));
        }
        return change;
    }

    private static Change addColumn(Change.AddColumn add, @Nullable Table before) {
        Column column = add.column();
        if (filled(column)) {
            return add;
        }
        ObjectId id = column.id();
        // What the planner said of a NOT NULL column without a default no longer holds here.
        List<Hazard> hazards = new ArrayList<>(add.hazards()
            .stream()
            .filter((hazard) -> !(hazard.kind() == HazardKind.MAY_FAIL_ON_DATA && hazard.object().equals(id)))
            .toList());
        String table = add.table();
        String name = column.name();
        PrimaryKey key = (before != null) ? before.primaryKey() : null;
        if (column.notNull() && key != null && key.columns().contains(name)) {
            hazards.add(new Hazard(HazardKind.MAY_FAIL_ON_DATA, id, "comes back NOT NULL without the values the way "
                    + "up dropped, since primary key " + key.name() + " needs one in every row: fails if the table has "
                    + "rows. To roll back a table with rows, give them a value here (.defaultValue(\"...\"), then "
                    + "m.actions().dropColumnDefault(" + java(table) + ", " + java(name) + ") after the key; or add "
                    + "it nullable and fill it with an UPDATE before the key)"));
            return new Change.AddColumn(table, column, false, hazards);
        }
        if (!column.notNull()) {
            return new Change.AddColumn(table, column, false, hazards);
        }
        hazards.add(new Hazard(HazardKind.DATA_LOSS, id, "comes back without the values the way up dropped, and "
                + "NOT NULL only if the table has no rows (with rows it stays nullable, and a notice says so). To "
                + "restore it, fill it, then m.actions().addNotNull(" + java(table) + ", " + java(name) + ")"));
        return new Change.AddColumn(table, column, true, hazards);
    }

    private static @Nullable Hazard uniqueIndex(Index index, Set<ObjectId> empty) {
        if (!index.unique() || !index.nullsNotDistinct()) {
            return null;
        }
        String column = firstEmpty(index.table(), List.copyOf(index.columns()), empty);
        return (column != null)
                ? nullsNotDistinct(index.id(), "unique index", index.table(), column, List.copyOf(index.columns()))
                : null;
    }

    private static Hazard nullsNotDistinct(ObjectId object, String what, String table, String column,
            List<String> columns) {
        String rows = (columns.size() == 1) ? "if the table has two rows or more"
                : "if two rows agree on " + String.join(", ", columns.stream().filter((c) -> !c.equals(column)).toList());
        return new Hazard(HazardKind.MAY_FAIL_ON_DATA, object, "the " + what + " treats nulls as equal (NULLS NOT "
                + "DISTINCT) and column " + table + "." + column + " came back without its values: fails " + rows
                + ", until the column is filled");
    }

    private static @Nullable Hazard foreignKey(ForeignKey key, Set<ObjectId> empty) {
        String column = (key.match() == MatchType.FULL && key.columns().size() > 1)
                ? firstEmpty(key.table(), key.columns(), empty) : null;
        if (column != null) {
            return new Hazard(HazardKind.MAY_FAIL_ON_DATA, key.id(), "the foreign key is MATCH FULL and column "
                    + key.table() + "." + column + " came back without its values: fails on rows whose other "
                    + "columns of the key have values, until the column is filled");
        }
        String target = key.targetsThisSchema() ? firstEmpty(key.targetTable(), key.targetColumns(), empty) : null;
        if (target != null) {
            return new Hazard(HazardKind.MAY_FAIL_ON_DATA, key.id(), "refers to column " + key.targetTable() + "."
                    + target + ", which came back without the values the way up dropped: fails if " + key.table()
                    + " has rows that refer to " + key.targetTable() + ", until the column is filled");
        }
        return null;
    }

    private static @Nullable String firstEmpty(String table, List<String> columns, Set<ObjectId> empty) {
        return columns.stream().filter((column) -> empty.contains(ObjectId.column(table, column))).findFirst()
            .orElse(null);
    }

    /** Whether PostgreSQL gives every row a value when the column is added. */
    private static boolean filled(Column column) {
        return column.defaultExpression() != null || column.identity() != null || column.generated() != null;
    }

    private static List<Hazard> with(List<Hazard> hazards, Hazard hazard) {
        List<Hazard> all = new ArrayList<>(hazards);
        all.add(hazard);
        return all;
    }

    /** A name as a Java string literal, for the code a hazard suggests. */
    private static String java(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
