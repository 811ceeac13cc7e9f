package dev.belay.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.DbObject;
import dev.belay.schema.EnumType;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.GeneratedColumn;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Index;
import dev.belay.schema.ObjectId;
import dev.belay.schema.ObjectKind;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.Schema;
import dev.belay.schema.Sequence;
import dev.belay.schema.Table;
import dev.belay.schema.UniqueConstraint;
import dev.belay.schema.UnmanagedObject;

import org.jspecify.annotations.Nullable;

/**
 * Builds the schema a database will have after renames or drops, so that the rest of the diff
 * compares like with like: after {@code ALTER TABLE ride RENAME TO trip} every key, index,
 * foreign key and expression that named {@code ride} or its columns names the new ones.
 */
final class SchemaRewriter {

    private SchemaRewriter() {
    }

    /**
     * Renames tables and columns everywhere they are named.
     * @param schema the schema before the renames
     * @param tables table renames, old name to new name
     * @param columns column renames by the table's new name, old name to new name
     */
    static Schema rename(Schema schema, Map<String, String> tables, Map<String, Map<String, String>> columns) {
        if (tables.isEmpty() && columns.isEmpty()) {
            return schema;
        }
        UnaryOperator<String> table = (name) -> tables.getOrDefault(name, name);
        SortedMap<String, Table> renamedTables = new TreeMap<>();
        for (Table old : schema.tables().values()) {
            String name = table.apply(old.name());
            Map<String, String> own = columns.getOrDefault(name, Map.of());
            UnaryOperator<String> column = (col) -> own.getOrDefault(col, col);
            Map<String, Column> renamedColumns = new LinkedHashMap<>();
            for (Column each : old.columns().values()) {
                Column renamed = each.renamed(name, column.apply(each.name()));
                if (each.generated() != null) {
                    renamed = renamed.withGenerated(new GeneratedColumn(
                            Expressions.renameColumns(each.generated().expression(), own), each.generated().kind()));
                }
                renamedColumns.put(renamed.name(), renamed);
            }
            PrimaryKey primaryKey = (old.primaryKey() != null) ? new PrimaryKey(name, old.primaryKey().name(),
                    map(old.primaryKey().columns(), column), old.primaryKey().deferrability()) : null;
            Map<String, ForeignKey> foreignKeys = new TreeMap<>();
            for (ForeignKey fk : old.foreignKeys().values()) {
                String target = fk.targetsThisSchema() ? table.apply(fk.targetTable()) : fk.targetTable();
                Map<String, String> targetRenames = fk.targetsThisSchema() ? columns.getOrDefault(target, Map.of())
                        : Map.of();
                foreignKeys.put(fk.name(), new ForeignKey(name, fk.name(), map(fk.columns(), column), fk.targetSchema(),
                        target, map(fk.targetColumns(), (col) -> targetRenames.getOrDefault(col, col)), fk.onUpdate(),
                        fk.onDelete(), fk.match(), fk.deferrability()));
            }
            Map<String, UniqueConstraint> uniques = new TreeMap<>();
            for (UniqueConstraint unique : old.uniqueConstraints().values()) {
                uniques.put(unique.name(), new UniqueConstraint(name, unique.name(), map(unique.columns(), column),
                        unique.nullsNotDistinct(), unique.deferrability()));
            }
            Map<String, CheckConstraint> checks = new TreeMap<>();
            for (CheckConstraint check : old.checkConstraints().values()) {
                checks.put(check.name(), new CheckConstraint(name, check.name(),
                        Expressions.renameColumns(check.expression(), own), map(check.columns(), column)));
            }
            Map<String, Index> indexes = new TreeMap<>();
            for (Index index : old.indexes().values()) {
                indexes.put(index.name(), new Index(name, index.name(), index.unique(), index.method(),
                        map(index.keys(), (key) -> Expressions.renameColumns(key, own)), map(index.include(), column),
                        (index.predicate() != null) ? Expressions.renameColumns(index.predicate(), own) : null,
                        index.nullsNotDistinct(), new TreeSet<>(map(List.copyOf(index.columns()), column))));
            }
            renamedTables.put(name, new Table(name, renamedColumns, primaryKey, new TreeMap<>(foreignKeys),
                    new TreeMap<>(uniques), new TreeMap<>(checks), new TreeMap<>(indexes), old.comment()));
        }
        SortedMap<String, Sequence> sequences = new TreeMap<>();
        for (Sequence sequence : schema.sequences().values()) {
            Sequence.ColumnRef owner = sequence.ownedBy();
            if (owner != null) {
                String ownerTable = table.apply(owner.table());
                owner = new Sequence.ColumnRef(ownerTable,
                        columns.getOrDefault(ownerTable, Map.of()).getOrDefault(owner.column(), owner.column()));
            }
            sequences.put(sequence.name(), new Sequence(sequence.name(), sequence.options(), owner));
        }
        List<UnmanagedObject> unmanaged = new ArrayList<>();
        for (UnmanagedObject object : schema.unmanaged()) {
            Set<ObjectId> dependencies = new HashSet<>();
            for (ObjectId id : object.dependencies()) {
                if (id.kind() == ObjectKind.TABLE) {
                    dependencies.add(ObjectId.table(table.apply(id.name())));
                }
                else if (id.table() != null) {
                    String newTable = table.apply(id.table());
                    String name = (id.kind() == ObjectKind.COLUMN)
                            ? columns.getOrDefault(newTable, Map.of()).getOrDefault(id.name(), id.name()) : id.name();
                    dependencies.add(ObjectId.onTable(id.kind(), newTable, name));
                }
                else {
                    dependencies.add(id);
                }
            }
            unmanaged.add(UnmanagedObject.of(object.kind(), object.name(), dependencies));
        }
        return new Schema(schema.enumTypes(), sequences, renamedTables, schema.casts(), unmanaged);
    }

    /** Renames labels of one enum type, in the type and in every expression that compares with them. */
    static Schema renameEnumLabels(Schema schema, String type, Map<String, String> labels) {
        EnumType enumType = schema.enumTypes().get(type);
        if (enumType == null || labels.isEmpty()) {
            return schema;
        }
        Schema renamed = schema.withEnumType(
                new EnumType(type, enumType.labels().stream().map((label) -> labels.getOrDefault(label, label)).toList()));
        return mapExpressions(renamed, (sql) -> Expressions.renameEnumLabels(sql, type, labels));
    }

    /** Renames a sequence, and the defaults that draw from it. */
    static Schema renameSequence(Schema schema, String from, String to) {
        Sequence sequence = schema.sequences().get(from);
        if (sequence == null) {
            return schema;
        }
        String oldReference = Identifiers.literal(Identifiers.quote(from)) + "::regclass";
        String newReference = Identifiers.literal(Identifiers.quote(to)) + "::regclass";
        Schema renamed = schema.withoutSequence(from).withSequence(new Sequence(to, sequence.options(), sequence.ownedBy()));
        SortedMap<String, Table> tables = new TreeMap<>();
        for (Table table : renamed.tables().values()) {
            Map<String, Column> columns = new LinkedHashMap<>();
            for (Column column : table.columns().values()) {
                String defaultExpression = column.defaultExpression();
                columns.put(column.name(), (defaultExpression != null && defaultExpression.contains(oldReference))
                        ? column.withDefault(defaultExpression.replace(oldReference, newReference)) : column);
            }
            tables.put(table.name(), table.withColumns(columns));
        }
        return new Schema(renamed.enumTypes(), renamed.sequences(), tables, renamed.casts(), renamed.unmanaged());
    }

    /** Renames a key, constraint or index of a table. */
    static Schema renamePart(Schema schema, ObjectId part, String to) {
        Table table = schema.tables().get(part.table());
        DbObject old = schema.find(part).orElse(null);
        if (table == null || old == null) {
            return schema;
        }
        DbObject renamed = renamed(old, to);
        String from = part.name();
        Table result = switch (part.kind()) {
            case PRIMARY_KEY -> table.withPrimaryKey((PrimaryKey) renamed);
            case UNIQUE_CONSTRAINT -> table.withUniqueConstraints(
                    replace(table.uniqueConstraints(), from, to, (UniqueConstraint) renamed));
            case CHECK_CONSTRAINT -> table.withCheckConstraints(
                    replace(table.checkConstraints(), from, to, (CheckConstraint) renamed));
            case FOREIGN_KEY -> table.withForeignKeys(replace(table.foreignKeys(), from, to, (ForeignKey) renamed));
            case INDEX -> table.withIndexes(replace(table.indexes(), from, to, (Index) renamed));
            default -> throw new IllegalArgumentException("Not a part that can be renamed: " + part);
        };
        return schema.withTable(result);
    }

    /** The same key, constraint or index under another name. */
    static DbObject renamed(DbObject part, String to) {
        if (part instanceof PrimaryKey key) {
            return new PrimaryKey(key.table(), to, key.columns(), key.deferrability());
        }
        if (part instanceof UniqueConstraint unique) {
            return new UniqueConstraint(unique.table(), to, unique.columns(), unique.nullsNotDistinct(),
                    unique.deferrability());
        }
        if (part instanceof CheckConstraint check) {
            return new CheckConstraint(check.table(), to, check.expression(), check.columns());
        }
        if (part instanceof ForeignKey fk) {
            return new ForeignKey(fk.table(), to, fk.columns(), fk.targetSchema(), fk.targetTable(), fk.targetColumns(),
                    fk.onUpdate(), fk.onDelete(), fk.match(), fk.deferrability());
        }
        if (part instanceof Index index) {
            return new Index(index.table(), to, index.unique(), index.method(), index.keys(), index.include(),
                    index.predicate(), index.nullsNotDistinct(), index.columns());
        }
        throw new IllegalArgumentException("Not a part that can be renamed: " + part.id());
    }

    private static <V> Map<String, V> replace(Map<String, V> map, String from, String to, V value) {
        Map<String, V> copy = new TreeMap<>(map);
        copy.remove(from);
        copy.put(to, value);
        return copy;
    }

    /**
     * The schema without the given objects and everything that depends on them, as PostgreSQL
     * leaves it after dropping them: a dropped table takes its parts, a dropped column the keys,
     * constraints and indexes on it and the sequences it owns; foreign keys to a dropped key go.
     */
    static Schema without(Schema schema, Set<ObjectId> roots) {
        Set<ObjectId> removed = new HashSet<>(roots);
        Dependencies dependencies = new Dependencies(schema);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (DbObject object : schema.objects()) {
                if (!removed.contains(object.id()) && (dependsOnAny(dependencies.of(object), removed)
                        || (object.id().table() != null && removed.contains(object.id().tableId())))) {
                    removed.add(object.id());
                    grew = true;
                }
            }
            for (Sequence sequence : schema.sequences().values()) {
                if (!removed.contains(sequence.id()) && sequence.ownedBy() != null
                        && (removed.contains(sequence.ownedBy().id())
                                || removed.contains(ObjectId.table(sequence.ownedBy().table())))) {
                    removed.add(sequence.id());
                    grew = true;
                }
            }
        }
        Schema result = schema;
        for (ObjectId id : removed) {
            result = remove(result, id);
        }
        return result;
    }

    private static boolean dependsOnAny(Set<ObjectId> dependencies, Set<ObjectId> removed) {
        for (ObjectId dependency : dependencies) {
            if (removed.contains(dependency)) {
                return true;
            }
        }
        return false;
    }

    private static Schema remove(Schema schema, ObjectId id) {
        return switch (id.kind()) {
            case ENUM_TYPE -> schema.withoutEnumType(id.name());
            case SEQUENCE -> schema.withoutSequence(id.name());
            case TABLE -> schema.withoutTable(id.name());
            case CAST -> schema.withoutCast(id);
            default -> {
                Table table = schema.tables().get(id.table());
                yield (table != null) ? schema.withTable(removePart(table, id)) : schema;
            }
        };
    }

    private static Table removePart(Table table, ObjectId id) {
        return switch (id.kind()) {
            case COLUMN -> {
                Map<String, Column> columns = new LinkedHashMap<>(table.columns());
                columns.remove(id.name());
                yield table.withColumns(columns);
            }
            case PRIMARY_KEY -> table.withPrimaryKey(null);
            case FOREIGN_KEY -> table.withForeignKeys(without(table.foreignKeys(), id.name()));
            case UNIQUE_CONSTRAINT -> table.withUniqueConstraints(without(table.uniqueConstraints(), id.name()));
            case CHECK_CONSTRAINT -> table.withCheckConstraints(without(table.checkConstraints(), id.name()));
            case INDEX -> table.withIndexes(without(table.indexes(), id.name()));
            default -> table;
        };
    }

    private static <V> Map<String, V> without(Map<String, V> map, String name) {
        Map<String, V> copy = new TreeMap<>(map);
        copy.remove(name);
        return copy;
    }

    /** Applies a rewrite to every SQL expression: defaults, generation expressions, checks, index keys and predicates. */
    private static Schema mapExpressions(Schema schema, UnaryOperator<String> rewrite) {
        SortedMap<String, Table> tables = new TreeMap<>();
        for (Table table : schema.tables().values()) {
            Map<String, Column> columns = new LinkedHashMap<>();
            for (Column column : table.columns().values()) {
                Column mapped = column.withDefault(apply(rewrite, column.defaultExpression()));
                if (column.generated() != null) {
                    mapped = mapped.withGenerated(new GeneratedColumn(rewrite.apply(column.generated().expression()),
                            column.generated().kind()));
                }
                columns.put(column.name(), mapped);
            }
            Map<String, CheckConstraint> checks = new TreeMap<>();
            table.checkConstraints().forEach((name, check) -> checks.put(name,
                    new CheckConstraint(check.table(), name, rewrite.apply(check.expression()), check.columns())));
            Map<String, Index> indexes = new TreeMap<>();
            table.indexes().forEach((name, index) -> indexes.put(name, new Index(index.table(), name, index.unique(),
                    index.method(), map(index.keys(), rewrite), index.include(), apply(rewrite, index.predicate()),
                    index.nullsNotDistinct(), index.columns())));
            tables.put(table.name(), table.withColumns(columns).withCheckConstraints(checks).withIndexes(indexes));
        }
        return new Schema(schema.enumTypes(), schema.sequences(), tables, schema.casts(), schema.unmanaged());
    }

    private static @Nullable String apply(UnaryOperator<String> rewrite, @Nullable String sql) {
        return (sql != null) ? rewrite.apply(sql) : null;
    }

    private static List<String> map(List<String> names, UnaryOperator<String> rename) {
        return names.stream().map(rename).toList();
    }

}
