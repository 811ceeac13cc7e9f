package dev.belay.workbench;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A drop and an add in a plan that look like a rename: a column dropped and one of the same type
 * added to the same table, or a table dropped and one with the same columns created. Belay never
 * guesses; it asks (in an interactive shell) or says which hint to give.
 *
 * @param table the table (its current name for a table rename)
 * @param column the dropped column, or {@code null} for a table rename
 * @param to the added column's or created table's name
 * @param type the column's type, or {@code null} for a table rename
 */
public record RenameCandidate(String table, @Nullable String column, String to, @Nullable String type) {

    public RenameCandidate {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(to, "to");
    }

    /** The hint that makes this a rename. */
    public RenameHint hint() {
        return new RenameHint(this.table, this.column, this.to);
    }

    /** For people, e.g. {@code column ride.dist (integer) renamed to distance}. */
    public String describe() {
        return (this.column != null)
                ? "column " + this.table + "." + this.column + " (" + this.type + ") renamed to " + this.to
                : "table " + this.table + " renamed to " + this.to;
    }

}
