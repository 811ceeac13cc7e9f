package dev.belay.schema;

import java.util.Comparator;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Identifies one object in a schema: its kind, its name and, for objects that live on a table
 * (columns, constraints, indexes), the table's name. Ids order by kind, then table, then name.
 *
 * @param kind what the object is
 * @param table the table the object lives on, or {@code null} for enum types, sequences, tables
 * and casts
 * @param name the object's own name; a cast's is {@code source AS target}
 */
public record ObjectId(ObjectKind kind, @Nullable String table, String name) implements Comparable<ObjectId> {

    private static final Comparator<ObjectId> ORDER = Comparator.comparing(ObjectId::kind)
        .thenComparing(ObjectId::table, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(ObjectId::name);

    public ObjectId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind.belongsToTable() != (table != null)) {
            throw new IllegalArgumentException(kind.description() + " ids " + (kind.belongsToTable() ? "need" : "take no")
                    + " table name: " + table + "." + name);
        }
    }

    public static ObjectId enumType(String name) {
        return new ObjectId(ObjectKind.ENUM_TYPE, null, name);
    }

    public static ObjectId sequence(String name) {
        return new ObjectId(ObjectKind.SEQUENCE, null, name);
    }

    public static ObjectId table(String name) {
        return new ObjectId(ObjectKind.TABLE, null, name);
    }

    /** The id of the cast from {@code source} to {@code target} (types as SQL, see {@link Cast}). */
    public static ObjectId cast(String source, String target) {
        return new ObjectId(ObjectKind.CAST, null, source + " AS " + target);
    }

    public static ObjectId column(String table, String name) {
        return new ObjectId(ObjectKind.COLUMN, table, name);
    }

    public static ObjectId onTable(ObjectKind kind, String table, String name) {
        return new ObjectId(kind, table, name);
    }

    /** The id of the table this object lives on, or this id itself for a table. */
    public ObjectId tableId() {
        if (this.kind == ObjectKind.TABLE) {
            return this;
        }
        if (this.table == null) {
            throw new IllegalStateException(this + " does not live on a table");
        }
        return table(this.table);
    }

    @Override
    public int compareTo(ObjectId other) {
        return ORDER.compare(this, other);
    }

    /**
     * For example {@code column "ride"."started_at"}: the kind and the quoted name; a cast as
     * {@code cast (ridetype AS character varying)}, its types being SQL already.
     */
    @Override
    public String toString() {
        if (this.kind == ObjectKind.CAST) {
            return this.kind.description() + " (" + this.name + ")";
        }
        String quoted = Identifiers.quote(this.name);
        return this.kind.description() + " " + ((this.table != null) ? Identifiers.quote(this.table) + "." + quoted : quoted);
    }

}
