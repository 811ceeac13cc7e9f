package dev.belay.schema.jpa;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.belay.schema.SqlTokens;

import org.jspecify.annotations.Nullable;

/**
 * The expressions of one {@code CREATE TABLE} statement as they are written in it: the check
 * constraints in the order PostgreSQL creates them (the order of the table's elements, and
 * within a column in the order written), each with its name when the statement gives one, and
 * the columns' defaults and generation expressions. Names are as PostgreSQL stores them (bare
 * names folded to lower case, every name cut to 63 bytes).
 *
 * @param table the table's name
 * @param checks the checks in the order they are written
 * @param defaults the columns' defaults by column name
 * @param generated the generated columns' expressions by column name
 */
record CreateTableText(String table, List<Check> checks, Map<String, String> defaults, Map<String, String> generated) {

    /** The longest name PostgreSQL keeps, in bytes ({@code NAMEDATALEN - 1}). */
    static final int MAX_NAME_BYTES = 63;

    /** Words that start a table constraint element rather than a column. */
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("constraint", "check", "primary", "unique", "foreign",
            "exclude", "like");

    /** Words that start a column constraint, and so end a default's expression. */
    private static final Set<String> COLUMN_CONSTRAINTS = Set.of("constraint", "check", "not", "null", "unique",
            "primary", "references", "generated", "default", "collate", "deferrable", "initially", "compression",
            "storage");

    /**
     * The expressions of {@code statement}, or {@code null} when it is not a {@code CREATE TABLE}
     * of an unqualified table with a column list that this reads with certainty.
     */
    static @Nullable CreateTableText parse(String statement) {
        SqlTokens tokens;
        try {
            tokens = SqlTokens.of(statement);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
        int i = 0;
        if (!tokens.isWord(i++, "create")) {
            return null;
        }
        while (tokens.isWord(i, "unlogged") || tokens.isWord(i, "temporary") || tokens.isWord(i, "temp")
                || tokens.isWord(i, "global") || tokens.isWord(i, "local")) {
            i++;
        }
        if (!tokens.isWord(i++, "table")) {
            return null;
        }
        if (tokens.isWord(i, "if") && tokens.isWord(i + 1, "not") && tokens.isWord(i + 2, "exists")) {
            i += 3;
        }
        String table = (i < tokens.size()) ? name(tokens, i++) : null;
        if (table == null || !tokens.is(i, '(')) {
            return null;
        }
        try {
            return read(tokens, table, i);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static @Nullable CreateTableText read(SqlTokens tokens, String table, int open) {
        int close = tokens.closing(open);
        CreateTableText text = new CreateTableText(table, new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        int start = open + 1;
        for (int j = start; j <= close; j++) {
            if (j == close || tokens.is(j, ',')) {
                if (j > start && !text.readElement(tokens, start, j)) {
                    return null;
                }
                start = j + 1;
            }
            else if (tokens.is(j, '(')) {
                j = tokens.closing(j);
            }
        }
        return new CreateTableText(table, List.copyOf(text.checks), Map.copyOf(text.defaults),
                Map.copyOf(text.generated));
    }

    /**
     * Reads one element, tokens {@code from} (inclusive) to {@code to} (exclusive): a column with
     * its constraints, or a table constraint.
     * @return whether the element was read with certainty
     */
    private boolean readElement(SqlTokens tokens, int from, int to) {
        boolean tableConstraint = tokens.get(from).kind() == SqlTokens.Kind.WORD
                && TABLE_CONSTRAINTS.contains(tokens.text(from).toLowerCase(Locale.ROOT));
        String column = tableConstraint ? null : name(tokens, from);
        if (!tableConstraint && column == null) {
            return false;
        }
        String constraintName = null;
        int i = tableConstraint ? from : from + 1;
        while (i < to) {
            if (tokens.isWord(i, "constraint")) {
                constraintName = (i + 1 < to) ? name(tokens, i + 1) : null;
                if (constraintName == null) {
                    return false;
                }
                i += 2;
            }
            else if (tokens.isWord(i, "check") && tokens.is(i + 1, '(')) {
                int close = tokens.closing(i + 1);
                if (close >= to || close == i + 2) {
                    return false;
                }
                this.checks.add(new Check(constraintName, unwrapped(tokens, i + 2, close - 1), names(tokens, i + 2, close)));
                constraintName = null;
                i = close + 1;
            }
            else if (column != null && tokens.isWord(i, "default") && !tokens.isWord(i - 1, "set")) {
                int end = i + 1;
                while (end < to && !isColumnConstraint(tokens, end)) {
                    end = tokens.is(end, '(') ? tokens.closing(end) + 1 : end + 1;
                }
                if (end > to) {
                    return false;
                }
                if (isCompleteExpression(tokens, i + 1, end - 1)) {
                    this.defaults.put(column, tokens.between(i + 1, end - 1));
                }
                constraintName = null;
                i = end;
            }
            else if (tokens.isWord(i, "generated") && identity(tokens, i + 1) > 0) {
                i = identity(tokens, i + 1);
                if (tokens.is(i, '(')) {
                    i = tokens.closing(i) + 1;
                }
                constraintName = null;
            }
            else if (column != null && tokens.isWord(i, "generated") && tokens.isWord(i + 1, "always")
                    && tokens.isWord(i + 2, "as") && tokens.is(i + 3, '(')) {
                int close = tokens.closing(i + 3);
                if (close >= to || close == i + 4) {
                    return false;
                }
                this.generated.put(column, tokens.between(i + 4, close - 1));
                constraintName = null;
                i = close + 1;
            }
            else if (tokens.is(i, '(')) {
                i = tokens.closing(i) + 1;
            }
            else {
                if (isColumnConstraint(tokens, i) && !tokens.isWord(i, "constraint")) {
                    constraintName = null;
                }
                i++;
            }
        }
        return i == to;
    }

    /**
     * The index after {@code ALWAYS AS IDENTITY} or {@code BY DEFAULT AS IDENTITY} starting at
     * {@code index}, or 0 when that is not what follows.
     */
    private static int identity(SqlTokens tokens, int index) {
        int i = index;
        if (tokens.isWord(i, "always")) {
            i++;
        }
        else if (tokens.isWord(i, "by") && tokens.isWord(i + 1, "default")) {
            i += 2;
        }
        else {
            return 0;
        }
        return (tokens.isWord(i, "as") && tokens.isWord(i + 1, "identity")) ? i + 2 : 0;
    }

    private static boolean isColumnConstraint(SqlTokens tokens, int index) {
        return tokens.get(index).kind() == SqlTokens.Kind.WORD
                && COLUMN_CONSTRAINTS.contains(tokens.text(index).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether tokens {@code first} to {@code last} can be a whole expression: a default's end is
     * found by the word that follows it, which is only certain when the expression does not end
     * in an operator or in {@code IS} (as {@code 1 + null} or {@code a is not distinct from b}
     * would be cut).
     */
    private static boolean isCompleteExpression(SqlTokens tokens, int first, int last) {
        if (last < first) {
            return false;
        }
        SqlTokens.Kind kind = tokens.get(last).kind();
        return kind != SqlTokens.Kind.OPERATOR && !tokens.isWord(last, "is") && !tokens.is(last, ',');
    }

    /** Every word and quoted name from {@code first} to before {@code end}, as PostgreSQL stores names. */
    private static Set<String> names(SqlTokens tokens, int first, int end) {
        Set<String> names = new TreeSet<>();
        for (int i = first; i < end; i++) {
            SqlTokens.Kind kind = tokens.get(i).kind();
            if (kind == SqlTokens.Kind.WORD || kind == SqlTokens.Kind.QUOTED_NAME) {
                String text = tokens.text(i);
                names.add(truncated((kind == SqlTokens.Kind.WORD) ? downcased(text)
                        : text.substring(1, text.length() - 1).replace("\"\"", "\""), MAX_NAME_BYTES));
            }
        }
        return names;
    }

    /** The expression between {@code first} and {@code last}, without parentheses around all of it. */
    private static String unwrapped(SqlTokens tokens, int first, int last) {
        int from = first;
        int to = last;
        while (to > from && tokens.is(from, '(') && tokens.closing(from) == to) {
            from++;
            to--;
        }
        return tokens.between(from, to);
    }

    /** The name at {@code index} as PostgreSQL stores it, or {@code null} when it is not a plain name. */
    static @Nullable String name(SqlTokens tokens, int index) {
        if (index >= tokens.size()) {
            return null;
        }
        String name;
        SqlTokens.Kind kind = tokens.get(index).kind();
        if (kind == SqlTokens.Kind.QUOTED_NAME) {
            String text = tokens.text(index);
            name = text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        else if (kind == SqlTokens.Kind.WORD) {
            name = downcased(tokens.text(index));
        }
        else {
            return null;
        }
        if (tokens.is(index + 1, '.')) {
            return null;
        }
        return truncated(name, MAX_NAME_BYTES);
    }

    /** A bare name folded as PostgreSQL folds it: ASCII letters only. */
    private static String downcased(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            folded.append((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    /** The longest start of {@code name} of at most {@code bytes} UTF-8 bytes that does not split a character. */
    static String truncated(String name, int bytes) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= bytes) {
            return name;
        }
        int used = 0;
        int end = 0;
        while (end < name.length()) {
            int codePoint = name.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > bytes) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return name.substring(0, end);
    }

    /**
     * A check constraint as written.
     *
     * @param name its name, or {@code null} when PostgreSQL chooses it
     * @param condition the condition, without {@code CHECK} and the parentheses around it
     * @param names every name the condition mentions (the columns it reads among them; also
     * functions, types and key words)
     */
    record Check(@Nullable String name, String condition, Set<String> names) {

        Check {
            names = Set.copyOf(names);
        }

    }

}
