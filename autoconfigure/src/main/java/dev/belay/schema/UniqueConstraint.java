package dev.belay.schema;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A unique constraint.
 *
 * @param table the table's name
 * @param name the constraint's name (also the name of its index)
 * @param columns the constrained columns in order
 * @param nullsNotDistinct whether nulls count as equal ({@code NULLS NOT DISTINCT})
 * @param deferrability whether the check may be deferred
 */
public record UniqueConstraint(String table, String name, List<String> columns, boolean nullsNotDistinct,
        Deferrability deferrability) implements DbObject {

    public UniqueConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(deferrability, "deferrability");
    }

    public static UniqueConstraint of(String table, String name, String... columns) {
        return new UniqueConstraint(table, name, List.of(columns), false, Deferrability.NOT_DEFERRABLE);
    }

    public UniqueConstraint withNullsNotDistinct(boolean nullsNotDistinct) {
        return new UniqueConstraint(this.table, this.name, this.columns, nullsNotDistinct, this.deferrability);
    }

    public UniqueConstraint withDeferrability(Deferrability deferrability) {
        return new UniqueConstraint(this.table, this.name, this.columns, this.nullsNotDistinct, deferrability);
    }

    @Override
    public ObjectId id() {
        return ObjectId.onTable(ObjectKind.UNIQUE_CONSTRAINT, this.table, this.name);
    }

    @Override
    public Set<ObjectId> dependencies() {
        return Constraints.onColumns(this.table, this.columns);
    }

}
