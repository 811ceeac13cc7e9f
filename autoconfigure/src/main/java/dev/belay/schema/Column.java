package dev.belay.schema;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A column of a table.
 *
 * @param table the table's name
 * @param name the column's name
 * @param type the type as {@code format_type} renders it, typmod included, e.g.
 * {@code character varying(255)}, {@code numeric(10,2)}, {@code timestamp(6) with time zone},
 * {@code ride_type[]}
 * @param notNull whether the column rejects nulls
 * @param defaultExpression the default as {@code pg_get_expr} renders it, or {@code null}
 * @param identity the identity definition, or {@code null} when the column is not an identity
 * @param generated the generation expression, or {@code null} when the column is not generated
 * @param collation the collation when it differs from the type's default, or {@code null}
 * @param comment the column's comment, or {@code null}
 */
public record Column(String table, String name, String type, boolean notNull, @Nullable String defaultExpression,
        @Nullable Identity identity, @Nullable GeneratedColumn generated, @Nullable String collation,
        @Nullable String comment) implements DbObject {

    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");

    public Column {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A nullable column with no default, identity, generation, collation or comment. */
    public static Column of(String table, String name, String type) {
        return new Column(table, name, type, false, null, null, null, null, null);
    }

    @Override
    public ObjectId id() {
        return ObjectId.column(this.table, this.name);
    }

    /**
     * The table, an enum type the column may use (also as an array), and a sequence its default
     * may draw from.
     */
    @Override
    public Set<ObjectId> dependencies() {
        Set<ObjectId> dependencies = new LinkedHashSet<>();
        dependencies.add(ObjectId.table(this.table));
        String userType = userTypeName(this.type);
        if (userType != null) {
            dependencies.add(ObjectId.enumType(userType));
        }
        String sequence = sequenceName(this.defaultExpression);
        if (sequence != null) {
            dependencies.add(ObjectId.sequence(sequence));
        }
        return Set.copyOf(dependencies);
    }

    /**
     * The name of a type defined in this schema that a rendered type may refer to: the element type
     * of an array, unquoted; {@code null} for a qualified name (another schema's type) or a
     * built-in spelled with spaces or a typmod.
     */
    public static @Nullable String userTypeName(String type) {
        String base = type.strip();
        while (base.endsWith("[]")) {
            base = base.substring(0, base.length() - 2).strip();
        }
        if (base.startsWith("\"")) {
            int end = base.lastIndexOf('"');
            if (end == base.length() - 1 && end > 0) {
                return Identifiers.unquote(base);
            }
            return null;
        }
        if (base.contains(".") || base.contains(" ") || base.contains("(")) {
            return null;
        }
        return base;
    }

    /** The sequence a {@code nextval('...'::regclass)} default draws from, or {@code null}. */
    public static @Nullable String sequenceName(@Nullable String defaultExpression) {
        if (defaultExpression == null) {
            return null;
        }
        Matcher matcher = NEXTVAL.matcher(defaultExpression);
        if (!matcher.find()) {
            return null;
        }
        String name = matcher.group(1).replace("''", "'");
        return name.contains(".") && !name.startsWith("\"") ? null : Identifiers.unquote(name);
    }

    public Column withType(String type) {
        return new Column(this.table, this.name, type, this.notNull, this.defaultExpression, this.identity,
                this.generated, this.collation, this.comment);
    }

    public Column withNotNull(boolean notNull) {
        return new Column(this.table, this.name, this.type, notNull, this.defaultExpression, this.identity,
                this.generated, this.collation, this.comment);
    }

    public Column withDefault(@Nullable String defaultExpression) {
        return new Column(this.table, this.name, this.type, this.notNull, defaultExpression, this.identity,
                this.generated, this.collation, this.comment);
    }

    public Column withIdentity(@Nullable Identity identity) {
        return new Column(this.table, this.name, this.type, this.notNull, this.defaultExpression, identity,
                this.generated, this.collation, this.comment);
    }

    public Column withGenerated(@Nullable GeneratedColumn generated) {
        return new Column(this.table, this.name, this.type, this.notNull, this.defaultExpression, this.identity,
                generated, this.collation, this.comment);
    }

    public Column withCollation(@Nullable String collation) {
        return new Column(this.table, this.name, this.type, this.notNull, this.defaultExpression, this.identity,
                this.generated, collation, this.comment);
    }

    public Column withComment(@Nullable String comment) {
        return new Column(this.table, this.name, this.type, this.notNull, this.defaultExpression, this.identity,
                this.generated, this.collation, comment);
    }

    /** The same column on another table (after a table rename) or under another name. */
    public Column renamed(String table, String name) {
        return new Column(table, name, this.type, this.notNull, this.defaultExpression, this.identity, this.generated,
                this.collation, this.comment);
    }

    /** The column as it would appear in {@code CREATE TABLE}, e.g. {@code "name" text NOT NULL}. */
    public String describe() {
        StringBuilder sql = new StringBuilder(Identifiers.quote(this.name)).append(' ').append(this.type);
        if (this.collation != null) {
            sql.append(" COLLATE ").append(this.collation);
        }
        if (this.generated != null) {
            sql.append(" GENERATED ALWAYS AS (").append(this.generated.expression()).append(") ")
                .append(this.generated.kind());
        }
        if (this.identity != null) {
            sql.append(" GENERATED ").append(this.identity.generation().sql()).append(" AS IDENTITY");
        }
        if (this.defaultExpression != null) {
            sql.append(" DEFAULT ").append(this.defaultExpression);
        }
        if (this.notNull) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

}
