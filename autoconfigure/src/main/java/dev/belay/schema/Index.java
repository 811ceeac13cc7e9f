package dev.belay.schema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * An index that does not back a constraint (the indexes of primary keys and unique constraints
 * are part of those).
 *
 * @param table the indexed table's name
 * @param name the index's name
 * @param unique whether the index is unique
 * @param method the access method, e.g. {@code btree}, {@code gin}
 * @param keys the key columns or expressions in order, each as SQL with its collation, operator
 * class and sort order when they are not the default, e.g. {@code started_at DESC},
 * {@code lower(name)}
 * @param include the non-key columns ({@code INCLUDE}) in order
 * @param predicate the condition of a partial index as PostgreSQL renders it, or {@code null}
 * @param nullsNotDistinct whether a unique index treats nulls as equal
 * @param columns every column the index reads, in keys, expressions, {@code INCLUDE} and
 * predicate, sorted
 */
public record Index(String table, String name, boolean unique, String method, List<String> keys, List<String> include,
        @Nullable String predicate, boolean nullsNotDistinct, SortedSet<String> columns) implements DbObject {

    public Index {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        columns = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(columns));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("Index " + name + " on " + table + " has no key");
        }
    }

    @Override
    public ObjectId id() {
        return ObjectId.onTable(ObjectKind.INDEX, this.table, this.name);
    }

    @Override
    public Set<ObjectId> dependencies() {
        return Constraints.onColumns(this.table, new LinkedHashSet<>(this.columns));
    }

}
