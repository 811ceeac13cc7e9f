package dev.belay.codegen;

import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ids and class names of generated revisions, from the time they are generated and their
 * message: {@code 20261121_153000_add_author} and {@code V20261121_153000_AddAuthor}. Ids sort by
 * time; both use only ASCII letters, digits and underscores, whatever the message holds (quotes,
 * accents, emoji or nothing at all), so they are valid ids, valid Java names and valid file names
 * on every system.
 */
public final class RevisionNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);

    /** Letters that Unicode does not decompose into a base letter and an accent. */
    private static final Map<Character, String> FOLDED = Map.of('ß', "ss", 'æ', "ae", 'Æ', "AE", 'ø', "o", 'Ø', "O",
            'œ', "oe", 'Œ', "OE", 'ł', "l", 'Ł', "L", 'đ', "d");

    /** Words beyond this many characters of slug are left out, so names stay readable. */
    private static final int MAX_SLUG = 48;

    private RevisionNames() {
    }

    /** For example {@code 20261121_153000_add_author}; just the time stamp when the message has no word. */
    public static String id(LocalDateTime time, String message) {
        List<String> words = words(message);
        return STAMP.format(time) + (words.isEmpty() ? "" : "_" + String.join("_", words));
    }

    /** For example {@code V20261121_153000_AddAuthor}; a Java class name that sorts like the id. */
    public static String className(LocalDateTime time, String message) {
        StringBuilder name = new StringBuilder("V").append(STAMP.format(time));
        List<String> words = words(message);
        if (!words.isEmpty()) {
            name.append('_');
            for (String word : words) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
        return name.toString();
    }

    /**
     * The message's words in lower case ASCII: accents dropped, anything that is not a letter or a
     * digit taken as a space, at most about {@value #MAX_SLUG} characters in all.
     */
    static List<String> words(String message) {
        StringBuilder folded = new StringBuilder();
        String decomposed = Normalizer.normalize(message, Normalizer.Form.NFKD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            String replacement = FOLDED.get(c);
            if (replacement != null) {
                folded.append(replacement);
            }
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                folded.append(c);
            }
            else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                folded.append(' ');
            }
        }
        List<String> words = new ArrayList<>();
        int length = 0;
        for (String word : folded.toString().toLowerCase(Locale.ROOT).split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (length + word.length() > MAX_SLUG) {
                if (words.isEmpty()) {
                    words.add(word.substring(0, MAX_SLUG));
                }
                break;
            }
            words.add(word);
            length += word.length() + 1;
        }
        return words;
    }

}
