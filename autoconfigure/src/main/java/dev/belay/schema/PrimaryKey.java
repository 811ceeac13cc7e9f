package dev.belay.schema;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A table's primary key constraint.
 *
 * @param table the table's name
 * @param name the constraint's name (also the name of its index)
 * @param columns the key's columns in order
 * @param deferrability whether the check may be deferred
 */
public record PrimaryKey(String table, String name, List<String> columns, Deferrability deferrability)
        implements DbObject {

    public PrimaryKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(deferrability, "deferrability");
    }

    public static PrimaryKey of(String table, String name, String... columns) {
        return new PrimaryKey(table, name, List.of(columns), Deferrability.NOT_DEFERRABLE);
    }

    public PrimaryKey withDeferrability(Deferrability deferrability) {
        return new PrimaryKey(this.table, this.name, this.columns, deferrability);
    }

    @Override
    public ObjectId id() {
        return ObjectId.onTable(ObjectKind.PRIMARY_KEY, this.table, this.name);
    }

    @Override
    public Set<ObjectId> dependencies() {
        return Constraints.onColumns(this.table, this.columns);
    }

}
