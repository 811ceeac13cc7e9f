package dev.belay.lint;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a change of a column's type can refuse values the old type took: what a writer of the
 * old type may still send while a rolling deploy runs. Widening changes (a longer varchar, text,
 * a larger integer, more numeric precision, double for real) keep every value; anything else is
 * taken as narrowing.
 */
final class TypeWidth {

    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    private static final Pattern SIZED = Pattern.compile("^(character varying|character|numeric|bit varying)"
            + "(?:\\((\\d+)(?:,(\\d+))?\\))?(\\[\\])?$");

    private TypeWidth() {
    }

    static boolean narrows(String from, String to) {
        if (from.equals(to)) {
            return false;
        }
        int fromInteger = INTEGERS.indexOf(from);
        int toInteger = INTEGERS.indexOf(to);
        if (fromInteger >= 0 && (toInteger >= fromInteger || to.equals("numeric") || to.equals("text"))) {
            return false;
        }
        if (from.equals("real") && to.equals("double precision")) {
            return false;
        }
        if (to.equals("text") && (from.startsWith("character varying") || from.startsWith("character("))) {
            return false;
        }
        Matcher was = SIZED.matcher(from);
        Matcher now = SIZED.matcher(to);
        if (was.matches() && now.matches() && was.group(1).equals(now.group(1))
                && Objects.equals(was.group(4), now.group(4))) {
            if (now.group(2) == null) {
                return false;
            }
            if (was.group(2) == null) {
                return true;
            }
            int wasScale = (was.group(3) != null) ? Integer.parseInt(was.group(3)) : 0;
            int nowScale = (now.group(3) != null) ? Integer.parseInt(now.group(3)) : 0;
            int wasWhole = Integer.parseInt(was.group(2)) - wasScale;
            int nowWhole = Integer.parseInt(now.group(2)) - nowScale;
            return nowWhole < wasWhole || nowScale < wasScale;
        }
        if (from.startsWith("character varying") && to.equals("character varying")) {
            return false;
        }
        return !(from.startsWith("timestamp") && to.startsWith("timestamp") && from.endsWith("with time zone")
                == to.endsWith("with time zone"));
    }

}
