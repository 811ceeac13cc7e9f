package dev.belay.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The tokens of one SQL statement or expression, as far as Belay reads SQL (the parts of
 * Hibernate's {@code CREATE TABLE}, the columns and labels of an expression PostgreSQL rendered):
 * words, quoted names, string constants (standard, escape and dollar-quoted), numbers,
 * parentheses, commas and runs of operator characters; comments are skipped. Each token keeps
 * its place in the statement, so that a part can be cut out exactly as it was written.
 */
public final class SqlTokens {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?:";

    private final String sql;

    private final List<Token> tokens;

    private SqlTokens(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    /**
     * The tokens of {@code sql}.
     * @throws IllegalArgumentException if a string, quoted name or comment does not end
     */
    public static SqlTokens of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = (end < 0) ? length : end + 1;
            }
            else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                i = blockCommentEnd(sql, i);
            }
            else if (c == '\'') {
                int end = stringEnd(sql, i, false);
                tokens.add(new Token(Kind.STRING, i, end));
                i = end;
            }
            else if (c == '"') {
                int end = quotedEnd(sql, i, '"', false);
                tokens.add(new Token(Kind.QUOTED_NAME, i, end));
                i = end;
            }
            else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                if (close < 0) {
                    throw new IllegalArgumentException("A dollar-quoted string does not end: " + sql);
                }
                tokens.add(new Token(Kind.STRING, i, close + tag.length()));
                i = close + tag.length();
            }
            else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                if (end < length && sql.charAt(end) == '\'' && isStringPrefix(sql.substring(i, end))) {
                    boolean escapes = sql.substring(i, end).equalsIgnoreCase("e");
                    int stringEnd = stringEnd(sql, end, escapes);
                    tokens.add(new Token(Kind.STRING, i, stringEnd));
                    i = stringEnd;
                }
                else {
                    tokens.add(new Token(Kind.WORD, i, end));
                    i = end;
                }
            }
            else if (Character.isDigit(c) || (c == '.' && i + 1 < length && Character.isDigit(sql.charAt(i + 1)))) {
                int end = i + 1;
                while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.'
                        || sql.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, i, end));
                i = end;
            }
            else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                int end = i + 1;
                while (end < length && OPERATOR_CHARS.indexOf(sql.charAt(end)) >= 0
                        && !sql.startsWith("--", end) && !sql.startsWith("/*", end)) {
                    end++;
                }
                tokens.add(new Token(Kind.OPERATOR, i, end));
                i = end;
            }
            else {
                tokens.add(new Token(Kind.PUNCTUATION, i, i + 1));
                i++;
            }
        }
        return new SqlTokens(sql, List.copyOf(tokens));
    }

    private static boolean isStringPrefix(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "e", "b", "x", "n" -> true;
            default -> false;
        };
    }

    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            }
            else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            }
            else {
                i++;
            }
        }
        throw new IllegalArgumentException("A comment does not end: " + sql);
    }

    private static int stringEnd(String sql, int quote, boolean escapes) {
        return quotedEnd(sql, quote, '\'', escapes);
    }

    /** The index after the closing quote; a doubled quote (or, with escapes, a backslash) escapes. */
    private static int quotedEnd(String sql, int open, char quote, boolean escapes) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
            }
            else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                }
                else {
                    return i + 1;
                }
            }
            else {
                i++;
            }
        }
        throw new IllegalArgumentException("A quoted string or name does not end: " + sql);
    }

    /** The {@code $tag$} that starts at {@code start}, or {@code null}. */
    private static @Nullable String dollarTag(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            if (i == start + 1 && Character.isDigit(sql.charAt(i))) {
                return null;
            }
            i++;
        }
        return (i < sql.length() && sql.charAt(i) == '$') ? sql.substring(start, i + 1) : null;
    }

    public int size() {
        return this.tokens.size();
    }

    public Token get(int index) {
        return this.tokens.get(index);
    }

    /** The token's text as written. */
    public String text(int index) {
        Token token = this.tokens.get(index);
        return this.sql.substring(token.start(), token.end());
    }

    /** Whether the token is the word {@code word} (in any case). */
    public boolean isWord(int index, String word) {
        return index < this.tokens.size() && this.tokens.get(index).kind() == Kind.WORD
                && text(index).equalsIgnoreCase(word);
    }

    /** Whether the token is the single character {@code c}. */
    public boolean is(int index, char c) {
        if (index >= this.tokens.size()) {
            return false;
        }
        Token token = this.tokens.get(index);
        return token.end() - token.start() == 1 && this.sql.charAt(token.start()) == c
                && token.kind() != Kind.STRING && token.kind() != Kind.QUOTED_NAME;
    }

    /** Whether the token is the operator {@code operator}, e.g. {@code ::}. */
    public boolean isOperator(int index, String operator) {
        return index >= 0 && index < this.tokens.size() && this.tokens.get(index).kind() == Kind.OPERATOR
                && text(index).equals(operator);
    }

    /**
     * The index of the parenthesis that closes the one at {@code open}.
     * @throws IllegalArgumentException if it is not closed
     */
    public int closing(int open) {
        int depth = 0;
        for (int i = open; i < this.tokens.size(); i++) {
            if (is(i, '(')) {
                depth++;
            }
            else if (is(i, ')')) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("A parenthesis does not close: " + this.sql);
    }

    /** The statement's text from the start of token {@code first} to the end of token {@code last}. */
    public String between(int first, int last) {
        return this.sql.substring(this.tokens.get(first).start(), this.tokens.get(last).end());
    }

    public enum Kind {

        WORD, QUOTED_NAME, STRING, NUMBER, OPERATOR, PUNCTUATION

    }

    public record Token(Kind kind, int start, int end) {

    }

}
