package dev.belay.actions;

import java.util.Objects;

import dev.belay.schema.Column;
import dev.belay.schema.GeneratedColumn;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Identity;
import dev.belay.schema.SequenceOptions;

import org.jspecify.annotations.Nullable;

/**
 * A column as a revision writes it for {@link DatabaseActions#createTable(String, ColumnDefinition...)}
 * and {@link DatabaseActions#addColumn(String, ColumnDefinition)}: a name and a type, then only
 * what differs from a plain nullable column.
 * <pre>{@code
 * import static dev.belay.actions.ColumnDefinition.column;
 *
 * m.actions().createTable("ride",
 *         column("id", "bigint").identity(),
 *         column("title", "character varying(200)").notNull(),
 *         column("started_at", "timestamp(6) with time zone").notNull().defaultValue("now()"),
 *         column("gpx", "bytea"));
 * }</pre>
 * The table is given once, to the action, rather than to each column. A definition is an
 * immutable value: each method returns a new one, so a definition can be kept in a constant and
 * used for several tables. Types, defaults and expressions are SQL text, used as given.
 */
public final class ColumnDefinition {

    private final String name;

    private final String type;

    private final boolean notNull;

    /** Whether {@code NOT NULL} is set only when the table it is added to has no rows. */
    private final boolean onlyWhenEmpty;

    private final @Nullable String defaultExpression;

    private final @Nullable Identity identity;

    private final @Nullable GeneratedColumn generated;

    private final @Nullable String collation;

    private final @Nullable String comment;

    private ColumnDefinition(String name, String type, boolean notNull, boolean onlyWhenEmpty,
            @Nullable String defaultExpression, @Nullable Identity identity, @Nullable GeneratedColumn generated,
            @Nullable String collation, @Nullable String comment) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.notNull = notNull;
        this.onlyWhenEmpty = notNull && onlyWhenEmpty;
        this.defaultExpression = defaultExpression;
        this.identity = identity;
        this.generated = generated;
        this.collation = collation;
        this.comment = comment;
    }

    /**
     * A nullable column with no default: {@code name type}.
     * @param name the column's name, as PostgreSQL stores it (no quotes)
     * @param type the type as SQL, e.g. {@code bigint}, {@code character varying(200)},
     * {@code timestamp(6) with time zone}, {@code ride_type[]}
     * @return the definition
     */
    public static ColumnDefinition column(String name, String type) {
        return new ColumnDefinition(name, type, false, false, null, null, null, null, null);
    }

    /**
     * The same column rejecting nulls: {@code NOT NULL}.
     * @return the definition
     */
    public ColumnDefinition notNull() {
        return new ColumnDefinition(this.name, this.type, true, false, this.defaultExpression, this.identity,
                this.generated, this.collation, this.comment);
    }

    /**
     * The same column rejecting nulls if it can, for a column that comes back on a table that
     * may hold rows (what a generated {@code down} writes for a column its {@code up} dropped):
     * {@link DatabaseActions#addColumn(String, ColumnDefinition) addColumn} adds it without
     * {@code NOT NULL}, then sets {@code NOT NULL} only if the table has no rows. On a table
     * with rows it stays nullable, since the rows have no value for it, and a {@code NOTICE}
     * (which the runner logs) says so and how to finish: fill it, then
     * {@link DatabaseActions#addNotNull(String, String) addNotNull}. A column with a default, an
     * identity or a generation expression fills every row, so it is added {@code NOT NULL} at
     * once, as with {@link #notNull()}; a new table ({@code createTable}) has no rows, so its
     * column is {@code NOT NULL}.
     * @return the definition
     */
    public ColumnDefinition notNullWhenEmpty() {
        return new ColumnDefinition(this.name, this.type, true, true, this.defaultExpression, this.identity,
                this.generated, this.collation, this.comment);
    }

    /**
     * The same column with a default: {@code DEFAULT expression}.
     * @param expression the default as SQL, e.g. {@code now()}, {@code 'ROAD'::ride_type},
     * {@code 0} (a text value is a quoted literal: {@code 'none'::text})
     * @return the definition
     */
    public ColumnDefinition defaultValue(String expression) {
        return new ColumnDefinition(this.name, this.type, this.notNull, this.onlyWhenEmpty,
                Objects.requireNonNull(expression, "expression"), this.identity, this.generated, this.collation,
                this.comment);
    }

    /**
     * The same column as an identity column that takes an explicit value when one is inserted:
     * {@code GENERATED BY DEFAULT AS IDENTITY}, with PostgreSQL's default sequence options for the
     * column's type (start at 1, step 1, up to the type's maximum), and {@code NOT NULL}, as
     * PostgreSQL makes every identity column. This is what JPA's
     * {@code @GeneratedValue(strategy = IDENTITY)} maps to.
     * @return the definition
     * @throws IllegalArgumentException if the type is not {@code smallint}, {@code integer} or
     * {@code bigint} (or their aliases {@code int2}, {@code int}, {@code int4}, {@code int8})
     */
    public ColumnDefinition identity() {
        return identity(Identity.Generation.BY_DEFAULT, defaultSequenceOptions());
    }

    /**
     * The same column as an identity column with sequence options of its own:
     * {@code GENERATED BY DEFAULT AS IDENTITY (START WITH ...)}, and {@code NOT NULL}. Use
     * {@link #identity()} when the options are PostgreSQL's defaults.
     * @param options the options of the identity's sequence, e.g.
     * {@code SequenceOptions.defaults("bigint").withStart(1000)}; their data type is the column's
     * @return the definition
     */
    public ColumnDefinition identity(SequenceOptions options) {
        return identity(Identity.Generation.BY_DEFAULT, Objects.requireNonNull(options, "options"));
    }

    /**
     * The same column as an identity column that rejects explicit values (unless an insert says
     * {@code OVERRIDING SYSTEM VALUE}): {@code GENERATED ALWAYS AS IDENTITY}, with PostgreSQL's
     * default sequence options for the column's type, and {@code NOT NULL}.
     * @return the definition
     * @throws IllegalArgumentException if the type is not {@code smallint}, {@code integer} or
     * {@code bigint} (or an alias of one)
     */
    public ColumnDefinition identityAlways() {
        return identity(Identity.Generation.ALWAYS, defaultSequenceOptions());
    }

    /**
     * The same column as an identity column that rejects explicit values, with sequence options
     * of its own: {@code GENERATED ALWAYS AS IDENTITY (START WITH ...)}, and {@code NOT NULL}.
     * @param options the options of the identity's sequence
     * @return the definition
     */
    public ColumnDefinition identityAlways(SequenceOptions options) {
        return identity(Identity.Generation.ALWAYS, Objects.requireNonNull(options, "options"));
    }

    private ColumnDefinition identity(Identity.Generation generation, SequenceOptions options) {
        return new ColumnDefinition(this.name, this.type, true, this.onlyWhenEmpty, this.defaultExpression,
                new Identity(generation, options), this.generated, this.collation, this.comment);
    }

    private SequenceOptions defaultSequenceOptions() {
        String sequenceType = switch (this.type.strip()) {
            case "smallint", "int2" -> "smallint";
            case "integer", "int", "int4" -> "integer";
            case "bigint", "int8" -> "bigint";
            default -> throw new IllegalArgumentException("Column " + Identifiers.quote(this.name) + " is of type "
                    + this.type + ", and an identity column is smallint, integer or bigint: change the type, or "
                    + "give the identity's sequence options with identity(SequenceOptions)");
        };
        return SequenceOptions.defaults(sequenceType);
    }

    /**
     * The same column computed from others and stored with the row:
     * {@code GENERATED ALWAYS AS (expression) STORED}.
     * @param expression the generation expression as SQL, e.g. {@code price_cents * quantity}
     * @return the definition
     */
    public ColumnDefinition generatedStored(String expression) {
        return generated(new GeneratedColumn(Objects.requireNonNull(expression, "expression"), GeneratedColumn.Kind.STORED));
    }

    /**
     * The same column computed from others when it is read (PostgreSQL 18 and later):
     * {@code GENERATED ALWAYS AS (expression) VIRTUAL}.
     * @param expression the generation expression as SQL
     * @return the definition
     */
    public ColumnDefinition generatedVirtual(String expression) {
        return generated(new GeneratedColumn(Objects.requireNonNull(expression, "expression"), GeneratedColumn.Kind.VIRTUAL));
    }

    private ColumnDefinition generated(GeneratedColumn generated) {
        return new ColumnDefinition(this.name, this.type, this.notNull, this.onlyWhenEmpty, this.defaultExpression,
                this.identity, generated, this.collation, this.comment);
    }

    /**
     * The same column with a collation other than its type's default: {@code COLLATE collation}.
     * @param collation a collation's name as PostgreSQL stores it, e.g. {@code C} or
     * {@code de-DE-x-icu} (quoted where needed), or already as SQL ({@code "C"}, {@code pg_catalog."C"})
     * @return the definition
     */
    public ColumnDefinition collation(String collation) {
        return new ColumnDefinition(this.name, this.type, this.notNull, this.onlyWhenEmpty, this.defaultExpression,
                this.identity, this.generated, Objects.requireNonNull(collation, "collation"), this.comment);
    }

    /**
     * The same column with a comment, set with {@code COMMENT ON COLUMN} once the column exists.
     * @param comment the comment's text
     * @return the definition
     */
    public ColumnDefinition comment(String comment) {
        return new ColumnDefinition(this.name, this.type, this.notNull, this.onlyWhenEmpty, this.defaultExpression,
                this.identity, this.generated, this.collation, Objects.requireNonNull(comment, "comment"));
    }

    /**
     * Whether {@code NOT NULL} waits for an empty table: set by {@link #notNullWhenEmpty()}.
     */
    boolean notNullOnlyWhenEmpty() {
        return this.onlyWhenEmpty;
    }

    /**
     * The column as Belay's schema model holds it, on the given table: for
     * {@link #notNullWhenEmpty()}, the column as it is on a table without rows, {@code NOT NULL}.
     * @param table the table's name
     * @return the column
     */
    public Column toColumn(String table) {
        return new Column(table, this.name, this.type, this.notNull, this.defaultExpression, this.identity,
                this.generated, this.collation, this.comment);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return (other instanceof ColumnDefinition definition) && this.onlyWhenEmpty == definition.onlyWhenEmpty
                && toColumn("").equals(definition.toColumn(""));
    }

    @Override
    public int hashCode() {
        return 31 * toColumn("").hashCode() + Boolean.hashCode(this.onlyWhenEmpty);
    }

    @Override
    public String toString() {
        Column column = toColumn("");
        String text = this.name.isEmpty() ? column.toString() : column.describe();
        return this.onlyWhenEmpty ? text + " (NOT NULL when the table is empty)" : text;
    }

}
