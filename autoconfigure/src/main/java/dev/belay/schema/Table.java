package dev.belay.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A table with what lives on it. Columns keep the table's own order (for people and for
 * {@code CREATE TABLE}), but two tables are equal regardless of their column order, since
 * PostgreSQL cannot reorder columns and the order carries no meaning for Belay.
 *
 * @param name the table's name
 * @param columns the columns by name, in the table's order
 * @param primaryKey the primary key, or {@code null}
 * @param foreignKeys foreign keys by name
 * @param uniqueConstraints unique constraints by name
 * @param checkConstraints check constraints by name
 * @param indexes indexes (other than those of constraints) by name
 * @param comment the table's comment, or {@code null}
 */
public record Table(String name, Map<String, Column> columns, @Nullable PrimaryKey primaryKey,
        SortedMap<String, ForeignKey> foreignKeys, SortedMap<String, UniqueConstraint> uniqueConstraints,
        SortedMap<String, CheckConstraint> checkConstraints, SortedMap<String, Index> indexes,
        @Nullable String comment) implements DbObject {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        foreignKeys = sorted(foreignKeys);
        uniqueConstraints = sorted(uniqueConstraints);
        checkConstraints = sorted(checkConstraints);
        indexes = sorted(indexes);
        checkOwnership(name, columns.values(), Column::table, Column::name, columns.keySet());
        checkOwnership(name, foreignKeys.values(), ForeignKey::table, ForeignKey::name, foreignKeys.keySet());
        checkOwnership(name, uniqueConstraints.values(), UniqueConstraint::table, UniqueConstraint::name,
                uniqueConstraints.keySet());
        checkOwnership(name, checkConstraints.values(), CheckConstraint::table, CheckConstraint::name,
                checkConstraints.keySet());
        checkOwnership(name, indexes.values(), Index::table, Index::name, indexes.keySet());
        if (primaryKey != null && !primaryKey.table().equals(name)) {
            throw new IllegalArgumentException("Primary key " + primaryKey.name() + " belongs to " + primaryKey.table()
                    + ", not to " + name);
        }
    }

    /** A table with the given columns and nothing else. */
    public static Table of(String name, Column... columns) {
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Column column : columns) {
            byName.put(column.name(), column);
        }
        return new Table(name, byName, null, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), null);
    }

    @Override
    public ObjectId id() {
        return ObjectId.table(this.name);
    }

    /**
     * What the columns need (their enum types and sequences), since a table is created with its
     * columns.
     */
    @Override
    public Set<ObjectId> dependencies() {
        Set<ObjectId> dependencies = new LinkedHashSet<>();
        for (Column column : this.columns.values()) {
            dependencies.addAll(column.dependencies());
        }
        dependencies.remove(id());
        return Set.copyOf(dependencies);
    }

    public @Nullable Column column(String name) {
        return this.columns.get(name);
    }

    /** The table's objects other than itself: columns, keys, constraints and indexes. */
    public Collection<DbObject> parts() {
        java.util.List<DbObject> parts = new java.util.ArrayList<>(this.columns.values());
        if (this.primaryKey != null) {
            parts.add(this.primaryKey);
        }
        parts.addAll(this.uniqueConstraints.values());
        parts.addAll(this.checkConstraints.values());
        parts.addAll(this.foreignKeys.values());
        parts.addAll(this.indexes.values());
        return Collections.unmodifiableList(parts);
    }

    public Table withColumns(Map<String, Column> columns) {
        return new Table(this.name, columns, this.primaryKey, this.foreignKeys, this.uniqueConstraints,
                this.checkConstraints, this.indexes, this.comment);
    }

    public Table withPrimaryKey(@Nullable PrimaryKey primaryKey) {
        return new Table(this.name, this.columns, primaryKey, this.foreignKeys, this.uniqueConstraints,
                this.checkConstraints, this.indexes, this.comment);
    }

    public Table withForeignKeys(Map<String, ForeignKey> foreignKeys) {
        return new Table(this.name, this.columns, this.primaryKey, new TreeMap<>(foreignKeys), this.uniqueConstraints,
                this.checkConstraints, this.indexes, this.comment);
    }

    public Table withUniqueConstraints(Map<String, UniqueConstraint> uniqueConstraints) {
        return new Table(this.name, this.columns, this.primaryKey, this.foreignKeys, new TreeMap<>(uniqueConstraints),
                this.checkConstraints, this.indexes, this.comment);
    }

    public Table withCheckConstraints(Map<String, CheckConstraint> checkConstraints) {
        return new Table(this.name, this.columns, this.primaryKey, this.foreignKeys, this.uniqueConstraints,
                new TreeMap<>(checkConstraints), this.indexes, this.comment);
    }

    public Table withIndexes(Map<String, Index> indexes) {
        return new Table(this.name, this.columns, this.primaryKey, this.foreignKeys, this.uniqueConstraints,
                this.checkConstraints, new TreeMap<>(indexes), this.comment);
    }

    public Table withComment(@Nullable String comment) {
        return new Table(this.name, this.columns, this.primaryKey, this.foreignKeys, this.uniqueConstraints,
                this.checkConstraints, this.indexes, comment);
    }

    private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    private static <V> void checkOwnership(String table, Collection<V> values, Function<V, String> owner,
            Function<V, String> name, Set<String> keys) {
        for (V value : values) {
            if (!owner.apply(value).equals(table)) {
                throw new IllegalArgumentException(
                        name.apply(value) + " belongs to table " + owner.apply(value) + ", not to " + table);
            }
            if (!keys.contains(name.apply(value))) {
                throw new IllegalArgumentException(name.apply(value) + " on table " + table + " is filed under another name");
            }
        }
    }

}
