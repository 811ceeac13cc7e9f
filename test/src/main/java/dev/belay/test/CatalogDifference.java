package dev.belay.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.belay.actions.SchemaSnapshot;
import dev.belay.actions.SchemaSnapshot.ObjectDifference;
import dev.belay.diff.DiffOptions;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.SchemaDiff;
import dev.belay.schema.DbObject;
import dev.belay.schema.ObjectId;
import dev.belay.schema.ObjectKind;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;

/**
 * What differs between the schema a stairway step expected and the one it found, object by object
 * (each as the SQL that creates it) and as the statements that would turn the one found into the
 * one expected; less what the revision declared that its {@code down} keeps, and what depends only
 * on that.
 *
 * @param differences the objects that differ, each with its SQL on either side
 * @param restoring the statements that would turn the schema found into the one expected
 */
record CatalogDifference(List<ObjectDifference> differences, List<String> restoring) {

    /**
     * The difference between {@code expected} and {@code found}, not counting objects that only
     * {@code found} has and that {@code kept} names (or that need such an object).
     */
    static CatalogDifference between(Schema expected, Schema found, Set<String> kept, int serverVersion) {
        Set<ObjectId> allowed = keptObjects(expected, found, kept);
        Schema foundWithoutKept = without(found, allowed);
        List<ObjectDifference> differences = SchemaSnapshot.of(expected)
            .differencesTo(SchemaSnapshot.of(foundWithoutKept));
        if (differences.isEmpty()) {
            return new CatalogDifference(List.of(), List.of());
        }
        MigrationPlan back = SchemaDiff.between(foundWithoutKept, expected,
                DiffOptions.defaults().withServerVersion(serverVersion));
        return new CatalogDifference(differences, back.statements());
    }

    boolean isEmpty() {
        return this.differences.isEmpty();
    }

    /**
     * The difference as text: each object as it was expected ({@code -}) and as it was found
     * ({@code +}), then the SQL that would restore it.
     */
    String describe(String expectedSide, String foundSide) {
        StringBuilder text = new StringBuilder();
        text.append("  (- ").append(expectedSide).append(", + ").append(foundSide).append(")\n");
        for (ObjectDifference difference : this.differences) {
            if (difference.before() != null) {
                text.append("  - ").append(difference.object()).append(": ").append(difference.before()).append('\n');
            }
            if (difference.after() != null) {
                text.append("  + ").append(difference.object()).append(": ").append(difference.after()).append('\n');
            }
        }
        if (!this.restoring.isEmpty()) {
            text.append("SQL that would turn the schema ").append(foundSide).append(" into the one ").append(expectedSide)
                .append(":\n");
            text.append(this.restoring.stream().map((sql) -> "  " + sql + ";").collect(Collectors.joining("\n")))
                .append('\n');
        }
        return text.toString();
    }

    /**
     * The objects of {@code found} that {@code expected} lacks and that the kept names cover: the
     * named tables, columns, sequences and enum types, and transitively whatever needs them.
     */
    private static Set<ObjectId> keptObjects(Schema expected, Schema found, Set<String> kept) {
        if (kept.isEmpty()) {
            return Set.of();
        }
        Predicate<DbObject> named = (object) -> kept.contains(nameOf(object.id()));
        Set<ObjectId> allowed = new LinkedHashSet<>();
        List<DbObject> extra = found.objects().stream().filter((object) -> !expected.contains(object.id())).toList();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (DbObject object : extra) {
                if (allowed.contains(object.id())) {
                    continue;
                }
                if (named.test(object) || inKeptTable(object.id(), kept)
                        || found.dependenciesOf(object).stream().anyMatch(allowed::contains)) {
                    grew |= allowed.add(object.id());
                }
            }
        }
        return allowed;
    }

    private static boolean inKeptTable(ObjectId id, Set<String> kept) {
        return id.table() != null && kept.contains(id.table());
    }

    /** How {@code @DownKeeps} names an object: {@code table.column}, or the plain name. */
    private static String nameOf(ObjectId id) {
        return (id.kind() == ObjectKind.COLUMN) ? id.table() + "." + id.name() : id.name();
    }

    /** The schema without the given objects (and, for a table, its parts). */
    private static Schema without(Schema schema, Set<ObjectId> ids) {
        if (ids.isEmpty()) {
            return schema;
        }
        Schema result = schema;
        for (ObjectId id : ids) {
            switch (id.kind()) {
                case TABLE -> result = result.withoutTable(id.name());
                case SEQUENCE -> result = result.withoutSequence(id.name());
                case ENUM_TYPE -> result = result.withoutEnumType(id.name());
                case CAST -> result = result.withoutCast(id);
                default -> {
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        for (Table table : result.tables().values()) {
            tables.add(table.withColumns(kept(table.columns(), ids))
                .withPrimaryKey((table.primaryKey() != null && ids.contains(table.primaryKey().id())) ? null
                        : table.primaryKey())
                .withForeignKeys(kept(table.foreignKeys(), ids))
                .withUniqueConstraints(kept(table.uniqueConstraints(), ids))
                .withCheckConstraints(kept(table.checkConstraints(), ids))
                .withIndexes(kept(table.indexes(), ids)));
        }
        for (Table table : tables) {
            result = result.withTable(table);
        }
        return result;
    }

    private static <T extends DbObject> Map<String, T> kept(Map<String, T> parts, Set<ObjectId> ids) {
        return parts.entrySet()
            .stream()
            .filter((entry) -> !ids.contains(entry.getValue().id()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

}
