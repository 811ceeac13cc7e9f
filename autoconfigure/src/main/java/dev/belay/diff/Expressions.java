package dev.belay.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.belay.schema.Identifiers;

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

    private Expressions() {
    }

    /** The names of the given columns that the expression reads. */
    static Set<String> columnsUsed(String sql, Set<String> columns) {
        Set<String> used = new TreeSet<>();
        List<Token> tokens = tokenize(sql);
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
        List<Token> tokens = tokenize(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String name = columnReference(tokens, i);
            if (name != null && renames.containsKey(name)) {
                Token token = tokens.get(i);
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
        List<Token> tokens = tokenize(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token literal = tokens.get(i);
            if (literal.kind() == Kind.STRING && tokens.get(i + 1).kind() == Kind.CAST && isTypeName(tokens.get(i + 2), type)) {
                String value = literal.text().substring(1, literal.text().length() - 1).replace("''", "'");
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
        List<Token> tokens = tokenize(sql);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.CAST && isTypeName(tokens.get(i + 1), type)) {
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
        List<Token> tokens = tokenize(sql);
        Volatility result = Volatility.STABLE;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean call = tokens.get(i + 1).text().equals("(");
            boolean isType = i > 0 && tokens.get(i - 1).kind() == Kind.CAST;
            if (call && !isType && (token.kind() == Kind.WORD || token.kind() == Kind.QUOTED)) {
                String function = token.kind() == Kind.QUOTED ? Identifiers.unquote(token.text()) : token.text();
                if (VOLATILE_FUNCTIONS.contains(function)) {
                    return Volatility.VOLATILE;
                }
                if (!NON_VOLATILE_FUNCTIONS.contains(function) && !isUpperCaseKeyword(token)) {
                    result = Volatility.UNKNOWN;
                }
            }
        }
        return result;
    }

    private static boolean isUpperCaseKeyword(Token token) {
        // PostgreSQL prints syntax such as ARRAY[...], ANY (...), IN (...) in upper case.
        return token.kind() == Kind.WORD && token.text().equals(token.text().toUpperCase(java.util.Locale.ROOT));
    }

    private static boolean isTypeName(Token token, String type) {
        return (token.kind() == Kind.WORD && token.text().equals(type))
                || (token.kind() == Kind.QUOTED && Identifiers.unquote(token.text()).equals(type));
    }

    /** The column a token names, or {@code null} when it is not a column reference. */
    private static String columnReference(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        if (token.kind() != Kind.WORD && token.kind() != Kind.QUOTED) {
            return null;
        }
        Token previous = (index > 0) ? tokens.get(index - 1) : null;
        Token next = (index + 1 < tokens.size()) ? tokens.get(index + 1) : null;
        if (previous != null && (previous.text().equals(".") || previous.text().equals("COLLATE")
                || previous.kind() == Kind.CAST || isTypeContinuation(tokens, index))) {
            return null;
        }
        if (next != null && (next.text().equals("(") || next.text().equals("."))) {
            return null;
        }
        return (token.kind() == Kind.QUOTED) ? Identifiers.unquote(token.text()) : token.text();
    }

    /** Whether the word continues a multi-word type after {@code ::}, as in {@code ::character varying}. */
    private static boolean isTypeContinuation(List<Token> tokens, int index) {
        int i = index;
        while (i > 0 && tokens.get(i).kind() == Kind.WORD && TYPE_WORDS.contains(tokens.get(i).text())) {
            i--;
            if (i > 0 && tokens.get(i - 1).kind() == Kind.CAST) {
                return true;
            }
        }
        return false;
    }

    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < length && sql.charAt(i + 1) == '\'')) {
                boolean escapes = c != '\'';
                i = escapes ? i + 2 : i + 1;
                while (i < length) {
                    char d = sql.charAt(i);
                    if (escapes && d == '\\') {
                        i += 2;
                        continue;
                    }
                    if (d == '\'') {
                        if (i + 1 < length && sql.charAt(i + 1) == '\'') {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
                tokens.add(new Token(Kind.STRING, sql.substring(start, Math.min(i, length)), start, Math.min(i, length)));
                continue;
            }
            if (c == '"') {
                i++;
                while (i < length) {
                    if (sql.charAt(i) == '"') {
                        if (i + 1 < length && sql.charAt(i + 1) == '"') {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
                tokens.add(new Token(Kind.QUOTED, sql.substring(start, Math.min(i, length)), start, Math.min(i, length)));
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i), start, i));
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.OTHER, sql.substring(start, i), start, i));
                continue;
            }
            if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
                tokens.add(new Token(Kind.CAST, "::", start, i + 2));
                i += 2;
                continue;
            }
            tokens.add(new Token(Kind.OTHER, String.valueOf(c), start, i + 1));
            i++;
        }
        return tokens;
    }

    enum Kind {

        WORD, QUOTED, STRING, CAST, OTHER

    }

    record Token(Kind kind, String text, int start, int end) {

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
