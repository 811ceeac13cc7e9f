package dev.belay.schema;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A cast between two types of which at least one is an enum type of the schema, such as the two
 * Hibernate creates for a named enum ({@code CREATE CAST (ridetype AS varchar) WITH INOUT AS
 * IMPLICIT} and back), so that a {@code varchar} value, such as a JDBC {@code setString}
 * parameter, can be assigned to the enum column and the enum used where {@code varchar} is wanted.
 * <p>
 * PostgreSQL keeps casts for the whole database, not in a schema; Belay counts a cast to the
 * schema of its enum type, whose {@code DROP TYPE ... CASCADE} drops it too. The types are SQL as
 * {@code format_type} writes them with the schema on the {@code search_path}, as a
 * {@linkplain Column#type() column's type} is: a type of the schema unqualified and quoted only
 * where it must be ({@code ridetype}, {@code "RideType"}), a built-in one by its SQL name
 * ({@code character varying}, not {@code varchar}), another schema's type qualified.
 *
 * @param source the type the cast converts from
 * @param target the type it converts to
 * @param method how it converts
 * @param context where PostgreSQL applies it unasked
 */
public record Cast(String source, String target, CastMethod method, CastContext context) implements DbObject {

    public Cast {
        requireType(source, "source");
        requireType(target, "target");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(context, "context");
    }

    public static Cast of(String source, String target, CastMethod method, CastContext context) {
        return new Cast(source, target, method, context);
    }

    @Override
    public ObjectId id() {
        return ObjectId.cast(this.source, this.target);
    }

    /** The enum types of the schema among its two types: a cast is created after them and dropped before. */
    @Override
    public Set<ObjectId> dependencies() {
        Set<ObjectId> dependencies = new LinkedHashSet<>();
        for (String type : new String[] { this.source, this.target }) {
            String name = Column.userTypeName(type);
            if (name != null) {
                dependencies.add(ObjectId.enumType(name));
            }
        }
        return Set.copyOf(dependencies);
    }

    private static void requireType(String type, String what) {
        Objects.requireNonNull(type, what);
        if (type.isBlank() || !type.strip().equals(type)) {
            throw new IllegalArgumentException("A cast's " + what + " type must be SQL as format_type writes it, "
                    + "e.g. ridetype or character varying, not '" + type + "'");
        }
    }

}
