package dev.belay.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.belay.schema.ObjectId;
import dev.belay.schema.ObjectKind;
import dev.belay.schema.Schema;
import dev.belay.schema.SequenceOptions;
import dev.belay.schema.Table;
import dev.belay.schema.UnmanagedObject;

import org.jspecify.annotations.Nullable;

/**
 * Collects the hazards of one change, and knows which unmanaged objects (views, functions,
 * triggers) use which tables and columns.
 */
final class Hazards {

    private final Map<ObjectId, Set<UnmanagedObject>> unmanagedUsers = new HashMap<>();

    private final Schema current;

    Hazards(Schema current) {
        this.current = current;
        for (UnmanagedObject object : current.unmanaged()) {
            for (ObjectId dependency : object.dependencies()) {
                this.unmanagedUsers
                    .computeIfAbsent(dependency, (id) -> new TreeSet<>(
                            java.util.Comparator.comparing(UnmanagedObject::kind).thenComparing(UnmanagedObject::name)))
                    .add(object);
                if (dependency.kind() != ObjectKind.TABLE && dependency.table() != null) {
                    this.unmanagedUsers
                        .computeIfAbsent(dependency.tableId(), (id) -> new TreeSet<>(
                                java.util.Comparator.comparing(UnmanagedObject::kind).thenComparing(UnmanagedObject::name)))
                        .add(object);
                }
            }
        }
    }

    /** The indexes that read a column, those of its table's keys and unique constraints included, by name. */
    List<String> indexesOn(String table, String column) {
        Table owner = this.current.tables().get(table);
        if (owner == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (owner.primaryKey() != null && owner.primaryKey().columns().contains(column)) {
            names.add(owner.primaryKey().name());
        }
        owner.uniqueConstraints().values().stream().filter((unique) -> unique.columns().contains(column))
            .forEach((unique) -> names.add(unique.name()));
        owner.indexes().values().stream().filter((index) -> index.columns().contains(column))
            .forEach((index) -> names.add(index.name()));
        return names;
    }

    /** Whether new sequence limits are narrower, so the current value may lie outside them. */
    static boolean narrows(SequenceOptions old, SequenceOptions wanted) {
        return wanted.maxValue() < old.maxValue() || wanted.minValue() > old.minValue()
                || typeRank(wanted.dataType()) < typeRank(old.dataType());
    }

    /**
     * What new limits do to a sequence whose current value lies outside them, or {@code null}
     * when they are not narrower: the recipe moves the value rather than fail (see
     * {@code DatabaseActions.alterSequence}), so the next value may change.
     */
    static @Nullable String movesCurrentValue(SequenceOptions old, SequenceOptions wanted) {
        if (!narrows(old, wanted)) {
            return null;
        }
        boolean ascending = wanted.increment() > 0;
        boolean lowerNarrows = wanted.minValue() > old.minValue();
        boolean upperNarrows = wanted.maxValue() < old.maxValue() || typeRank(wanted.dataType()) < typeRank(old.dataType());
        List<String> moves = new ArrayList<>();
        if (ascending ? lowerNarrows : upperNarrows) {
            long from = ascending ? wanted.minValue() : wanted.maxValue();
            moves.add("a value " + (ascending ? "below MINVALUE " : "above MAXVALUE ") + from + " restarts at " + from);
        }
        if (ascending ? upperNarrows : lowerNarrows) {
            long towards = ascending ? wanted.maxValue() : wanted.minValue();
            long other = ascending ? wanted.minValue() : wanted.maxValue();
            moves.add("a value " + (ascending ? "above MAXVALUE " : "below MINVALUE ") + towards + " is set to " + towards
                    + " as given out, so the next value " + (wanted.cycle() ? "is " + other : "fails"));
        }
        return "the next value may move: " + String.join("; ", moves);
    }

    private static int typeRank(String type) {
        return switch (type) {
            case "smallint" -> 0;
            case "integer" -> 1;
            default -> 2;
        };
    }

    /** A new, empty list of hazards for one change. */
    static Builder on(ObjectId object) {
        return new Builder(object);
    }

    /**
     * Adds a hazard when an unmanaged object uses the given table or column. Triggers and
     * exclusion constraints belong to their table: dropping the table drops them too, which the
     * hazard says; anything else (a view, a function) makes the statement fail.
     */
    void breaksUnmanaged(Builder hazards, ObjectId used, String what) {
        Set<UnmanagedObject> users = this.unmanagedUsers.get(used);
        if (users == null || users.isEmpty()) {
            return;
        }
        boolean droppingTable = used.kind() == ObjectKind.TABLE;
        List<UnmanagedObject> blocking = users.stream().filter((user) -> !droppingTable || !ownedByTable(user)).toList();
        List<UnmanagedObject> dropped = users.stream().filter((user) -> droppingTable && ownedByTable(user)).toList();
        if (!blocking.isEmpty()) {
            hazards.add(HazardKind.BREAKS_UNMANAGED, names(blocking) + ((blocking.size() == 1) ? " uses" : " use")
                    + " it: " + what + " fails until " + ((blocking.size() == 1) ? "that is" : "they are")
                    + " dropped or changed first");
        }
        if (!dropped.isEmpty()) {
            hazards.add(HazardKind.BREAKS_UNMANAGED, what + " drops " + names(dropped) + " with it");
        }
    }

    private static boolean ownedByTable(UnmanagedObject object) {
        return object.kind().equals("trigger") || object.kind().equals("exclusion constraint");
    }

    private static String names(List<UnmanagedObject> objects) {
        return objects.stream().map(UnmanagedObject::toString).collect(Collectors.joining(", "));
    }

    /** The hazards of one change, in the order they were found. */
    static final class Builder {

        private final ObjectId object;

        private final List<Hazard> hazards = new ArrayList<>();

        private Builder(ObjectId object) {
            this.object = object;
        }

        Builder add(HazardKind kind, String reason) {
            this.hazards.add(new Hazard(kind, this.object, reason));
            return this;
        }

        Builder addIf(boolean condition, HazardKind kind, String reason) {
            return condition ? add(kind, reason) : this;
        }

        List<Hazard> build() {
            return List.copyOf(this.hazards);
        }

    }

}
