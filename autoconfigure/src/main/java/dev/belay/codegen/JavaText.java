package dev.belay.codegen;

import com.palantir.javapoet.CodeBlock;

import org.jspecify.annotations.Nullable;

/**
 * Text from the database (names, expressions, hazard reasons, messages) made safe to place in
 * Java source: in string literals and in comments.
 */
final class JavaText {

    private JavaText() {
    }

    /**
     * {@code CodeBlock.of(format, args)}, with each {@code $S} written by {@link #literal} rather
     * than by JavaPoet, which breaks a string at U+2028 and U+2029 as if they were line breaks.
     */
    static CodeBlock code(String format, @Nullable Object... args) {
        StringBuilder converted = new StringBuilder();
        Object[] values = new Object[args.length];
        int arg = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '$' || i + 1 == format.length()) {
                converted.append(c);
                continue;
            }
            char kind = format.charAt(++i);
            if (kind == 'S') {
                converted.append("$L");
                values[arg] = literal((String) args[arg]);
                arg++;
            }
            else {
                converted.append('$').append(kind);
                if (kind == 'L' || kind == 'T' || kind == 'N') {
                    values[arg] = args[arg];
                    arg++;
                }
            }
        }
        return CodeBlock.of(converted.toString(), values);
    }

    /**
     * A Java string literal of the value, or {@code null}: quotes, backslashes and control
     * characters escaped, line and paragraph separators too, everything else kept as it is. A lone
     * surrogate (which no PostgreSQL text holds, but a Java string may) is escaped in a literal of
     * its own, {@code "a" + "\\ud800" + "b"}, since javac misreads a high surrogate's escape followed
     * by an escaped backslash.
     */
    static String literal(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder literal = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (Character.isSurrogate(c) && !pairedSurrogate(value, i)) {
                        literal.append(String.format("\" + \"\\u%04x\" + \"", (int) c));
                    }
                    else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        literal.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    private static boolean pairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    /**
     * One line of a {@code //} comment: line breaks become spaces, and backslashes are doubled,
     * since javac reads {@code \u000a} as a line break even inside a comment.
     */
    static String lineComment(String text) {
        return unicodeEscapesDisarmed(text).replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }

    /**
     * Text for a Javadoc comment: what would end the comment or start a tag or an HTML element is
     * written as an HTML entity, and backslashes are doubled.
     */
    static String javadoc(String text) {
        return unicodeEscapesDisarmed(text).replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("@", "&#64;")
            .replace("*/", "*&#47;");
    }

    private static String unicodeEscapesDisarmed(String text) {
        return text.replace("\\", "\\\\");
    }

}
