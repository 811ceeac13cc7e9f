package dev.belay.workbench;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.belay.diff.DiffOptions;
import dev.belay.schema.Identifiers;

import org.jspecify.annotations.Nullable;

/**
 * A hint that something was renamed rather than dropped and created again, as given on the command
 * line: {@code ride.dist=distance} renames column {@code dist} of table {@code ride};
 * {@code ride=trip} renames table {@code ride}. Names are written as PostgreSQL stores them (case
 * kept, no quotes); a name that holds a dot, an equals sign or starts with a double quote is
 * double-quoted, with inner quotes doubled: {@code "a.b".c=d}.
 *
 * @param table the table's current name
 * @param column the column's current name, or {@code null} for a table rename
 * @param to the new name
 */
public record RenameHint(String table, @Nullable String column, String to) {

    private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[^.=\"][^.=]*)";

    private static final Pattern HINT = Pattern.compile(NAME + "(?:\\." + NAME + ")?=" + NAME);

    public RenameHint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(to, "to");
    }

    /**
     * Reads a hint.
     * @throws RefusedException naming the hint and the two forms it may take
     */
    public static RenameHint parse(String hint) {
        Matcher matcher = HINT.matcher(hint.strip());
        if (!matcher.matches()) {
            throw new RefusedException(RefusedException.Reason.BAD_RENAME,
                    "'" + hint + "' is not a rename hint.",
                    "Write table.column=new_column to rename a column, or table=new_table to rename a table "
                            + "(double-quote a name that holds '.' or '=', e.g. \"a.b\".c=d).");
        }
        return new RenameHint(name(matcher.group(1)), (matcher.group(2) != null) ? name(matcher.group(2)) : null,
                name(matcher.group(3)));
    }

    /** Whether this renames a column (else a table). */
    public boolean isColumn() {
        return this.column != null;
    }

    /** These options with this hint. */
    DiffOptions applyTo(DiffOptions options) {
        return (this.column != null) ? options.withColumnRename(this.table, this.column, this.to)
                : options.withTableRename(this.table, this.to);
    }

    /** As the command line takes it, e.g. {@code ride.dist=distance}. */
    @Override
    public String toString() {
        return written(this.table) + ((this.column != null) ? "." + written(this.column) : "") + "=" + written(this.to);
    }

    private static String name(String written) {
        return written.startsWith("\"") ? Identifiers.unquote(written) : written;
    }

    private static String written(String name) {
        return (name.contains(".") || name.contains("=") || name.startsWith("\"") || name.isEmpty())
                ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }

}
