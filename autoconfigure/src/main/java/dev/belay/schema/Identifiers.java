package dev.belay.schema;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * SQL spelling of names and literals, as PostgreSQL's {@code quote_ident} and
 * {@code quote_literal} do it. A name is left bare only when PostgreSQL would read it back
 * unchanged: lower case letters, digits, underscores and dollar signs, not starting with a digit
 * or dollar, and not a keyword that needs quoting. Everything else is double-quoted with inner
 * quotes doubled, so mixed case, spaces, quotes and reserved words all survive.
 */
public final class Identifiers {

    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_$]*");

    /**
     * Keywords that cannot be used as bare column names in any supported PostgreSQL version
     * ({@code pg_get_keywords()} categories other than unreserved, PostgreSQL 15 to 18).
     */
    private static final Set<String> KEYWORDS = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case",
            "cast", "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_schema",
            "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for",
            "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
            "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join",
            "json", "json_array", "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query",
            "json_scalar", "json_serialize", "json_table", "json_value", "lateral", "leading", "least", "left",
            "like", "limit", "localtime", "localtimestamp", "merge_action", "national", "natural", "nchar", "none",
            "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out",
            "outer", "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references",
            "returning", "right", "row", "select", "session_user", "setof", "similar", "smallint", "some",
            "substring", "symmetric", "system_user", "table", "tablesample", "then", "time", "timestamp", "to",
            "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic",
            "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
            "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private Identifiers() {
    }

    /** The name as SQL: bare when that reads back the same, otherwise double-quoted. */
    public static String quote(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("An SQL name cannot be empty");
        }
        if (BARE.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A string literal: single-quoted, inner quotes doubled. */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A PostgreSQL string cannot contain a NUL character");
        }
        return '\'' + value.replace("'", "''") + '\'';
    }

    /**
     * Reads one SQL name back: {@code "My ""Table"""} becomes {@code My "Table"}; a bare name is
     * folded to lower case as PostgreSQL folds it.
     */
    public static String unquote(String sql) {
        String trimmed = sql.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"");
        }
        return trimmed.toLowerCase(java.util.Locale.ROOT);
    }

}
