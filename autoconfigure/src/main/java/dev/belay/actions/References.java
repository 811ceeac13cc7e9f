package dev.belay.actions;

import java.util.List;
import java.util.Objects;

import dev.belay.schema.Deferrability;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.MatchType;
import dev.belay.schema.ReferentialAction;

import org.jspecify.annotations.Nullable;

/**
 * What a foreign key references and how it behaves, for
 * {@link DatabaseActions#addForeignKey(String, String, String, References)} and its siblings: the
 * {@code REFERENCES} clause of SQL.
 * <pre>{@code
 * import static dev.belay.actions.References.references;
 *
 * m.actions().addForeignKey("ride", "ride_rider_fk", "rider_id", references("rider", "id"));
 * m.actions().addForeignKey("ride_tag", "ride_tag_ride_fk", "ride_id",
 *         references("ride", "id").onDelete(ReferentialAction.CASCADE));
 * }</pre>
 * Unless told otherwise a reference is PostgreSQL's default: {@code NO ACTION} on update and
 * delete, {@code MATCH SIMPLE}, not deferrable, to a table of the managed schema. A reference is
 * an immutable value: each method returns a new one.
 */
public final class References {

    private final @Nullable String schema;

    private final String table;

    private final List<String> columns;

    private final ReferentialAction onUpdate;

    private final ReferentialAction onDelete;

    private final MatchType match;

    private final Deferrability deferrability;

    private References(@Nullable String schema, String table, List<String> columns, ReferentialAction onUpdate,
            ReferentialAction onDelete, MatchType match, Deferrability deferrability) {
        this.schema = schema;
        this.table = Objects.requireNonNull(table, "table");
        this.columns = List.copyOf(columns);
        this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate");
        this.onDelete = Objects.requireNonNull(onDelete, "onDelete");
        this.match = Objects.requireNonNull(match, "match");
        this.deferrability = Objects.requireNonNull(deferrability, "deferrability");
    }

    /**
     * A reference to columns of a table of the managed schema: {@code REFERENCES table (columns)}.
     * @param table the referenced table's name
     * @param columns the referenced columns (usually its primary key), in the order of the
     * referencing columns
     * @return the reference
     * @throws IllegalArgumentException if no column is given
     */
    public static References references(String table, String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("A foreign key references at least one column of " + table
                    + ": name it, e.g. references(\"" + table + "\", \"id\")");
        }
        return new References(null, table, List.of(columns), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION,
                MatchType.SIMPLE, Deferrability.NOT_DEFERRABLE);
    }

    /**
     * The same reference to a table of another schema: {@code REFERENCES schema.table (columns)}.
     * Belay does not order changes across schemas: the referenced table must already exist.
     * @param schema the referenced table's schema
     * @return the reference
     */
    public References inSchema(String schema) {
        return new References(Objects.requireNonNull(schema, "schema"), this.table, this.columns, this.onUpdate,
                this.onDelete, this.match, this.deferrability);
    }

    /**
     * The same reference with what happens to referencing rows when a referenced row is
     * deleted: {@code ON DELETE action}, e.g. {@link ReferentialAction#CASCADE} deletes them too.
     * @param action the action
     * @return the reference
     */
    public References onDelete(ReferentialAction action) {
        return new References(this.schema, this.table, this.columns, this.onUpdate, action, this.match,
                this.deferrability);
    }

    /**
     * The same reference with what happens to referencing rows when a referenced key changes:
     * {@code ON UPDATE action}.
     * @param action the action
     * @return the reference
     */
    public References onUpdate(ReferentialAction action) {
        return new References(this.schema, this.table, this.columns, action, this.onDelete, this.match,
                this.deferrability);
    }

    /**
     * The same reference with another way of checking rows whose referencing columns are partly
     * null: {@code MATCH FULL} (all null or none) or {@code MATCH PARTIAL}; the default,
     * {@code MATCH SIMPLE}, lets any null through.
     * @param match the match type
     * @return the reference
     */
    public References match(MatchType match) {
        return new References(this.schema, this.table, this.columns, this.onUpdate, this.onDelete, match,
                this.deferrability);
    }

    /**
     * The same reference checked at the end of each statement unless a transaction says
     * {@code SET CONSTRAINTS ... DEFERRED}: {@code DEFERRABLE INITIALLY IMMEDIATE}.
     * @return the reference
     */
    public References deferrable() {
        return deferrability(Deferrability.DEFERRABLE_INITIALLY_IMMEDIATE);
    }

    /**
     * The same reference checked at commit: {@code DEFERRABLE INITIALLY DEFERRED}.
     * @return the reference
     */
    public References initiallyDeferred() {
        return deferrability(Deferrability.DEFERRABLE_INITIALLY_DEFERRED);
    }

    private References deferrability(Deferrability deferrability) {
        return new References(this.schema, this.table, this.columns, this.onUpdate, this.onDelete, this.match,
                deferrability);
    }

    /**
     * The foreign key as Belay's schema model holds it.
     * @param table the referencing table's name
     * @param name the constraint's name
     * @param columns the referencing columns, as many as the referenced ones
     * @return the foreign key
     * @throws IllegalArgumentException if the numbers of columns differ
     */
    public ForeignKey toForeignKey(String table, String name, List<String> columns) {
        return new ForeignKey(table, name, columns, this.schema, this.table, this.columns, this.onUpdate, this.onDelete,
                this.match, this.deferrability);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return (other instanceof References references) && toForeignKey("", "", this.columns)
            .equals(references.toForeignKey("", "", references.columns));
    }

    @Override
    public int hashCode() {
        return toForeignKey("", "", this.columns).hashCode();
    }

    @Override
    public String toString() {
        return "References[" + ((this.schema != null) ? this.schema + "." : "") + this.table + " " + this.columns
                + ", on update " + this.onUpdate + ", on delete " + this.onDelete + ", match " + this.match + ", "
                + this.deferrability + "]";
    }

}
