package dev.belay.schema;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A check constraint.
 *
 * @param table the table's name
 * @param name the constraint's name
 * @param expression the condition as PostgreSQL renders it (without {@code CHECK})
 * @param columns the columns the condition reads ({@code pg_constraint.conkey}), sorted
 */
public record CheckConstraint(String table, String name, String expression, List<String> columns) implements DbObject {

    public CheckConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        columns = List.copyOf(columns.stream().sorted().distinct().toList());
    }

    /** A check of {@code expression} (SQL, without {@code CHECK}) that reads the given columns. */
    public static CheckConstraint of(String table, String name, String expression, String... columns) {
        return new CheckConstraint(table, name, expression, List.of(columns));
    }

    @Override
    public ObjectId id() {
        return ObjectId.onTable(ObjectKind.CHECK_CONSTRAINT, this.table, this.name);
    }

    @Override
    public Set<ObjectId> dependencies() {
        return Constraints.onColumns(this.table, this.columns);
    }

}
