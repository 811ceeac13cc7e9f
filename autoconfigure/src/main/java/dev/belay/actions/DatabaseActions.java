package dev.belay.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.belay.schema.Cast;
import dev.belay.schema.CastContext;
import dev.belay.schema.CastMethod;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.Deferrability;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Identity;
import dev.belay.schema.Index;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.SequenceOptions;
import dev.belay.schema.UniqueConstraint;

import org.jspecify.annotations.Nullable;

import static dev.belay.actions.Ddl.alterColumn;
import static dev.belay.actions.Ddl.alterTable;
import static dev.belay.actions.Ddl.name;
import static dev.belay.actions.Ddl.names;

/**
 * The recipe book of schema changes. Each method writes the PostgreSQL statements for one change
 * and sends them to a {@link StatementSink}; names are quoted where needed and literals escaped,
 * and statements are unqualified (the caller sets {@code search_path} to the managed schema).
 * <p>
 * The same methods build a plan's SQL (with a recording sink) and run a revision's
 * {@code up} and {@code down} (with the migration's connection), so generated revisions do
 * exactly what the plan showed. Each method's documentation says which statements it sends,
 * which locks they take and what can go wrong on a table that holds data.
 * <p>
 * Names are given as PostgreSQL stores them (case and spaces preserved, no quotes): a table
 * created as {@code "Ride Log"} is {@code "Ride Log"} here. Types, defaults and expressions are
 * SQL text and are used as given.
 * <p>
 * Most recipes come in two forms that send the same statements: a short one for writing by hand
 * and reading, with names and columns given directly and {@link ColumnDefinition},
 * {@link References} and {@link IndexDefinition} for the rest,
 * <pre>{@code
 * m.actions().createTable("ride", column("id", "bigint").identity(), column("rider_id", "bigint").notNull());
 * m.actions().addPrimaryKey("ride", "ride_pkey", "id");
 * m.actions().addForeignKey("ride", "ride_rider_fk", "rider_id", references("rider", "id"));
 * m.actions().createIndex("ride", "ride_rider_id_idx", "rider_id");
 * }</pre>
 * and one that takes the values of Belay's schema model ({@link Column}, {@link PrimaryKey},
 * {@link ForeignKey}, {@link Index}, ...) and can say everything the model can.
 */
public class DatabaseActions {

    private final StatementSink sink;

    public DatabaseActions(StatementSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Runs a statement of your own, for what no recipe covers. */
    public void execute(String sql) {
        execute(SqlStatement.of(sql));
    }

    /** Runs a statement of your own with an explicit transaction mode. */
    public void execute(SqlStatement statement) {
        this.sink.execute(statement);
    }

    private void run(String sql) {
        execute(new SqlStatement(sql, TransactionMode.IN_TRANSACTION));
    }

    private void run(String sql, TransactionMode mode) {
        execute(new SqlStatement(sql, mode));
    }

    // Enum types

    /**
     * Creates a native enum type: {@code CREATE TYPE name AS ENUM ('a', 'b')}. Takes no lock on
     * any table.
     * @param name the type's name
     * @param labels the labels in their sort order
     */
    public void createEnumType(String name, List<String> labels) {
        run("CREATE TYPE " + name(name) + " AS ENUM (" + Ddl.literals(labels) + ")");
    }

    /**
     * Drops an enum type: {@code DROP TYPE name}. Fails (and changes nothing) while a column,
     * function or other object still uses the type.
     * @param name the type's name
     */
    public void dropEnumType(String name) {
        run("DROP TYPE " + name(name));
    }

    /**
     * Adds a label to an enum type:
     * {@code ALTER TYPE name ADD VALUE IF NOT EXISTS 'label' [BEFORE|AFTER 'neighbour']}. Cheap and
     * takes no lock on tables, but PostgreSQL does not let the new label be used in the
     * transaction that adds it, so the statement is marked {@link TransactionMode#OWN_TRANSACTION}
     * (and it is written {@code IF NOT EXISTS} so that running it again is harmless).
     * @param type the enum type's name
     * @param label the new label
     * @param position where the label goes in the sort order
     */
    public void addEnumValue(String type, String label, EnumPosition position) {
        Objects.requireNonNull(position, "position");
        String where = switch (position.placement()) {
            case LAST -> "";
            case BEFORE -> " BEFORE " + Identifiers.literal(Objects.requireNonNull(position.neighbor()));
            case AFTER -> " AFTER " + Identifiers.literal(Objects.requireNonNull(position.neighbor()));
        };
        run("ALTER TYPE " + name(type) + " ADD VALUE IF NOT EXISTS " + Identifiers.literal(label) + where,
                TransactionMode.OWN_TRANSACTION);
    }

    /**
     * Renames a label of an enum type: {@code ALTER TYPE name RENAME VALUE 'from' TO 'to'}. Rows
     * holding the label hold the new one at once; no table is rewritten.
     * @param type the enum type's name
     * @param from the label's current text
     * @param to its new text
     */
    public void renameEnumValue(String type, String from, String to) {
        run("ALTER TYPE " + name(type) + " RENAME VALUE " + Identifiers.literal(from) + " TO " + Identifiers.literal(to));
    }

    /**
     * Replaces an enum type by one with other labels, for what {@code ALTER TYPE} cannot do:
     * removing or reordering labels. The statements:
     * <ol>
     * <li>when columns are given, a {@code DO} block that fails with a clear error, naming the
     * column and the labels, if a row holds a label the new type lacks, before anything
     * changes;</li>
     * <li>{@code ALTER TYPE name RENAME TO name_belay_old};</li>
     * <li>{@code CREATE TYPE name AS ENUM (...)};</li>
     * <li>per table, one {@code ALTER TABLE} that drops each column's default, casts it with
     * {@code USING column::text::name} ({@code ::text[]::name[]} for arrays) and sets the default
     * again;</li>
     * <li>{@code DROP TYPE name_belay_old}.</li>
     * </ol>
     * Each table is rewritten under an {@code ACCESS EXCLUSIVE} lock. Every column that uses the
     * type must be listed, or the final {@code DROP TYPE} fails; indexes and constraints whose
     * expressions compare with the type's labels must be dropped before and created again after.
     * @param name the enum type's name
     * @param labels the new type's labels in their sort order
     * @param columns the columns that use the type
     */
    public void replaceEnumType(String name, List<String> labels, List<EnumColumn> columns) {
        String old = Names.derived(name, "_belay_old");
        if (!columns.isEmpty()) {
            run(enumGuard(name, labels, columns));
        }
        run("ALTER TYPE " + name(name) + " RENAME TO " + name(old));
        createEnumType(name, labels);
        Map<String, List<EnumColumn>> byTable = new LinkedHashMap<>();
        for (EnumColumn column : columns) {
            byTable.computeIfAbsent(column.table(), (table) -> new ArrayList<>()).add(column);
        }
        byTable.forEach((table, tableColumns) -> {
            List<String> clauses = new ArrayList<>();
            for (EnumColumn column : tableColumns) {
                String col = "ALTER COLUMN " + name(column.column()) + " ";
                String type = name(name) + (column.array() ? "[]" : "");
                clauses.add(col + "DROP DEFAULT");
                clauses.add(col + "TYPE " + type + " USING " + name(column.column()) + (column.array() ? "::text[]::" : "::text::")
                        + type);
                if (column.defaultExpression() != null) {
                    clauses.add(col + "SET DEFAULT " + column.defaultExpression());
                }
            }
            run(alterTable(table) + String.join(", ", clauses));
        });
        run("DROP TYPE " + name(old));
    }

    private static String enumGuard(String type, List<String> labels, List<EnumColumn> columns) {
        StringBuilder body = new StringBuilder("DECLARE found text; BEGIN");
        for (EnumColumn column : columns) {
            String value = column.array() ? "unnest(" + name(column.column()) + ")::text"
                    : name(column.column()) + "::text";
            body.append(" SELECT string_agg(DISTINCT v, ', ' ORDER BY v) INTO found FROM (SELECT ")
                .append(value)
                .append(" AS v FROM ")
                .append(name(column.table()))
                .append(") labels WHERE ")
                .append(labels.isEmpty() ? "v IS NOT NULL" : "v NOT IN (" + Ddl.literals(labels) + ")")
                .append("; IF found IS NOT NULL THEN RAISE EXCEPTION 'Column %.% holds % that enum type % will no longer have', ")
                .append(Identifiers.literal(column.table()))
                .append(", ")
                .append(Identifiers.literal(column.column()))
                .append(", found, ")
                .append(Identifiers.literal(type))
                .append(" USING HINT = 'Update or delete those rows first, then run the migration again.'; END IF;");
        }
        body.append(" END");
        return Ddl.doBlock(body.toString());
    }

    // Casts

    /**
     * Creates a cast: {@code CREATE CAST (source AS target) WITH INOUT AS IMPLICIT}, as Hibernate
     * creates the two for a named enum ({@code createCast("ridetype", "character varying",
     * CastMethod.INOUT, CastContext.IMPLICIT)} and back). PostgreSQL keeps casts for the whole
     * database; the types are resolved through {@code search_path}, so an unqualified enum type is
     * the managed schema's. Takes no lock on any table. Fails if the cast exists or if the role owns
     * neither type.
     * @param source the type converted from, as SQL ({@code ridetype}, {@code "RideType"},
     * {@code character varying})
     * @param target the type converted to, as SQL
     * @param method how the cast converts
     * @param context where PostgreSQL applies it unasked
     */
    public void createCast(String source, String target, CastMethod method, CastContext context) {
        Cast cast = Cast.of(source, target, method, context);
        run("CREATE CAST " + castTypes(cast.source(), cast.target()) + " " + cast.method().sql() + cast.context().sql());
    }

    /**
     * Drops a cast: {@code DROP CAST (source AS target)}. Statements that relied on it fail
     * afterwards, such as an insert of a {@code varchar} parameter (a JDBC {@code setString}) into an
     * enum column through Hibernate's implicit cast.
     * @param source the type converted from, as SQL
     * @param target the type converted to, as SQL
     */
    public void dropCast(String source, String target) {
        // The types are checked as createCast checks them; method and context play no part in a drop.
        Cast cast = Cast.of(source, target, CastMethod.INOUT, CastContext.EXPLICIT);
        run("DROP CAST " + castTypes(cast.source(), cast.target()));
    }

    /** {@code (source AS target)}: the types are SQL already (a {@link Cast} checks they are given). */
    private static String castTypes(String source, String target) {
        return "(" + source + " AS " + target + ")";
    }

    // Sequences

    /**
     * Creates a sequence: {@code CREATE SEQUENCE name AS type START WITH ... NO CYCLE}, every
     * option spelled out. Takes no lock on any table.
     * @param name the sequence's name
     * @param options its parameters
     */
    public void createSequence(String name, SequenceOptions options) {
        run("CREATE SEQUENCE " + name(name) + " " + options.sql());
    }

    /**
     * Changes a sequence's parameters: {@code ALTER SEQUENCE name AS type START WITH ...}, every
     * option spelled out, in a {@code DO} block that reads the sequence's current value first. A
     * value inside the new limits is kept ({@code START WITH} only matters for a later
     * {@code RESTART}). A value outside them, which PostgreSQL would refuse, moves in the same
     * statement and a {@code NOTICE} says where: below the limit an ascending sequence starts from
     * ({@code MINVALUE}), it restarts at that limit, the next value; past the limit it runs towards
     * ({@code MAXVALUE}), it stands used up at that limit, so the next value is {@code MINVALUE}
     * with {@code CYCLE} and an error without (descending sequences the other way round). Takes
     * no lock on any table.
     * @param name the sequence's name
     * @param options its new parameters
     */
    public void alterSequence(String name, SequenceOptions options) {
        String sequence = name(name);
        run(SequenceBounds.alter("sequence " + name, "SELECT last_value INTO stood FROM " + sequence,
                Identifiers.literal(sequence), "ALTER SEQUENCE " + sequence + " " + options.sql(), options));
    }

    /**
     * Changes a sequence's {@code START}: {@code ALTER SEQUENCE name START WITH start}. That is
     * only the value a {@code RESTART} without a value goes back to: the next value stays where
     * it is. Takes no lock on any table.
     * @param name the sequence's name
     * @param start the new start value
     */
    public void setSequenceStart(String name, long start) {
        run("ALTER SEQUENCE " + name(name) + " START WITH " + start);
    }

    /**
     * Renames a sequence: {@code ALTER SEQUENCE from RENAME TO to}. Defaults that draw from it
     * follow the rename; the current value is kept.
     * @param from the sequence's current name
     * @param to its new name
     */
    public void renameSequence(String from, String to) {
        run("ALTER SEQUENCE " + name(from) + " RENAME TO " + name(to));
    }

    /**
     * Ties a sequence to a column, so it is dropped with it:
     * {@code ALTER SEQUENCE name OWNED BY table.column}. The table must be in the same schema.
     * @param sequence the sequence's name
     * @param table the owning column's table
     * @param column the owning column
     */
    public void setSequenceOwner(String sequence, String table, String column) {
        run("ALTER SEQUENCE " + name(sequence) + " OWNED BY " + name(table) + "." + name(column));
    }

    /**
     * Unties a sequence from its column, so it survives it: {@code ALTER SEQUENCE name OWNED BY NONE}.
     * @param sequence the sequence's name
     */
    public void clearSequenceOwner(String sequence) {
        run("ALTER SEQUENCE " + name(sequence) + " OWNED BY NONE");
    }

    /**
     * Drops a sequence: {@code DROP SEQUENCE name}. Fails while a column's default draws from it.
     * @param name the sequence's name
     */
    public void dropSequence(String name) {
        run("DROP SEQUENCE " + name(name));
    }

    // Tables

    /**
     * Creates a table with its columns: {@code CREATE TABLE name (column definitions)}, then
     * {@code COMMENT ON COLUMN} for each column with a comment. Keys, constraints and indexes are
     * added by their own recipes.
     * @param name the table's name
     * @param columns the columns in table order, each belonging to this table
     */
    public void createTable(String name, List<Column> columns) {
        List<String> definitions = new ArrayList<>();
        for (Column column : columns) {
            requireOwnColumn(name, column);
            definitions.add(Ddl.columnDefinition(column));
        }
        run("CREATE TABLE " + name(name) + " (" + String.join(", ", definitions) + ")");
        for (Column column : columns) {
            if (column.comment() != null) {
                setColumnComment(name, column.name(), column.comment());
            }
        }
    }

    /**
     * Creates a table with its columns, each written without the table's name:
     * <pre>{@code
     * m.actions().createTable("ride",
     *         column("id", "bigint").identity(),
     *         column("title", "character varying(200)").notNull(),
     *         column("gpx", "bytea"));
     * }</pre>
     * Sends what {@link #createTable(String, List)} sends for the same columns.
     * @param name the table's name
     * @param columns the columns in table order (see {@link ColumnDefinition#column(String, String)})
     */
    public void createTable(String name, ColumnDefinition... columns) {
        List<Column> model = new ArrayList<>();
        for (ColumnDefinition column : columns) {
            model.add(column.toColumn(name));
        }
        createTable(name, model);
    }

    /**
     * Drops a table with its data, indexes, constraints and owned sequences:
     * {@code DROP TABLE name}. Takes an {@code ACCESS EXCLUSIVE} lock; fails (and changes
     * nothing) while a view or another table's foreign key depends on it.
     * @param name the table's name
     */
    public void dropTable(String name) {
        run("DROP TABLE " + name(name));
    }

    /**
     * Renames a table: {@code ALTER TABLE from RENAME TO to}. Its data, indexes and constraints
     * stay (with their names); views and foreign keys follow. Brief {@code ACCESS EXCLUSIVE} lock.
     * @param from the table's current name
     * @param to its new name
     */
    public void renameTable(String from, String to) {
        run("ALTER TABLE " + name(from) + " RENAME TO " + name(to));
    }

    /**
     * Sets or removes a table's comment: {@code COMMENT ON TABLE name IS '...'} (or {@code IS NULL}).
     * @param table the table's name
     * @param comment the comment, or {@code null} to remove it
     */
    public void setTableComment(String table, @Nullable String comment) {
        run("COMMENT ON TABLE " + name(table) + " IS " + Ddl.textOrNull(comment));
    }

    // Columns

    /**
     * Adds a column: {@code ALTER TABLE table ADD COLUMN definition}, then its comment if it has
     * one. Brief {@code ACCESS EXCLUSIVE} lock; the table is rewritten when the default is volatile
     * (e.g. {@code gen_random_uuid()}), for an identity or a stored generated column. A
     * {@code NOT NULL} column without a default fails on a table that has rows.
     * @param table the table's name
     * @param column the column, belonging to this table
     */
    public void addColumn(String table, Column column) {
        requireOwnColumn(table, column);
        run(alterTable(table) + "ADD COLUMN " + Ddl.columnDefinition(column));
        if (column.comment() != null) {
            setColumnComment(table, column.name(), column.comment());
        }
    }

    /**
     * Adds a column: {@code m.actions().addColumn("ride", column("note", "text"))}. Sends what
     * {@link #addColumn(String, Column)} sends for the same column, and has the same costs.
     * @param table the table's name
     * @param column the column (see {@link ColumnDefinition#column(String, String)})
     */
    public void addColumn(String table, ColumnDefinition column) {
        if (column.notNullOnlyWhenEmpty()) {
            addColumnNotNullWhenEmpty(table, column.toColumn(table));
        }
        else {
            addColumn(table, column.toColumn(table));
        }
    }

    /**
     * Adds a {@code NOT NULL} column to a table that may hold rows, as a generated {@code down}
     * adds back a column its {@code up} dropped: the short form is
     * {@code addColumn("ride", column("track", "text").notNullWhenEmpty())}. A column without a
     * default, identity or generation expression has no value for the rows a table holds, so it
     * is added nullable ({@code ALTER TABLE table ADD COLUMN definition}, without
     * {@code NOT NULL}) and made {@code NOT NULL} by {@link #addNotNullWhenEmpty(String, String)}
     * only if the table has no rows; a {@code NOTICE} says when it stays nullable. Any other
     * column is added as {@link #addColumn(String, Column)} adds it. Brief
     * {@code ACCESS EXCLUSIVE} lock; in a transaction, the check for rows runs under it, so no
     * row can come in between.
     * @param table the table's name
     * @param column the column as it is on a table without rows, belonging to this table
     */
    public void addColumnNotNullWhenEmpty(String table, Column column) {
        requireOwnColumn(table, column);
        boolean filled = column.defaultExpression() != null || column.identity() != null || column.generated() != null;
        if (!column.notNull() || filled) {
            addColumn(table, column);
            return;
        }
        run(alterTable(table) + "ADD COLUMN " + Ddl.columnDefinition(column.withNotNull(false)));
        addNotNullWhenEmpty(table, column.name());
        if (column.comment() != null) {
            setColumnComment(table, column.name(), column.comment());
        }
    }

    /**
     * Makes a column reject nulls if its table has no rows, and otherwise leaves it nullable and
     * says so with a {@code NOTICE} (which the runner logs), naming what to do: fill the column,
     * then {@link #addNotNull(String, String)}. One {@code DO} block:
     * {@code IF EXISTS (SELECT FROM table) THEN RAISE NOTICE ... ELSE ALTER TABLE table ALTER
     * COLUMN column SET NOT NULL END IF}. Reading one row is cheap; on an empty table
     * {@code SET NOT NULL} has nothing to scan. Used by
     * {@link #addColumnNotNullWhenEmpty(String, Column)} right after the column is added, when
     * every row holds a null in it.
     * @param table the table's name
     * @param column the column's name
     */
    public void addNotNullWhenEmpty(String table, String column) {
        String notice = "column " + Identifiers.quote(table) + "." + Identifiers.quote(column)
                + " is nullable: the table has rows, which have no value for it, so it could not be made NOT NULL. "
                + "To make it NOT NULL, fill it, then run " + alterColumn(table, column) + "SET NOT NULL "
                + "(in a revision: actions().addNotNull).";
        run(Ddl.doBlock("BEGIN IF EXISTS (SELECT FROM " + name(table) + ") THEN RAISE NOTICE '%', "
                + Identifiers.literal(notice) + "; ELSE " + alterColumn(table, column) + "SET NOT NULL; END IF; END"));
    }

    /**
     * Drops a column with its data: {@code ALTER TABLE table DROP COLUMN column}. Indexes and
     * constraints on it go too; fails while a view or another table's foreign key uses it. Brief
     * {@code ACCESS EXCLUSIVE} lock; no rewrite.
     * @param table the table's name
     * @param column the column's name
     */
    public void dropColumn(String table, String column) {
        run(alterTable(table) + "DROP COLUMN " + name(column));
    }

    /**
     * Renames a column: {@code ALTER TABLE table RENAME COLUMN from TO to}. Data, indexes,
     * constraints and views follow. Brief {@code ACCESS EXCLUSIVE} lock.
     * @param table the table's name
     * @param from the column's current name
     * @param to its new name
     */
    public void renameColumn(String table, String from, String to) {
        run(alterTable(table) + "RENAME COLUMN " + name(from) + " TO " + name(to));
    }

    /**
     * Changes a column's type, keeping its collation as PostgreSQL chooses:
     * {@code ALTER TABLE table ALTER COLUMN column TYPE type}. See
     * {@link #alterColumnType(String, String, String, String, String)}.
     * @param table the table's name
     * @param column the column's name
     * @param type the new type, e.g. {@code bigint}, {@code character varying(80)}
     */
    public void alterColumnType(String table, String column, String type) {
        alterColumnType(table, column, type, null, null);
    }

    /**
     * Changes a column's type, converting the values with an expression:
     * {@code ALTER TABLE table ALTER COLUMN column TYPE type USING expression}. See
     * {@link #alterColumnType(String, String, String, String, String)}.
     * @param table the table's name
     * @param column the column's name
     * @param type the new type
     * @param using the conversion, e.g. {@code amount::integer}
     */
    public void alterColumnType(String table, String column, String type, String using) {
        alterColumnType(table, column, type, null, Objects.requireNonNull(using, "using"));
    }

    /**
     * Changes a column's type and collation:
     * {@code ALTER TABLE table ALTER COLUMN column TYPE type [COLLATE collation] [USING expression]}.
     * Without {@code USING}, PostgreSQL converts with an assignment cast, which fails rather than
     * truncate (e.g. a {@code varchar} that gets shorter). Unless the types are binary compatible
     * (a longer {@code varchar}, {@code varchar} to {@code text}, ...), the table and its indexes
     * are rewritten under an {@code ACCESS EXCLUSIVE} lock. A default that cannot be cast must be
     * dropped first and set again afterwards.
     * @param table the table's name
     * @param column the column's name
     * @param type the new type
     * @param collation the collation, or {@code null} for the type's default
     * @param using the conversion, or {@code null} for PostgreSQL's assignment cast
     */
    public void alterColumnType(String table, String column, String type, @Nullable String collation,
            @Nullable String using) {
        run(alterColumn(table, column) + "TYPE " + type + ((collation != null) ? " COLLATE " + Ddl.collation(collation) : "")
                + ((using != null) ? " USING " + using : ""));
    }

    /**
     * Sets a column's default: {@code ALTER TABLE table ALTER COLUMN column SET DEFAULT expression}.
     * Only new rows see it; no rewrite, brief lock.
     * @param table the table's name
     * @param column the column's name
     * @param expression the default as SQL, e.g. {@code 'ROAD'::ride_type}, {@code now()}
     */
    public void setColumnDefault(String table, String column, String expression) {
        run(alterColumn(table, column) + "SET DEFAULT " + expression);
    }

    /**
     * Removes a column's default: {@code ALTER TABLE table ALTER COLUMN column DROP DEFAULT}.
     * @param table the table's name
     * @param column the column's name
     */
    public void dropColumnDefault(String table, String column) {
        run(alterColumn(table, column) + "DROP DEFAULT");
    }

    /**
     * Makes a column reject nulls: {@code ALTER TABLE table ALTER COLUMN column SET NOT NULL}.
     * Scans the whole table under an {@code ACCESS EXCLUSIVE} lock and fails if a row holds a
     * null. For a large table see {@link #addNotNullThroughCheck(String, String)} (PostgreSQL 12
     * to 17) and {@link #addNotNullNotValid(String, String)} (PostgreSQL 18).
     * @param table the table's name
     * @param column the column's name
     */
    public void addNotNull(String table, String column) {
        run(alterColumn(table, column) + "SET NOT NULL");
    }

    /**
     * Lets a column hold nulls: {@code ALTER TABLE table ALTER COLUMN column DROP NOT NULL}. Brief
     * lock; fails for a primary key column.
     * @param table the table's name
     * @param column the column's name
     */
    public void dropNotNull(String table, String column) {
        run(alterColumn(table, column) + "DROP NOT NULL");
    }

    /**
     * Makes a column reject nulls without a long exclusive lock, for PostgreSQL 12 and later, in
     * one call: {@link #addNotNullCheckNotValid(String, String)},
     * {@link #validateNotNullCheck(String, String)}, then {@link #setNotNullFromCheck(String, String)}.
     * Fails at the validation, with nothing else changed, if a row holds a null.
     * <p>
     * In a revision that runs in a transaction, the validation's scan then holds the lock that
     * adding the check took until the end; the lock stays short only when each step commits on
     * its own. {@code belay generate --online-safe} therefore writes the three steps, each in the
     * revision of a chain that suits it (see the README's "Online-safe mode").
     * @param table the table's name
     * @param column the column's name
     */
    public void addNotNullThroughCheck(String table, String column) {
        addNotNullCheckNotValid(table, column);
        validateNotNullCheck(table, column);
        setNotNullFromCheck(table, column);
    }

    /**
     * First step of making a column reject nulls without a long exclusive lock (PostgreSQL 12 to
     * 17): {@code ALTER TABLE table ADD CONSTRAINT table_column_not_null_check CHECK (column IS NOT NULL) NOT VALID}.
     * New rows must pass at once; existing rows are not checked. Brief {@code ACCESS EXCLUSIVE}
     * lock, {@link TransactionMode#OWN_TRANSACTION} so that it is released before the validation.
     * Follow it with {@link #validateNotNullCheck(String, String)}.
     * @param table the table's name
     * @param column the column's name
     */
    public void addNotNullCheckNotValid(String table, String column) {
        run(alterTable(table) + "ADD CONSTRAINT " + name(Names.notNullCheck(table, column)) + " CHECK (" + name(column)
                + " IS NOT NULL) NOT VALID", TransactionMode.OWN_TRANSACTION);
    }

    /**
     * Second step: checks the existing rows against the check that
     * {@link #addNotNullCheckNotValid(String, String)} added:
     * {@code ALTER TABLE table VALIDATE CONSTRAINT table_column_not_null_check}. Scans the table
     * under a {@code SHARE UPDATE EXCLUSIVE} lock that lets reads and writes go on; fails if a row
     * holds a null. {@link TransactionMode#OWN_TRANSACTION}; validating a valid check again does
     * nothing, so the step may be repeated.
     * @param table the table's name
     * @param column the column's name
     */
    public void validateNotNullCheck(String table, String column) {
        validateConstraint(table, Names.notNullCheck(table, column));
    }

    /**
     * Last step: {@code ALTER TABLE table ALTER COLUMN column SET NOT NULL}, which the valid check
     * lets PostgreSQL do without scanning the table (brief lock), then
     * {@code ALTER TABLE table DROP CONSTRAINT table_column_not_null_check}.
     * @param table the table's name
     * @param column the column's name
     */
    public void setNotNullFromCheck(String table, String column) {
        addNotNull(table, column);
        run(alterTable(table) + "DROP CONSTRAINT " + name(Names.notNullCheck(table, column)));
    }

    /**
     * Makes a column reject nulls in new rows at once, without checking existing rows (PostgreSQL
     * 18): {@code ALTER TABLE table ADD CONSTRAINT table_column_not_null NOT NULL column NOT VALID}.
     * Brief lock, {@link TransactionMode#OWN_TRANSACTION}. Follow it with
     * {@link #validateNotNull(String, String)}.
     * @param table the table's name
     * @param column the column's name
     */
    public void addNotNullNotValid(String table, String column) {
        run(alterTable(table) + "ADD CONSTRAINT " + name(Names.notNullConstraint(table, column)) + " NOT NULL "
                + name(column) + " NOT VALID", TransactionMode.OWN_TRANSACTION);
    }

    /**
     * Checks the existing rows against the constraint that
     * {@link #addNotNullNotValid(String, String)} added (PostgreSQL 18):
     * {@code ALTER TABLE table VALIDATE CONSTRAINT table_column_not_null}. Scans the table under a
     * {@code SHARE UPDATE EXCLUSIVE} lock that lets reads and writes go on; fails if a row holds a
     * null. {@link TransactionMode#OWN_TRANSACTION}.
     * @param table the table's name
     * @param column the column's name
     */
    public void validateNotNull(String table, String column) {
        validateConstraint(table, Names.notNullConstraint(table, column));
    }

    /**
     * Makes a column an identity column:
     * {@code ALTER TABLE table ALTER COLUMN column ADD GENERATED ... AS IDENTITY (options)}. The
     * column must be {@code NOT NULL} and have no default. Existing rows keep their values; the
     * sequence starts at its {@code START WITH} value, so set it above the existing ones.
     * @param table the table's name
     * @param column the column's name
     * @param identity the generation and sequence options
     */
    public void addIdentity(String table, String column, Identity identity) {
        run(alterColumn(table, column) + "ADD " + Ddl.identityGeneration(identity) + " AS IDENTITY ("
                + Ddl.identityOptions(identity.options(), "") + ")");
    }

    /**
     * Changes an identity column's generation and sequence options:
     * {@code ALTER TABLE table ALTER COLUMN column SET GENERATED ... SET START WITH ... SET NO CYCLE},
     * in a {@code DO} block that reads the identity sequence's current value first: it is kept
     * when it lies inside the new limits, and moves as {@link #alterSequence} says when it does not
     * ({@code RESTART WITH} the limit, in the same statement). The sequence's type follows the
     * column's.
     * @param table the table's name
     * @param column the column's name
     * @param identity the new generation and sequence options
     */
    public void alterIdentity(String table, String column, Identity identity) {
        String sequence = "pg_get_serial_sequence(" + Identifiers.literal(name(table)) + ", " + Identifiers.literal(column) + ")";
        run(SequenceBounds.alter("sequence of identity column " + table + "." + column,
                "EXECUTE 'SELECT last_value FROM ' || " + sequence + " INTO stood", sequence,
                alterColumn(table, column) + "SET " + Ddl.identityGeneration(identity) + " "
                        + Ddl.identityOptions(identity.options(), "SET "),
                identity.options()));
    }

    /**
     * Makes an identity column an ordinary one: {@code ALTER TABLE table ALTER COLUMN column DROP IDENTITY}.
     * Values stay; the identity's sequence is dropped.
     * @param table the table's name
     * @param column the column's name
     */
    public void dropIdentity(String table, String column) {
        run(alterColumn(table, column) + "DROP IDENTITY");
    }

    /**
     * Changes a generated column's expression (PostgreSQL 17 and later):
     * {@code ALTER TABLE table ALTER COLUMN column SET EXPRESSION AS (expression)}. A stored column
     * is recomputed, rewriting the table under an {@code ACCESS EXCLUSIVE} lock.
     * @param table the table's name
     * @param column the column's name
     * @param expression the new generation expression
     */
    public void setGeneratedExpression(String table, String column, String expression) {
        run(alterColumn(table, column) + "SET EXPRESSION AS (" + expression + ")");
    }

    /**
     * Makes a stored generated column an ordinary one that keeps its current values:
     * {@code ALTER TABLE table ALTER COLUMN column DROP EXPRESSION}.
     * @param table the table's name
     * @param column the column's name
     */
    public void dropGeneratedExpression(String table, String column) {
        run(alterColumn(table, column) + "DROP EXPRESSION");
    }

    /**
     * Sets or removes a column's comment: {@code COMMENT ON COLUMN table.column IS '...'} (or
     * {@code IS NULL}).
     * @param table the table's name
     * @param column the column's name
     * @param comment the comment, or {@code null} to remove it
     */
    public void setColumnComment(String table, String column, @Nullable String comment) {
        run("COMMENT ON COLUMN " + name(table) + "." + name(column) + " IS " + Ddl.textOrNull(comment));
    }

    // Keys and constraints

    /**
     * Adds a primary key: {@code ALTER TABLE table ADD CONSTRAINT name PRIMARY KEY (columns)}.
     * Builds a unique index and makes the columns {@code NOT NULL}, scanning the table under an
     * {@code ACCESS EXCLUSIVE} lock; fails on duplicates or nulls. For a large table, build the
     * index with {@link #createIndexConcurrently(Index)} and use
     * {@link #addPrimaryKeyUsingIndex(String, String, Deferrability)}.
     * @param primaryKey the key
     */
    public void addPrimaryKey(PrimaryKey primaryKey) {
        run(alterTable(primaryKey.table()) + "ADD CONSTRAINT " + name(primaryKey.name()) + " PRIMARY KEY ("
                + names(primaryKey.columns()) + ")" + primaryKey.deferrability().sql());
    }

    /**
     * Adds a primary key that is not deferrable:
     * {@code m.actions().addPrimaryKey("ride", "ride_pkey", "id")}. Sends what
     * {@link #addPrimaryKey(PrimaryKey)} sends, and has the same costs; a deferrable key is
     * written with that method.
     * @param table the table's name
     * @param name the key's name (also its index's)
     * @param columns the key's columns in order
     */
    public void addPrimaryKey(String table, String name, String... columns) {
        addPrimaryKey(PrimaryKey.of(table, name, columns));
    }

    /**
     * Turns a unique index into the primary key:
     * {@code ALTER TABLE table ADD CONSTRAINT name PRIMARY KEY USING INDEX name}. Brief lock (plus a
     * scan if a column still allows nulls).
     * @param table the table's name
     * @param name the index's name, which becomes the key's
     * @param deferrability whether the key's check may be deferred
     */
    public void addPrimaryKeyUsingIndex(String table, String name, Deferrability deferrability) {
        run(alterTable(table) + "ADD CONSTRAINT " + name(name) + " PRIMARY KEY USING INDEX " + name(name)
                + deferrability.sql());
    }

    /**
     * Adds a unique constraint:
     * {@code ALTER TABLE table ADD CONSTRAINT name UNIQUE [NULLS NOT DISTINCT] (columns)}. Builds its
     * index under a lock that blocks writes; fails on duplicates. For a large table, build the
     * index with {@link #createIndexConcurrently(Index)} and use
     * {@link #addUniqueConstraintUsingIndex(String, String, Deferrability)}.
     * @param unique the constraint
     */
    public void addUniqueConstraint(UniqueConstraint unique) {
        run(alterTable(unique.table()) + "ADD CONSTRAINT " + name(unique.name()) + " UNIQUE"
                + (unique.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "") + " (" + names(unique.columns()) + ")"
                + unique.deferrability().sql());
    }

    /**
     * Adds a unique constraint that is neither deferrable nor {@code NULLS NOT DISTINCT}:
     * {@code m.actions().addUniqueConstraint("tag", "tag_name_key", "name")}. Sends what
     * {@link #addUniqueConstraint(UniqueConstraint)} sends, and has the same costs; the other
     * kinds are written with that method.
     * @param table the table's name
     * @param name the constraint's name (also its index's)
     * @param columns the constrained columns in order
     */
    public void addUniqueConstraint(String table, String name, String... columns) {
        addUniqueConstraint(UniqueConstraint.of(table, name, columns));
    }

    /**
     * Turns a unique index into a unique constraint:
     * {@code ALTER TABLE table ADD CONSTRAINT name UNIQUE USING INDEX name}. Brief lock.
     * @param table the table's name
     * @param name the index's name, which becomes the constraint's
     * @param deferrability whether the constraint's check may be deferred
     */
    public void addUniqueConstraintUsingIndex(String table, String name, Deferrability deferrability) {
        run(alterTable(table) + "ADD CONSTRAINT " + name(name) + " UNIQUE USING INDEX " + name(name) + deferrability.sql());
    }

    /**
     * Adds a check constraint: {@code ALTER TABLE table ADD CONSTRAINT name CHECK (expression)}.
     * Checks every row under an {@code ACCESS EXCLUSIVE} lock; fails if one does not pass. For a
     * large table see {@link #addCheckConstraintNotValid(CheckConstraint)}.
     * @param check the constraint
     */
    public void addCheckConstraint(CheckConstraint check) {
        run(alterTable(check.table()) + "ADD CONSTRAINT " + name(check.name()) + " CHECK (" + check.expression() + ")");
    }

    /**
     * Adds a check constraint, validating every row:
     * {@code m.actions().addCheckConstraint("ride", "ride_type_check", "type in ('GRAVEL','ROAD')")}.
     * Sends what {@link #addCheckConstraint(CheckConstraint)} sends, and has the same costs.
     * @param table the table's name
     * @param name the constraint's name
     * @param expression the condition as SQL, without {@code CHECK}
     */
    public void addCheckConstraint(String table, String name, String expression) {
        addCheckConstraint(CheckConstraint.of(table, name, expression));
    }

    /**
     * Adds a check constraint that new rows must pass, without checking existing ones:
     * {@code ALTER TABLE table ADD CONSTRAINT name CHECK (expression) NOT VALID}. Brief lock,
     * {@link TransactionMode#OWN_TRANSACTION}; follow it with
     * {@link #validateConstraint(String, String)}.
     * @param check the constraint
     */
    public void addCheckConstraintNotValid(CheckConstraint check) {
        run(alterTable(check.table()) + "ADD CONSTRAINT " + name(check.name()) + " CHECK (" + check.expression()
                + ") NOT VALID", TransactionMode.OWN_TRANSACTION);
    }

    /**
     * Adds a check constraint {@code NOT VALID}, in a transaction of its own, leaving existing rows
     * to {@link #validateConstraint}. Sends what {@link #addCheckConstraintNotValid(CheckConstraint)}
     * sends.
     * @param table the table's name
     * @param name the constraint's name
     * @param expression the condition as SQL, without {@code CHECK}
     */
    public void addCheckConstraintNotValid(String table, String name, String expression) {
        addCheckConstraintNotValid(CheckConstraint.of(table, name, expression));
    }

    /**
     * Adds a foreign key:
     * {@code ALTER TABLE table ADD CONSTRAINT name FOREIGN KEY (columns) REFERENCES target (columns) ...}.
     * Checks every row while holding a {@code SHARE ROW EXCLUSIVE} lock on both tables, which blocks
     * writes; fails if a row has no match. For a large table see
     * {@link #addForeignKeyNotValid(ForeignKey)}.
     * @param foreignKey the constraint
     */
    public void addForeignKey(ForeignKey foreignKey) {
        run(alterTable(foreignKey.table()) + "ADD CONSTRAINT " + name(foreignKey.name()) + " " + Ddl.foreignKey(foreignKey));
    }

    /**
     * Adds a foreign key on one column:
     * <pre>{@code
     * m.actions().addForeignKey("ride", "ride_rider_fk", "rider_id", references("rider", "id"));
     * m.actions().addForeignKey("ride", "ride_rider_fk", "rider_id",
     *         references("rider", "id").onDelete(ReferentialAction.CASCADE));
     * }</pre>
     * Sends what {@link #addForeignKey(ForeignKey)} sends, and has the same costs.
     * @param table the referencing table's name
     * @param name the constraint's name
     * @param column the referencing column
     * @param references the referenced table and column, and the key's behaviour (see
     * {@link References#references(String, String...)})
     */
    public void addForeignKey(String table, String name, String column, References references) {
        addForeignKey(table, name, List.of(column), references);
    }

    /**
     * Adds a foreign key on several columns:
     * {@code m.actions().addForeignKey("stop", "stop_ride_fk", List.of("ride_id", "day"), references("ride", "id", "day"))}.
     * Sends what {@link #addForeignKey(ForeignKey)} sends, and has the same costs.
     * @param table the referencing table's name
     * @param name the constraint's name
     * @param columns the referencing columns, in the order of the referenced ones
     * @param references the referenced table and columns, and the key's behaviour
     */
    public void addForeignKey(String table, String name, List<String> columns, References references) {
        addForeignKey(references.toForeignKey(table, name, columns));
    }

    /**
     * Adds a foreign key that new rows must satisfy, without checking existing ones:
     * {@code ... FOREIGN KEY ... NOT VALID}. Brief lock, {@link TransactionMode#OWN_TRANSACTION};
     * follow it with {@link #validateConstraint(String, String)}.
     * @param foreignKey the constraint
     */
    public void addForeignKeyNotValid(ForeignKey foreignKey) {
        run(alterTable(foreignKey.table()) + "ADD CONSTRAINT " + name(foreignKey.name()) + " " + Ddl.foreignKey(foreignKey)
                + " NOT VALID", TransactionMode.OWN_TRANSACTION);
    }

    /**
     * Adds a foreign key on one column without checking existing rows: sends what
     * {@link #addForeignKeyNotValid(ForeignKey)} sends. Follow it with
     * {@link #validateConstraint(String, String)}.
     * @param table the referencing table's name
     * @param name the constraint's name
     * @param column the referencing column
     * @param references the referenced table and column, and the key's behaviour
     */
    public void addForeignKeyNotValid(String table, String name, String column, References references) {
        addForeignKeyNotValid(table, name, List.of(column), references);
    }

    /**
     * Adds a foreign key on several columns without checking existing rows: sends what
     * {@link #addForeignKeyNotValid(ForeignKey)} sends. Follow it with
     * {@link #validateConstraint(String, String)}.
     * @param table the referencing table's name
     * @param name the constraint's name
     * @param columns the referencing columns, in the order of the referenced ones
     * @param references the referenced table and columns, and the key's behaviour
     */
    public void addForeignKeyNotValid(String table, String name, List<String> columns, References references) {
        addForeignKeyNotValid(references.toForeignKey(table, name, columns));
    }

    /**
     * Checks existing rows against a constraint added {@code NOT VALID}:
     * {@code ALTER TABLE table VALIDATE CONSTRAINT name}. Scans under a
     * {@code SHARE UPDATE EXCLUSIVE} lock that lets reads and writes go on; fails if a row does
     * not pass. {@link TransactionMode#OWN_TRANSACTION}, so the scan's lock is not held with others.
     * @param table the table's name
     * @param name the constraint's name
     */
    public void validateConstraint(String table, String name) {
        run(alterTable(table) + "VALIDATE CONSTRAINT " + name(name), TransactionMode.OWN_TRANSACTION);
    }

    /**
     * Drops a primary key, unique, check or foreign key constraint:
     * {@code ALTER TABLE table DROP CONSTRAINT name}. Brief {@code ACCESS EXCLUSIVE} lock; a key's
     * index goes with it; fails while another table's foreign key relies on the key.
     * @param table the table's name
     * @param name the constraint's name
     */
    public void dropConstraint(String table, String name) {
        run(alterTable(table) + "DROP CONSTRAINT " + name(name));
    }

    /**
     * Renames a constraint (and a key's index with it):
     * {@code ALTER TABLE table RENAME CONSTRAINT from TO to}. Brief lock.
     * @param table the table's name
     * @param from the constraint's current name
     * @param to its new name
     */
    public void renameConstraint(String table, String from, String to) {
        run(alterTable(table) + "RENAME CONSTRAINT " + name(from) + " TO " + name(to));
    }

    // Indexes

    /**
     * Builds an index:
     * {@code CREATE [UNIQUE] INDEX name ON table USING method (keys) [INCLUDE (...)] [WHERE ...]}.
     * Blocks writes to the table (reads go on) while the index is built; a unique index fails on
     * duplicates. For a large table see {@link #createIndexConcurrently(Index)}.
     * @param index the index
     */
    public void createIndex(Index index) {
        run(Ddl.createIndex(index, false));
    }

    /**
     * Builds a plain {@code btree} index on columns:
     * {@code m.actions().createIndex("ride", "ride_started_at_idx", "started_at")}. Sends what
     * {@link #createIndex(Index)} sends, and has the same costs.
     * @param table the table's name
     * @param name the index's name
     * @param columns the key columns in order
     */
    public void createIndex(String table, String name, String... columns) {
        createIndex(Index.of(table, name, columns));
    }

    /**
     * Builds a unique, partial or other index on columns:
     * {@code m.actions().createIndex("ride", "ride_open_idx", on("started_at").where("finished_at IS NULL"))}.
     * Sends what {@link #createIndex(Index)} sends, and has the same costs.
     * @param table the table's name
     * @param name the index's name
     * @param definition the columns and the rest (see {@link IndexDefinition#on(String...)})
     */
    public void createIndex(String table, String name, IndexDefinition definition) {
        createIndex(definition.toIndex(table, name));
    }

    /**
     * Builds an index without blocking writes:
     * {@code CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS name ON ...}. Takes longer and cannot
     * run in a transaction ({@link TransactionMode#NO_TRANSACTION}). {@code IF NOT EXISTS} makes it
     * safe to run again once it has succeeded. If it fails (a duplicate, a deadlock, an
     * interruption), PostgreSQL leaves an invalid index of that name behind, which
     * {@code IF NOT EXISTS} would then take for the index: drop it before trying again (Belay's
     * runner does so before it resumes an interrupted idempotent revision).
     * @param index the index
     */
    public void createIndexConcurrently(Index index) {
        run(Ddl.createIndex(index, true), TransactionMode.NO_TRANSACTION);
    }

    /**
     * Builds a plain {@code btree} index on columns without blocking writes: sends what
     * {@link #createIndexConcurrently(Index)} sends, outside any transaction.
     * @param table the table's name
     * @param name the index's name
     * @param columns the key columns in order
     */
    public void createIndexConcurrently(String table, String name, String... columns) {
        createIndexConcurrently(Index.of(table, name, columns));
    }

    /**
     * Builds a unique, partial or other index on columns without blocking writes: sends what
     * {@link #createIndexConcurrently(Index)} sends, outside any transaction.
     * @param table the table's name
     * @param name the index's name
     * @param definition the columns and the rest (see {@link IndexDefinition#on(String...)})
     */
    public void createIndexConcurrently(String table, String name, IndexDefinition definition) {
        createIndexConcurrently(definition.toIndex(table, name));
    }

    /**
     * Drops an index: {@code DROP INDEX name}. Takes an {@code ACCESS EXCLUSIVE} lock on its table.
     * @param name the index's name
     */
    public void dropIndex(String name) {
        run("DROP INDEX " + name(name));
    }

    /**
     * Drops an index without blocking the table: {@code DROP INDEX CONCURRENTLY IF EXISTS name}.
     * Cannot run in a transaction ({@link TransactionMode#NO_TRANSACTION}); {@code IF EXISTS}
     * makes it safe to run again once it has succeeded.
     * @param name the index's name
     */
    public void dropIndexConcurrently(String name) {
        run("DROP INDEX CONCURRENTLY IF EXISTS " + name(name), TransactionMode.NO_TRANSACTION);
    }

    /**
     * Renames an index: {@code ALTER INDEX from RENAME TO to}. Brief lock.
     * @param from the index's current name
     * @param to its new name
     */
    public void renameIndex(String from, String to) {
        run("ALTER INDEX " + name(from) + " RENAME TO " + name(to));
    }

    private static void requireOwnColumn(String table, Column column) {
        if (!column.table().equals(table)) {
            throw new IllegalArgumentException("Column " + Identifiers.quote(column.name()) + " is declared for table "
                    + Identifiers.quote(column.table()) + ", not " + Identifiers.quote(table)
                    + "; build it with Column.of(" + Identifiers.literal(table) + ", ...)");
        }
    }

}
