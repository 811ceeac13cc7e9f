package dev.belay.schema;

import java.util.stream.Collectors;

/** Renders a {@link Schema} as an indented, DDL-like listing for logs and test failures. */
final class SchemaListing {

    private SchemaListing() {
    }

    static String render(Schema schema) {
        StringBuilder out = new StringBuilder("Schema");
        if (schema.isEmpty() && schema.unmanaged().isEmpty()) {
            return out.append(" (empty)").toString();
        }
        for (EnumType type : schema.enumTypes().values()) {
            line(out, 1, "enum " + Identifiers.quote(type.name()) + " ("
                    + type.labels().stream().map(Identifiers::literal).collect(Collectors.joining(", ")) + ")");
        }
        for (Sequence sequence : schema.sequences().values()) {
            line(out, 1, "sequence " + Identifiers.quote(sequence.name()) + " " + sequence.options().sql()
                    + ((sequence.ownedBy() != null) ? " OWNED BY " + sequence.ownedBy() : ""));
        }
        for (Table table : schema.tables().values()) {
            line(out, 1, "table " + Identifiers.quote(table.name()) + comment(table.comment()));
            for (Column column : table.columns().values()) {
                String identity = "";
                if (column.identity() != null) {
                    identity = " (" + column.identity().options().sql() + ")";
                }
                line(out, 2, column.describe() + identity + comment(column.comment()));
            }
            PrimaryKey primaryKey = table.primaryKey();
            if (primaryKey != null) {
                line(out, 2, "CONSTRAINT " + Identifiers.quote(primaryKey.name()) + " PRIMARY KEY ("
                        + names(primaryKey.columns()) + ")" + primaryKey.deferrability().sql());
            }
            for (UniqueConstraint unique : table.uniqueConstraints().values()) {
                line(out, 2, "CONSTRAINT " + Identifiers.quote(unique.name()) + " UNIQUE"
                        + (unique.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "") + " (" + names(unique.columns()) + ")"
                        + unique.deferrability().sql());
            }
            for (CheckConstraint check : table.checkConstraints().values()) {
                line(out, 2, "CONSTRAINT " + Identifiers.quote(check.name()) + " CHECK (" + check.expression() + ")");
            }
            for (ForeignKey foreignKey : table.foreignKeys().values()) {
                String target = ((foreignKey.targetSchema() != null) ? Identifiers.quote(foreignKey.targetSchema()) + "."
                        : "") + Identifiers.quote(foreignKey.targetTable());
                line(out, 2, "CONSTRAINT " + Identifiers.quote(foreignKey.name()) + " FOREIGN KEY ("
                        + names(foreignKey.columns()) + ") REFERENCES " + target + " (" + names(foreignKey.targetColumns())
                        + ") MATCH " + foreignKey.match().sql() + " ON UPDATE " + foreignKey.onUpdate().sql()
                        + " ON DELETE " + foreignKey.onDelete().sql() + foreignKey.deferrability().sql());
            }
            for (Index index : table.indexes().values()) {
                line(out, 2, (index.unique() ? "UNIQUE INDEX " : "INDEX ") + Identifiers.quote(index.name()) + " USING "
                        + index.method() + " (" + String.join(", ", index.keys()) + ")"
                        + (index.include().isEmpty() ? "" : " INCLUDE (" + names(index.include()) + ")")
                        + (index.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
                        + ((index.predicate() != null) ? " WHERE " + index.predicate() : ""));
            }
        }
        for (Cast cast : schema.casts().values()) {
            line(out, 1, cast.id() + " " + cast.method().sql() + cast.context().sql());
        }
        for (UnmanagedObject object : schema.unmanaged()) {
            line(out, 1, "unmanaged " + object + (object.dependencies().isEmpty() ? ""
                    : " (uses " + object.dependencies().stream().map(ObjectId::toString).collect(Collectors.joining(", "))
                            + ")"));
        }
        return out.toString();
    }

    private static String names(java.util.List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    private static String comment(String comment) {
        return (comment != null) ? " -- " + Identifiers.literal(comment) : "";
    }

    private static void line(StringBuilder out, int depth, String text) {
        out.append('\n').append("  ".repeat(depth)).append(text);
    }

}
