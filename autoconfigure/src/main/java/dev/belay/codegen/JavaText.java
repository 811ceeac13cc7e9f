package dev.belay.codegen;

/**
 * Text from the database (names, expressions, hazard reasons, messages) made safe to place in
 * Java comments. String literals need none of this: JavaPoet escapes them.
 */
final class JavaText {

    private JavaText() {
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
