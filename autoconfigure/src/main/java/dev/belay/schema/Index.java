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

    /**
     * A plain (non-unique, {@code btree}) index on the given columns in order, named as
     * PostgreSQL stores them; refine it with the {@code with...} methods.
     */
    public static Index of(String table, String name, String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("Index " + name + " on " + table + " needs at least one column");
        }
        List<String> keys = java.util.Arrays.stream(columns).map(Identifiers::quote).toList();
        return new Index(table, name, false, "btree", keys, List.of(), null, false, new TreeSet<>(List.of(columns)));
    }

    public Index withUnique(boolean unique) {
        return new Index(this.table, this.name, unique, this.method, this.keys, this.include, this.predicate,
                this.nullsNotDistinct, this.columns);
    }

    public Index withMethod(String method) {
        return new Index(this.table, this.name, this.unique, method, this.keys, this.include, this.predicate,
                this.nullsNotDistinct, this.columns);
    }

    /** The same index with these {@code INCLUDE} columns, which it then reads too. */
    public Index withInclude(List<String> include) {
        SortedSet<String> reads = new TreeSet<>(this.columns);
        reads.addAll(include);
        return new Index(this.table, this.name, this.unique, this.method, this.keys, include, this.predicate,
                this.nullsNotDistinct, reads);
    }

    /**
     * The same index made partial. The predicate is SQL; list the columns it reads that the keys
     * do not in {@code alsoReads}, so that the index is ordered after them.
     */
    public Index withPredicate(@Nullable String predicate, String... alsoReads) {
        SortedSet<String> reads = new TreeSet<>(this.columns);
        reads.addAll(List.of(alsoReads));
        return new Index(this.table, this.name, this.unique, this.method, this.keys, this.include, predicate,
                this.nullsNotDistinct, reads);
    }

    public Index withNullsNotDistinct(boolean nullsNotDistinct) {
        return new Index(this.table, this.name, this.unique, this.method, this.keys, this.include, this.predicate,
                nullsNotDistinct, this.columns);
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
