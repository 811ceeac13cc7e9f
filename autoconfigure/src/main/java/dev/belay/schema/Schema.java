package dev.belay.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One PostgreSQL schema as Belay sees it: a value. Two schemas are equal exactly when every
 * modelled property of every object is the same; the schema's own name is not part of the value,
 * so the same DDL run in two schemas gives equal values.
 *
 * @param enumTypes native enum types by name
 * @param sequences stand-alone sequences by name
 * @param tables tables by name
 * @param casts casts from or to the enum types, by the name of their id ({@code source AS target});
 * PostgreSQL keeps them for the whole database, Belay with the schema of their enum type
 * @param unmanaged objects Belay does not model and leaves alone, sorted by kind and name
 */
public record Schema(SortedMap<String, EnumType> enumTypes, SortedMap<String, Sequence> sequences,
        SortedMap<String, Table> tables, SortedMap<String, Cast> casts, List<UnmanagedObject> unmanaged) {

    private static final Schema EMPTY = new Schema(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
            List.of());

    public Schema {
        enumTypes = Collections.unmodifiableSortedMap(new TreeMap<>(enumTypes));
        sequences = Collections.unmodifiableSortedMap(new TreeMap<>(sequences));
        tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        casts = Collections.unmodifiableSortedMap(new TreeMap<>(casts));
        unmanaged = unmanaged.stream()
            .sorted(Comparator.comparing(UnmanagedObject::kind).thenComparing(UnmanagedObject::name))
            .toList();
        enumTypes.forEach((name, type) -> requireFiled("Enum type", name, type.name()));
        sequences.forEach((name, sequence) -> requireFiled("Sequence", name, sequence.name()));
        tables.forEach((name, table) -> requireFiled("Table", name, table.name()));
        casts.forEach((name, cast) -> requireFiled("Cast", name, cast.id().name()));
    }

    /** A schema without casts. */
    public Schema(SortedMap<String, EnumType> enumTypes, SortedMap<String, Sequence> sequences,
            SortedMap<String, Table> tables, List<UnmanagedObject> unmanaged) {
        this(enumTypes, sequences, tables, new TreeMap<>(), unmanaged);
    }

    /** A schema with nothing in it. */
    public static Schema empty() {
        return EMPTY;
    }

    /** A schema with the given objects and no unmanaged ones. */
    public static Schema of(Collection<EnumType> enumTypes, Collection<Sequence> sequences, Collection<Table> tables) {
        return new Schema(byName(enumTypes, EnumType::name), byName(sequences, Sequence::name),
                byName(tables, Table::name), List.of());
    }

    /** A schema with the given objects and no unmanaged ones. */
    public static Schema of(Collection<EnumType> enumTypes, Collection<Sequence> sequences, Collection<Table> tables,
            Collection<Cast> casts) {
        return new Schema(byName(enumTypes, EnumType::name), byName(sequences, Sequence::name),
                byName(tables, Table::name), byName(casts, (cast) -> cast.id().name()), List.of());
    }

    /** Whether the schema has no managed object (unmanaged ones may exist). */
    public boolean isEmpty() {
        return this.enumTypes.isEmpty() && this.sequences.isEmpty() && this.tables.isEmpty() && this.casts.isEmpty();
    }

    /**
     * Every managed object in a fixed order: enum types, sequences, then each table followed by its
     * columns, keys, constraints and indexes, then casts.
     */
    public List<DbObject> objects() {
        List<DbObject> objects = new ArrayList<>(this.enumTypes.values());
        objects.addAll(this.sequences.values());
        for (Table table : this.tables.values()) {
            objects.add(table);
            objects.addAll(table.parts());
        }
        objects.addAll(this.casts.values());
        return Collections.unmodifiableList(objects);
    }

    /** The object with the given id, if the schema has it. */
    public Optional<DbObject> find(ObjectId id) {
        return Optional.ofNullable(lookup(id));
    }

    public boolean contains(ObjectId id) {
        return lookup(id) != null;
    }

    private @Nullable DbObject lookup(ObjectId id) {
        return switch (id.kind()) {
            case ENUM_TYPE -> this.enumTypes.get(id.name());
            case SEQUENCE -> this.sequences.get(id.name());
            case TABLE -> this.tables.get(id.name());
            case CAST -> this.casts.get(id.name());
            default -> {
                Table table = this.tables.get(id.table());
                yield (table != null) ? part(table, id) : null;
            }
        };
    }

    private static @Nullable DbObject part(Table table, ObjectId id) {
        return switch (id.kind()) {
            case COLUMN -> table.columns().get(id.name());
            case PRIMARY_KEY -> (table.primaryKey() != null && table.primaryKey().name().equals(id.name()))
                    ? table.primaryKey() : null;
            case FOREIGN_KEY -> table.foreignKeys().get(id.name());
            case UNIQUE_CONSTRAINT -> table.uniqueConstraints().get(id.name());
            case CHECK_CONSTRAINT -> table.checkConstraints().get(id.name());
            case INDEX -> table.indexes().get(id.name());
            default -> null;
        };
    }

    /**
     * The objects of this schema that {@code object} needs: its own {@link DbObject#dependencies()}
     * that exist here and, for a foreign key, the primary key, unique constraint or unique index
     * that the referenced columns rely on.
     */
    public Set<ObjectId> dependenciesOf(DbObject object) {
        Set<ObjectId> resolved = new LinkedHashSet<>();
        for (ObjectId id : object.dependencies()) {
            if (contains(id)) {
                resolved.add(id);
            }
        }
        if (object instanceof ForeignKey foreignKey && foreignKey.targetsThisSchema()) {
            referencedKey(foreignKey).ifPresent(resolved::add);
        }
        resolved.remove(object.id());
        return Collections.unmodifiableSet(resolved);
    }

    /**
     * The primary key, unique constraint or unique index of the referenced table whose columns are
     * exactly the foreign key's target columns, as PostgreSQL requires.
     */
    public Optional<ObjectId> referencedKey(ForeignKey foreignKey) {
        Table target = this.tables.get(foreignKey.targetTable());
        if (target == null || !foreignKey.targetsThisSchema()) {
            return Optional.empty();
        }
        Set<String> wanted = new HashSet<>(foreignKey.targetColumns());
        if (target.primaryKey() != null && new HashSet<>(target.primaryKey().columns()).equals(wanted)) {
            return Optional.of(target.primaryKey().id());
        }
        for (UniqueConstraint unique : target.uniqueConstraints().values()) {
            if (new HashSet<>(unique.columns()).equals(wanted)) {
                return Optional.of(unique.id());
            }
        }
        for (Index index : target.indexes().values()) {
            if (index.unique() && index.predicate() == null && new HashSet<>(index.keys()).equals(quoted(wanted))) {
                return Optional.of(index.id());
            }
        }
        return Optional.empty();
    }

    private static Set<String> quoted(Set<String> columns) {
        return columns.stream().map(Identifiers::quote).collect(Collectors.toSet());
    }

    public Schema withEnumType(EnumType enumType) {
        SortedMap<String, EnumType> enumTypes = new TreeMap<>(this.enumTypes);
        enumTypes.put(enumType.name(), enumType);
        return new Schema(enumTypes, this.sequences, this.tables, this.casts, this.unmanaged);
    }

    public Schema withoutEnumType(String name) {
        SortedMap<String, EnumType> enumTypes = new TreeMap<>(this.enumTypes);
        enumTypes.remove(name);
        return new Schema(enumTypes, this.sequences, this.tables, this.casts, this.unmanaged);
    }

    public Schema withSequence(Sequence sequence) {
        SortedMap<String, Sequence> sequences = new TreeMap<>(this.sequences);
        sequences.put(sequence.name(), sequence);
        return new Schema(this.enumTypes, sequences, this.tables, this.casts, this.unmanaged);
    }

    public Schema withoutSequence(String name) {
        SortedMap<String, Sequence> sequences = new TreeMap<>(this.sequences);
        sequences.remove(name);
        return new Schema(this.enumTypes, sequences, this.tables, this.casts, this.unmanaged);
    }

    public Schema withTable(Table table) {
        SortedMap<String, Table> tables = new TreeMap<>(this.tables);
        tables.put(table.name(), table);
        return new Schema(this.enumTypes, this.sequences, tables, this.casts, this.unmanaged);
    }

    public Schema withoutTable(String name) {
        SortedMap<String, Table> tables = new TreeMap<>(this.tables);
        tables.remove(name);
        return new Schema(this.enumTypes, this.sequences, tables, this.casts, this.unmanaged);
    }

    /**
     * This schema without the named tables: their parts and the sequences they own go with them;
     * names that are missing are skipped.
     */
    public Schema withoutTables(Collection<String> names) {
        if (names.stream().noneMatch(this.tables::containsKey)) {
            return this;
        }
        SortedMap<String, Table> tables = new TreeMap<>(this.tables);
        tables.keySet().removeAll(names);
        SortedMap<String, Sequence> sequences = new TreeMap<>(this.sequences);
        sequences.values().removeIf((sequence) -> sequence.ownedBy() != null
                && names.contains(sequence.ownedBy().table()));
        return new Schema(this.enumTypes, sequences, tables, this.casts, this.unmanaged);
    }

    public Schema withCast(Cast cast) {
        SortedMap<String, Cast> casts = new TreeMap<>(this.casts);
        casts.put(cast.id().name(), cast);
        return new Schema(this.enumTypes, this.sequences, this.tables, casts, this.unmanaged);
    }

    public Schema withoutCast(ObjectId id) {
        SortedMap<String, Cast> casts = new TreeMap<>(this.casts);
        casts.remove(id.name());
        return new Schema(this.enumTypes, this.sequences, this.tables, casts, this.unmanaged);
    }

    public Schema withUnmanaged(List<UnmanagedObject> unmanaged) {
        return new Schema(this.enumTypes, this.sequences, this.tables, this.casts, unmanaged);
    }

    /** The schema as an indented listing, one object per line, for people. */
    @Override
    public String toString() {
        return SchemaListing.render(this);
    }

    private static <T> SortedMap<String, T> byName(Collection<T> objects, java.util.function.Function<T, String> name) {
        SortedMap<String, T> map = new TreeMap<>();
        for (T object : objects) {
            if (map.put(name.apply(object), object) != null) {
                throw new IllegalArgumentException("Two objects are named " + name.apply(object));
            }
        }
        return map;
    }

    private static void requireFiled(String what, String key, String name) {
        if (!key.equals(name)) {
            throw new IllegalArgumentException(what + " " + name + " is filed under " + key);
        }
    }

    /** Convenience for callers that build maps of tables. */
    public static SortedMap<String, Table> tablesByName(Map<String, Table> tables) {
        return new TreeMap<>(tables);
    }

}
