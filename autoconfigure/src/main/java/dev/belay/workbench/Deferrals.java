package dev.belay.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.belay.diff.Change;
import dev.belay.diff.MigrationPlan;
import dev.belay.schema.Column;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.MappedTables;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;

/**
 * Expand/contract: which steps of a plan the release before still needs undone
 * ({@link #of}), and the desired schema with what those {@link Deferral}s keep ({@link #keep}),
 * so that the plan against it is the <em>expand</em> half: everything but the drops the previous
 * release would fail on, with a column it maps made nullable (the new release no longer writes
 * it), and a new NOT NULL column it does not write left nullable.
 */
final class Deferrals {

    private Deferrals() {
    }

    /**
     * The steps of a plan that would break the previous release while a rolling deploy runs: a
     * table, column or sequence it maps dropped, a column it does not write made NOT NULL without
     * a default.
     * @param current the schema the plan starts from
     */
    static List<Deferral> of(MigrationPlan plan, MappedTables previous, Schema current) {
        Set<String> droppedTables = new LinkedHashSet<>();
        for (Change change : plan.changes()) {
            if (change instanceof Change.DropTable drop) {
                droppedTables.add(drop.name());
            }
        }
        List<Deferral> deferrals = new ArrayList<>();
        for (Change change : plan.changes()) {
            if (change instanceof Change.DropTable drop && previous.maps(drop.name())) {
                deferrals.add(new Deferral(Deferral.Kind.DROP_TABLE, drop.name(), null));
            }
            else if (change instanceof Change.DropSequence drop && previous.mapsSequence(drop.name())) {
                deferrals.add(new Deferral(Deferral.Kind.DROP_SEQUENCE, drop.name(), null));
            }
            else if (change instanceof Change.DropColumn drop && !droppedTables.contains(drop.table())
                    && previous.maps(drop.table(), drop.column())) {
                deferrals.add(new Deferral(Deferral.Kind.DROP_COLUMN, drop.table(), drop.column()));
            }
            else if (change instanceof Change.AddColumn add && required(add.column()) && previous.maps(add.table())
                    && !previous.maps(add.table(), add.column().name())) {
                deferrals.add(new Deferral(Deferral.Kind.NOT_NULL, add.table(), add.column().name()));
            }
            else if (change instanceof Change.AddNotNull add && previous.maps(add.table())
                    && !previous.maps(add.table(), add.column()) && !hasDefault(current, add.table(), add.column())) {
                deferrals.add(new Deferral(Deferral.Kind.NOT_NULL, add.table(), add.column()));
            }
        }
        return deferrals;
    }

    /** The deferrals still to be done: the object is still there, and the mapping still wants it gone. */
    static List<Deferral> pending(Schema wanted, Schema current, List<Deferral> deferrals) {
        List<Deferral> pending = new ArrayList<>();
        for (Deferral deferral : deferrals) {
            Table wantedTable = wanted.tables().get(deferral.table());
            Table currentTable = current.tables().get(deferral.table());
            boolean open = switch (deferral.kind()) {
                case DROP_TABLE -> currentTable != null && wantedTable == null;
                case DROP_SEQUENCE -> current.sequences().containsKey(deferral.table())
                        && !wanted.sequences().containsKey(deferral.table());
                case DROP_COLUMN -> wantedTable != null && currentTable != null
                        && wantedTable.column(deferral.column()) == null && currentTable.column(deferral.column()) != null;
                case NOT_NULL -> wantedTable != null && wantedTable.column(deferral.column()) != null
                        && wantedTable.column(deferral.column()).notNull() && (currentTable == null
                                || currentTable.column(deferral.column()) == null
                                || !currentTable.column(deferral.column()).notNull());
            };
            if (open && !pending.contains(deferral)) {
                pending.add(deferral);
            }
        }
        return pending;
    }

    /** The desired schema with what the deferrals keep for the previous release. */
    static Schema keep(Schema wanted, Schema current, List<Deferral> deferrals) {
        Schema kept = wanted;
        for (Deferral deferral : pending(wanted, current, deferrals)) {
            switch (deferral.kind()) {
                case DROP_TABLE -> kept = kept.withTable(current.tables().get(deferral.table()));
                case DROP_SEQUENCE -> kept = kept.withSequence(current.sequences().get(deferral.table()));
                case DROP_COLUMN -> {
                    Table table = kept.tables().get(deferral.table());
                    Column column = current.tables().get(deferral.table()).column(deferral.column());
                    Map<String, Column> columns = new LinkedHashMap<>(table.columns());
                    columns.put(column.name(), required(column) ? column.withNotNull(false) : column);
                    kept = kept.withTable(table.withColumns(columns));
                }
                case NOT_NULL -> {
                    Table table = kept.tables().get(deferral.table());
                    Map<String, Column> columns = new LinkedHashMap<>(table.columns());
                    columns.computeIfPresent(deferral.column(), (name, column) -> column.withNotNull(false));
                    kept = kept.withTable(table.withColumns(columns));
                }
            }
        }
        // A table kept for the previous release refers only to tables that stay.
        for (Deferral deferral : deferrals) {
            Table table = (deferral.kind() == Deferral.Kind.DROP_TABLE) ? kept.tables().get(deferral.table()) : null;
            if (table == null || wanted.tables().containsKey(table.name())) {
                continue;
            }
            TreeMap<String, ForeignKey> foreignKeys = new TreeMap<>();
            for (ForeignKey foreignKey : table.foreignKeys().values()) {
                if (foreignKey.targetSchema() != null || kept.tables().containsKey(foreignKey.targetTable())) {
                    foreignKeys.put(foreignKey.name(), foreignKey);
                }
            }
            kept = kept.withTable(table.withForeignKeys(foreignKeys));
        }
        return kept;
    }

    /** Whether inserts that leave the column out fail: NOT NULL with nothing to fill it. */
    private static boolean required(Column column) {
        return column.notNull() && column.defaultExpression() == null && column.identity() == null
                && column.generated() == null;
    }

    private static boolean hasDefault(Schema schema, String table, String column) {
        Table found = schema.tables().get(table);
        Column existing = (found != null) ? found.column(column) : null;
        return existing != null && existing.defaultExpression() != null;
    }

}
