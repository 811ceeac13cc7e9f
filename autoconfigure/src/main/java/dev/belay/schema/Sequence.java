package dev.belay.schema;

import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A sequence that stands on its own (identity columns' sequences are part of the column).
 *
 * @param name the sequence's name
 * @param options its parameters
 * @param ownedBy the column it belongs to ({@code OWNED BY}), or {@code null}
 */
public record Sequence(String name, SequenceOptions options, @Nullable ColumnRef ownedBy) implements DbObject {

    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public ObjectId id() {
        return ObjectId.sequence(this.name);
    }

    /**
     * None: a sequence can be created first. Its owner is set once the column exists, because the
     * column's default usually draws from the sequence.
     */
    @Override
    public Set<ObjectId> dependencies() {
        return Set.of();
    }

    /**
     * A column named by its table.
     *
     * @param table the table's name
     * @param column the column's name
     */
    public record ColumnRef(String table, String column) {

        public ColumnRef {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        public ObjectId id() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public String toString() {
            return Identifiers.quote(this.table) + "." + Identifiers.quote(this.column);
        }

    }

}
