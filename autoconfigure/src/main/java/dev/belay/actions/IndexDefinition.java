package dev.belay.actions;

import java.util.List;
import java.util.Objects;

import dev.belay.schema.Index;

import org.jspecify.annotations.Nullable;

/**
 * An index on columns with more than a plain {@code btree}, for
 * {@link DatabaseActions#createIndex(String, String, IndexDefinition)} and
 * {@link DatabaseActions#createIndexConcurrently(String, String, IndexDefinition)}:
 * <pre>{@code
 * import static dev.belay.actions.IndexDefinition.on;
 *
 * m.actions().createIndex("ride", "ride_title_key", on("rider_id", "title").unique());
 * m.actions().createIndex("ride", "ride_open_idx", on("started_at").where("finished_at IS NULL"));
 * m.actions().createIndex("ride", "ride_tags_idx", on("tags").using("gin"));
 * }</pre>
 * A plain index needs none of this: {@code createIndex("ride", "ride_started_at_idx", "started_at")}.
 * An index on expressions, or with collations, operator classes or sort orders, is written with
 * the model's {@link Index} and {@link DatabaseActions#createIndex(Index)}. A definition is an
 * immutable value: each method returns a new one.
 */
public final class IndexDefinition {

    private final List<String> columns;

    private final boolean unique;

    private final String method;

    private final List<String> include;

    private final @Nullable String predicate;

    private final boolean nullsNotDistinct;

    private IndexDefinition(List<String> columns, boolean unique, String method, List<String> include,
            @Nullable String predicate, boolean nullsNotDistinct) {
        this.columns = List.copyOf(columns);
        this.unique = unique;
        this.method = Objects.requireNonNull(method, "method");
        this.include = List.copyOf(include);
        this.predicate = predicate;
        this.nullsNotDistinct = nullsNotDistinct;
    }

    /**
     * A {@code btree} index on the given columns, in order: {@code ON table USING btree (columns)}.
     * @param columns the key columns' names, as PostgreSQL stores them (quoted where needed)
     * @return the definition
     * @throws IllegalArgumentException if no column is given
     */
    public static IndexDefinition on(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("An index needs at least one column: on(\"column\", ...)");
        }
        return new IndexDefinition(List.of(columns), false, "btree", List.of(), null, false);
    }

    /**
     * The same index rejecting duplicate keys: {@code CREATE UNIQUE INDEX}. Building it fails if
     * the table already holds duplicates.
     * @return the definition
     */
    public IndexDefinition unique() {
        return new IndexDefinition(this.columns, true, this.method, this.include, this.predicate, this.nullsNotDistinct);
    }

    /**
     * The same unique index treating nulls as equal, so that only one row may hold a null key:
     * {@code NULLS NOT DISTINCT} (PostgreSQL 15 and later).
     * @return the definition
     */
    public IndexDefinition nullsNotDistinct() {
        return new IndexDefinition(this.columns, this.unique, this.method, this.include, this.predicate, true);
    }

    /**
     * The same index with another access method: {@code USING method}.
     * @param method e.g. {@code hash}, {@code gin}, {@code gist}, {@code brin}
     * @return the definition
     */
    public IndexDefinition using(String method) {
        return new IndexDefinition(this.columns, this.unique, Objects.requireNonNull(method, "method"), this.include,
                this.predicate, this.nullsNotDistinct);
    }

    /**
     * The same index also holding the values of other columns, so that a query reading only
     * them is answered from the index: {@code INCLUDE (columns)}.
     * @param columns the non-key columns' names
     * @return the definition
     */
    public IndexDefinition include(String... columns) {
        return new IndexDefinition(this.columns, this.unique, this.method, List.of(columns), this.predicate,
                this.nullsNotDistinct);
    }

    /**
     * The same index made partial, holding only the rows that match: {@code WHERE predicate}.
     * @param predicate the condition as SQL, e.g. {@code finished_at IS NULL}
     * @return the definition
     */
    public IndexDefinition where(String predicate) {
        return new IndexDefinition(this.columns, this.unique, this.method, this.include,
                Objects.requireNonNull(predicate, "predicate"), this.nullsNotDistinct);
    }

    /**
     * The index as Belay's schema model holds it. The columns the predicate reads are not known
     * here and are left out of {@link Index#columns()}, which only orders a plan's changes.
     * @param table the table's name
     * @param name the index's name
     * @return the index
     */
    public Index toIndex(String table, String name) {
        Index index = Index.of(table, name, this.columns.toArray(String[]::new))
            .withUnique(this.unique)
            .withMethod(this.method)
            .withInclude(this.include)
            .withNullsNotDistinct(this.nullsNotDistinct);
        return (this.predicate != null) ? index.withPredicate(this.predicate) : index;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return (other instanceof IndexDefinition definition) && toIndex("", "").equals(definition.toIndex("", ""));
    }

    @Override
    public int hashCode() {
        return toIndex("", "").hashCode();
    }

    @Override
    public String toString() {
        return "IndexDefinition[" + toIndex("", "") + "]";
    }

}
