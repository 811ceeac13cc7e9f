package dev.belay.actions;

import java.util.List;
import java.util.stream.Collectors;

import dev.belay.schema.Column;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Identity;
import dev.belay.schema.Index;
import dev.belay.schema.MatchType;
import dev.belay.schema.ReferentialAction;
import dev.belay.schema.SequenceOptions;

import org.jspecify.annotations.Nullable;

/** SQL fragments shared by several recipes of {@link DatabaseActions}. */
final class Ddl {

    private Ddl() {
    }

    static String name(String name) {
        return Identifiers.quote(name);
    }

    static String names(List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    static String literals(List<String> values) {
        return values.stream().map(Identifiers::literal).collect(Collectors.joining(", "));
    }

    /**
     * A {@code DO} block around {@code body}, quoted with a dollar tag the body does not hold.
     */
    static String doBlock(String body) {
        String tag = "$belay$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$belay" + i + "$";
        }
        return "DO " + tag + " " + body + " " + tag;
    }

    static String textOrNull(@Nullable String text) {
        return (text != null) ? Identifiers.literal(text) : "NULL";
    }

    /**
     * A collation as the model holds it: a bare name ({@code C}, {@code en_US}) is quoted, a name
     * that is already SQL (quoted or qualified) is kept.
     */
    static String collation(String collation) {
        return (collation.indexOf('"') >= 0 || collation.indexOf('.') >= 0) ? collation : Identifiers.quote(collation);
    }

    /** The column as it appears in {@code CREATE TABLE} or {@code ADD COLUMN}. */
    static String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(name(column.name())).append(' ').append(column.type());
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(collation(column.collation()));
        }
        if (column.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (")
                .append(column.generated().expression())
                .append(") ")
                .append(column.generated().kind().name());
        }
        if (column.identity() != null) {
            sql.append(" GENERATED ").append(column.identity().generation().sql()).append(" AS IDENTITY (")
                .append(identityOptions(column.identity().options(), "")).append(')');
        }
        if (column.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /**
     * An identity's sequence options. The data type is left out: an identity's sequence always
     * has its column's type.
     */
    static String identityOptions(SequenceOptions options, String prefix) {
        return prefix + "START WITH " + options.start() + " " + prefix + "INCREMENT BY " + options.increment() + " "
                + prefix + "MINVALUE " + options.minValue() + " " + prefix + "MAXVALUE " + options.maxValue() + " "
                + prefix + "CACHE " + options.cache() + " " + prefix + (options.cycle() ? "CYCLE" : "NO CYCLE");
    }

    static String identityGeneration(Identity identity) {
        return "GENERATED " + identity.generation().sql();
    }

    static String foreignKey(ForeignKey foreignKey) {
        String target = ((foreignKey.targetSchema() != null) ? name(foreignKey.targetSchema()) + "." : "")
                + name(foreignKey.targetTable());
        return "FOREIGN KEY (" + names(foreignKey.columns()) + ") REFERENCES " + target + " ("
                + names(foreignKey.targetColumns()) + ")" + (foreignKey.match() != MatchType.SIMPLE
                        ? " MATCH " + foreignKey.match().sql() : "")
                + action(" ON UPDATE ", foreignKey.onUpdate()) + action(" ON DELETE ", foreignKey.onDelete())
                + foreignKey.deferrability().sql();
    }

    /** A referential action, left out when it is PostgreSQL's default ({@code NO ACTION}). */
    private static String action(String clause, ReferentialAction action) {
        return (action != ReferentialAction.NO_ACTION) ? clause + action.sql() : "";
    }

    /**
     * {@code CREATE [UNIQUE] INDEX name ON ...}; built concurrently, {@code CREATE [UNIQUE] INDEX
     * CONCURRENTLY IF NOT EXISTS name ON ...}, so that a revision that stopped after building it can
     * run again.
     */
    static String createIndex(Index index, boolean concurrently) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY IF NOT EXISTS " : "")
                + name(index.name()) + " ON " + name(index.table()) + " USING " + index.method() + " ("
                + String.join(", ", index.keys()) + ")"
                + (index.include().isEmpty() ? "" : " INCLUDE (" + names(index.include()) + ")")
                + (index.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
                + ((index.predicate() != null) ? " WHERE " + index.predicate() : "");
    }

    static String alterTable(String table) {
        return "ALTER TABLE " + name(table) + " ";
    }

    static String alterColumn(String table, String column) {
        return alterTable(table) + "ALTER COLUMN " + name(column) + " ";
    }

}
