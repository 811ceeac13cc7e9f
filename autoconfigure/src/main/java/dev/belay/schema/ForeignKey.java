package dev.belay.schema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A foreign key constraint.
 *
 * @param table the referencing table's name
 * @param name the constraint's name
 * @param columns the referencing columns in order
 * @param targetSchema the referenced table's schema when it is not this schema, else {@code null}
 * @param targetTable the referenced table's name
 * @param targetColumns the referenced columns, in the order matching {@code columns}
 * @param onUpdate what happens when a referenced key changes
 * @param onDelete what happens when a referenced row is deleted
 * @param match how rows with some null columns are checked
 * @param deferrability whether the check may be deferred
 */
public record ForeignKey(String table, String name, List<String> columns, @Nullable String targetSchema,
        String targetTable, List<String> targetColumns, ReferentialAction onUpdate, ReferentialAction onDelete,
        MatchType match, Deferrability deferrability) implements DbObject {

    public ForeignKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(targetTable, "targetTable");
        targetColumns = List.copyOf(targetColumns);
        Objects.requireNonNull(onUpdate, "onUpdate");
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(deferrability, "deferrability");
        if (columns.size() != targetColumns.size()) {
            throw new IllegalArgumentException("Foreign key " + name + " on " + table + " has " + columns.size()
                    + " columns but references " + targetColumns.size());
        }
    }

    /** A simple foreign key: no actions, MATCH SIMPLE, not deferrable. */
    public static ForeignKey of(String table, String name, List<String> columns, String targetTable,
            List<String> targetColumns) {
        return new ForeignKey(table, name, columns, null, targetTable, targetColumns, ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION, MatchType.SIMPLE, Deferrability.NOT_DEFERRABLE);
    }

    public ForeignKey withOnUpdate(ReferentialAction onUpdate) {
        return new ForeignKey(this.table, this.name, this.columns, this.targetSchema, this.targetTable,
                this.targetColumns, onUpdate, this.onDelete, this.match, this.deferrability);
    }

    public ForeignKey withOnDelete(ReferentialAction onDelete) {
        return new ForeignKey(this.table, this.name, this.columns, this.targetSchema, this.targetTable,
                this.targetColumns, this.onUpdate, onDelete, this.match, this.deferrability);
    }

    public ForeignKey withMatch(MatchType match) {
        return new ForeignKey(this.table, this.name, this.columns, this.targetSchema, this.targetTable,
                this.targetColumns, this.onUpdate, this.onDelete, match, this.deferrability);
    }

    public ForeignKey withDeferrability(Deferrability deferrability) {
        return new ForeignKey(this.table, this.name, this.columns, this.targetSchema, this.targetTable,
                this.targetColumns, this.onUpdate, this.onDelete, this.match, deferrability);
    }

    @Override
    public ObjectId id() {
        return ObjectId.onTable(ObjectKind.FOREIGN_KEY, this.table, this.name);
    }

    /** Whether the referenced table is in this schema (and so is ordered with it). */
    public boolean targetsThisSchema() {
        return this.targetSchema == null;
    }

    /**
     * The referencing table and columns and, when the target is in this schema, the referenced
     * table and columns. The key constraint the reference needs is found by {@link Schema}.
     */
    @Override
    public Set<ObjectId> dependencies() {
        Set<ObjectId> dependencies = new LinkedHashSet<>(Constraints.onColumns(this.table, this.columns));
        if (targetsThisSchema()) {
            dependencies.addAll(Constraints.onColumns(this.targetTable, this.targetColumns));
        }
        return Set.copyOf(dependencies);
    }

}
