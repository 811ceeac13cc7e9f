package dev.belay.diff;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.belay.schema.Identifiers;
import dev.belay.schema.SqlTokens;

import org.jspecify.annotations.Nullable;

/**
 * Reads SQL expressions as PostgreSQL renders them ({@code pg_get_expr}, check constraints,
 * index keys) well enough to find and rename the columns they use, the enum labels they compare
 * with and the functions they call. PostgreSQL's rendering is regular: keywords in upper case,
 * names lower case or double-quoted, casts as {@code ::type}, no qualified column names.
 */
final class Expressions {

    /** Words that may follow a type's first word after {@code ::}, e.g. {@code character varying}. */
    private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "with", "without", "time", "zone");

    /** Functions that always return the same value within a statement, so a default using them is not volatile. */
    private static final Set<String> NON_VOLATILE_FUNCTIONS = Set.of("now", "statement_timestamp",
            "transaction_timestamp", "current_date", "current_timestamp", "localtimestamp", "lower", "upper", "length",
            "char_length", "coalesce", "nullif", "greatest", "least", "abs", "round", "trunc", "floor", "ceil", "trim",
            "btrim", "ltrim", "rtrim", "concat", "concat_ws", "replace", "substring", "substr", "date_trunc",
            "timezone", "to_char", "to_date", "to_timestamp", "make_date", "make_timestamp", "make_timestamptz",
            "make_interval", "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array",
            "array_length", "cardinality", "md5", "current_setting", "current_user", "session_user");

    /** Functions whose every call may return something new, making {@code ADD COLUMN ... DEFAULT} rewrite the table. */
    private static final Set<String> VOLATILE_FUNCTIONS = Set.of("nextval", "random", "gen_random_uuid", "uuidv4",
            "uuidv7", "uuid_generate_v1", "uuid_generate_v4", "clock_timestamp", "timeofday", "txid_current",
            "setseed", "currval", "lastval", "random_normal");

    private static final String CAST = "::";

    private Expressions() {
    }

    /** The names of the given columns that the expression reads. */
    static Set<String> columnsUsed(String sql, Set<String> columns) {
        Set<String> used = new TreeSet<>();
        SqlTokens tokens = SqlTokens.of(sql);
        for (int i = 0; i < tokens.size(); i++) {
            String name = columnReference(tokens, i);
            if (name != null && columns.contains(name)) {
                used.add(name);
            }
        }
        return used;
    }

    /** The expression with column names replaced, each new name quoted as needed. */
    static String renameColumns(String sql, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return sql;
        }
        SqlTokens tokens = SqlTokens.of(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String name = columnReference(tokens, i);
            if (name != null && renames.containsKey(name)) {
                SqlTokens.Token token = tokens.get(i);
                out.append(sql, copied, token.start()).append(Identifiers.quote(renames.get(name)));
                copied = token.end();
            }
        }
        return out.append(sql.substring(copied)).toString();
    }

    /** The expression with {@code 'label'::type} literals of one enum type renamed. */
    static String renameEnumLabels(String sql, String type, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return sql;
        }
        SqlTokens tokens = SqlTokens.of(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            SqlTokens.Token literal = tokens.get(i);
            String text = tokens.text(i);
            if (literal.kind() == SqlTokens.Kind.STRING && text.startsWith("'") && tokens.isOperator(i + 1, CAST)
                    && isTypeName(tokens, i + 2, type)) {
                String value = text.substring(1, text.length() - 1).replace("''", "'");
                String renamed = renames.get(value);
                if (renamed != null) {
                    out.append(sql, copied, literal.start()).append(Identifiers.literal(renamed));
                    copied = literal.end();
                }
            }
        }
        return out.append(sql.substring(copied)).toString();
    }

    /** Whether the expression casts something to the given type ({@code ::type} or {@code ::type[]}). */
    static boolean mentionsType(String sql, String type) {
        SqlTokens tokens = SqlTokens.of(sql);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.isOperator(i, CAST) && isTypeName(tokens, i + 1, type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the expression may be volatile: it calls a function known to be, or one Belay does
     * not know. PostgreSQL must then compute a new column's default for every existing row.
     */
    static Volatility volatility(String sql) {
        SqlTokens tokens = SqlTokens.of(sql);
        Volatility result = Volatility.STABLE;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            boolean call = tokens.is(i + 1, '(');
            boolean isType = tokens.isOperator(i - 1, CAST);
            String function = name(tokens, i);
            if (call && !isType && function != null) {
                if (VOLATILE_FUNCTIONS.contains(function)) {
                    return Volatility.VOLATILE;
                }
                if (!NON_VOLATILE_FUNCTIONS.contains(function) && !isUpperCaseKeyword(tokens, i)) {
                    result = Volatility.UNKNOWN;
                }
            }
        }
        return result;
    }

    private static boolean isUpperCaseKeyword(SqlTokens tokens, int index) {
        // PostgreSQL prints syntax such as ARRAY[...], ANY (...), IN (...) in upper case.
        String text = tokens.text(index);
        return tokens.get(index).kind() == SqlTokens.Kind.WORD && text.equals(text.toUpperCase(Locale.ROOT));
    }

    private static boolean isTypeName(SqlTokens tokens, int index, String type) {
        return type.equals(name(tokens, index));
    }

    /** The name a word or quoted name token stands for, or {@code null} for any other token. */
    private static @Nullable String name(SqlTokens tokens, int index) {
        if (index < 0 || index >= tokens.size()) {
            return null;
        }
        return switch (tokens.get(index).kind()) {
            case WORD -> tokens.text(index);
            case QUOTED_NAME -> Identifiers.unquote(tokens.text(index));
            default -> null;
        };
    }

    /** The column a token names, or {@code null} when it is not a column reference. */
    private static @Nullable String columnReference(SqlTokens tokens, int index) {
        String name = name(tokens, index);
        if (name == null) {
            return null;
        }
        if (index > 0 && (tokens.is(index - 1, '.') || tokens.text(index - 1).equals("COLLATE")
                || tokens.isOperator(index - 1, CAST) || isTypeContinuation(tokens, index))) {
            return null;
        }
        if (tokens.is(index + 1, '(') || tokens.is(index + 1, '.')) {
            return null;
        }
        return name;
    }

    /** Whether the word continues a multi-word type after {@code ::}, as in {@code ::character varying}. */
    private static boolean isTypeContinuation(SqlTokens tokens, int index) {
        int i = index;
        while (i > 0 && tokens.get(i).kind() == SqlTokens.Kind.WORD && TYPE_WORDS.contains(tokens.text(i))) {
            i--;
            if (i > 0 && tokens.isOperator(i - 1, CAST)) {
                return true;
            }
        }
        return false;
    }

    /** How a default expression behaves when PostgreSQL fills existing rows with it. */
    enum Volatility {

        /** Known not to be volatile: one value fills every row without a rewrite. */
        STABLE,

        /** Calls a function Belay does not know; it may be volatile. */
        UNKNOWN,

        /** Known to be volatile: every row is computed, rewriting the table. */
        VOLATILE

    }

}
