package dev.belay.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.belay.actions.Names;
import dev.belay.schema.EnumType;
import dev.belay.schema.Identifiers;
import dev.belay.schema.ObjectId;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;

/**
 * Plans a diff with rename hints in three stages, each a plain diff from a known state:
 * <ol>
 * <li>drop what stands in a rename's way: when {@code ride} is renamed to {@code trip} and the
 * current schema has a {@code trip} that is not renamed itself, that {@code trip} is dropped
 * first (the way back of "rename a to b, create a new a" needs exactly this);</li>
 * <li>the renames: tables, then columns, then enum labels, ordered so that a chain
 * ({@code b → c}, {@code a → b}) frees each name before it is taken, and a cycle (a swap) goes
 * through a temporary name;</li>
 * <li>the diff from the renamed current schema to the desired one.</li>
 * </ol>
 */
final class RenamePlanner {

    private RenamePlanner() {
    }

    static Planner.Planned plan(Schema current, Schema desired, DiffOptions options) {
        if (!options.hasRenames()) {
            return Planner.plan(current, desired, options);
        }
        validate(current, desired, options);
        DiffOptions plain = options.withoutRenames();
        List<Change> changes = new ArrayList<>();

        Set<ObjectId> inTheWay = inTheWay(current, options);
        Schema cleared = inTheWay.isEmpty() ? current : SchemaRewriter.without(current, inTheWay);
        if (!inTheWay.isEmpty()) {
            // Only drops: nothing to note.
            changes.addAll(Planner.plan(current, cleared, plain).changes());
        }

        Set<String> taken = new HashSet<>(cleared.tables().keySet());
        taken.addAll(desired.tables().keySet());
        for (Rename rename : order(options.tableRenames(), cleared.tables().keySet(), taken)) {
            changes.add(new Change.RenameTable(rename.from(), rename.to(), List.of()));
        }
        Map<String, Map<String, String>> columnRenames = new TreeMap<>();
        for (DiffOptions.ColumnRename rename : options.columnRenames()) {
            String table = options.tableRenames().getOrDefault(rename.table(), rename.table());
            columnRenames.computeIfAbsent(table, (key) -> new TreeMap<>()).put(rename.from(), rename.to());
        }
        for (Map.Entry<String, Map<String, String>> entry : columnRenames.entrySet()) {
            String table = entry.getKey();
            Map<String, String> renames = entry.getValue();
            String currentName = options.tableRenames()
                .entrySet()
                .stream()
                .filter((tableRename) -> tableRename.getValue().equals(table))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(table);
            Set<String> columns = cleared.tables().get(currentName).columns().keySet();
            Set<String> names = new HashSet<>(columns);
            names.addAll(desired.tables().get(table).columns().keySet());
            for (Rename rename : order(renames, columns, names)) {
                changes.add(new Change.RenameColumn(table, rename.from(), rename.to(), List.of()));
            }
        }
        Schema renamed = SchemaRewriter.rename(cleared, options.tableRenames(), columnRenames);

        Map<String, Map<String, String>> labelRenames = new TreeMap<>();
        for (DiffOptions.EnumValueRename rename : options.enumValueRenames()) {
            labelRenames.computeIfAbsent(rename.type(), (key) -> new TreeMap<>()).put(rename.from(), rename.to());
        }
        for (Map.Entry<String, Map<String, String>> entry : labelRenames.entrySet()) {
            String type = entry.getKey();
            List<String> labels = renamed.enumTypes().get(type).labels();
            Set<String> names = new HashSet<>(labels);
            names.addAll(desired.enumTypes().get(type).labels());
            for (Rename rename : order(entry.getValue(), Set.copyOf(labels), names)) {
                changes.add(new Change.RenameEnumValue(type, rename.from(), rename.to(), List.of()));
            }
            renamed = SchemaRewriter.renameEnumLabels(renamed, type, entry.getValue());
        }

        Planner.Planned rest = Planner.plan(renamed, desired, plain);
        changes.addAll(rest.changes());
        return new Planner.Planned(changes, rest.notes());
    }

    /** Current tables and columns that have a name a rename needs, and are not renamed away themselves. */
    private static Set<ObjectId> inTheWay(Schema current, DiffOptions options) {
        Set<ObjectId> inTheWay = new HashSet<>();
        for (String to : options.tableRenames().values()) {
            if (current.tables().containsKey(to) && !options.tableRenames().containsKey(to)) {
                inTheWay.add(ObjectId.table(to));
            }
        }
        for (DiffOptions.ColumnRename rename : options.columnRenames()) {
            Table table = current.tables().get(rename.table());
            if (table.column(rename.to()) != null && options.columnRenames()
                .stream()
                .noneMatch((other) -> other.table().equals(rename.table()) && other.from().equals(rename.to()))) {
                if (inTheWay.contains(table.id())) {
                    throw new IllegalArgumentException("Rename hint for column " + table.name() + "." + rename.from()
                            + ": table " + table.name() + " is dropped to make way for a renamed table");
                }
                inTheWay.add(ObjectId.column(table.name(), rename.to()));
            }
        }
        return inTheWay;
    }

    /**
     * The renames in an order that frees each name before it is taken; a cycle is broken by a
     * temporary name that neither schema uses.
     */
    static List<Rename> order(Map<String, String> renames, Set<String> existing, Set<String> taken) {
        Map<String, String> pending = new TreeMap<>(renames);
        Set<String> names = new HashSet<>(existing);
        Set<String> reserved = new HashSet<>(taken);
        List<Rename> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            Map.Entry<String, String> next = null;
            for (Map.Entry<String, String> entry : pending.entrySet()) {
                if (!names.contains(entry.getValue())) {
                    next = entry;
                    break;
                }
            }
            if (next != null) {
                order.add(new Rename(next.getKey(), next.getValue()));
                names.remove(next.getKey());
                names.add(next.getValue());
                pending.remove(next.getKey());
                continue;
            }
            String from = pending.keySet().iterator().next();
            String temporary = Names.derived(from, "_belay_swap");
            for (int i = 2; reserved.contains(temporary); i++) {
                temporary = Names.derived(from, "_belay_swap" + i);
            }
            reserved.add(temporary);
            order.add(new Rename(from, temporary));
            names.remove(from);
            names.add(temporary);
            pending.put(temporary, pending.remove(from));
        }
        return order;
    }

    private static void validate(Schema current, Schema desired, DiffOptions options) {
        options.tableRenames().forEach((from, to) -> {
            String hint = "Rename hint " + Identifiers.quote(from) + " → " + Identifiers.quote(to) + ": ";
            require(!from.equals(to), hint + "the names are the same");
            require(current.tables().containsKey(from), hint + "the current schema has no table " + Identifiers.quote(from));
            require(desired.tables().containsKey(to), hint + "the desired schema has no table " + Identifiers.quote(to));
        });
        Map<String, String> seen = new LinkedHashMap<>();
        for (DiffOptions.ColumnRename rename : options.columnRenames()) {
            String table = rename.table();
            String desiredTable = options.tableRenames().getOrDefault(table, table);
            String hint = "Rename hint for column " + Identifiers.quote(table) + "." + Identifiers.quote(rename.from())
                    + " → " + Identifiers.quote(rename.to()) + ": ";
            require(!rename.from().equals(rename.to()), hint + "the names are the same");
            Table currentTable = current.tables().get(table);
            require(currentTable != null, hint + "the current schema has no table " + Identifiers.quote(table)
                    + " (name the table as it is now, before any table rename)");
            require(currentTable.column(rename.from()) != null,
                    hint + "table " + Identifiers.quote(table) + " has no column " + Identifiers.quote(rename.from()));
            Table desiredTableValue = desired.tables().get(desiredTable);
            require(desiredTableValue != null, hint + "the desired schema has no table " + Identifiers.quote(desiredTable));
            require(desiredTableValue.column(rename.to()) != null, hint + "the desired table "
                    + Identifiers.quote(desiredTable) + " has no column " + Identifiers.quote(rename.to()));
            String key = desiredTable + "\0" + rename.to();
            require(seen.put(key, rename.from()) == null,
                    hint + "another column is renamed to " + Identifiers.quote(rename.to()) + " too");
        }
        Map<String, Set<String>> targets = new TreeMap<>();
        for (DiffOptions.EnumValueRename rename : options.enumValueRenames()) {
            String hint = "Rename hint for label " + Identifiers.literal(rename.from()) + " of enum type "
                    + Identifiers.quote(rename.type()) + " → " + Identifiers.literal(rename.to()) + ": ";
            require(!rename.from().equals(rename.to()), hint + "the labels are the same");
            EnumType type = current.enumTypes().get(rename.type());
            require(type != null, hint + "the current schema has no enum type " + Identifiers.quote(rename.type()));
            require(type.labels().contains(rename.from()), hint + "the type has no such label");
            EnumType wanted = desired.enumTypes().get(rename.type());
            require(wanted != null && wanted.labels().contains(rename.to()),
                    hint + "the desired type has no label " + Identifiers.literal(rename.to()));
            require(targets.computeIfAbsent(rename.type(), (key) -> new HashSet<>()).add(rename.to()),
                    hint + "another label is renamed to " + Identifiers.literal(rename.to()) + " too");
            boolean renamedAway = options.enumValueRenames()
                .stream()
                .anyMatch((other) -> other.type().equals(rename.type()) && other.from().equals(rename.to()));
            require(!type.labels().contains(rename.to()) || renamedAway, hint + "the type already has label "
                    + Identifiers.literal(rename.to()) + "; remove or rename it in an earlier revision");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** One rename step. */
    record Rename(String from, String to) {

    }

}
