package dev.belay.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A column type as {@code format_type} renders it, taken apart: the base name, the type
 * modifiers and the array dimensions. {@code character varying(80)[]} is base
 * {@code character varying}, modifiers {@code [80]}, one dimension.
 *
 * @param base the type's name without modifiers or brackets, built-in aliases spelled out
 * @param modifiers the numbers in parentheses, e.g. precision and scale
 * @param arrayDimensions how many {@code []} follow the name
 * @param text the type as given
 */
record SqlType(String base, List<Integer> modifiers, int arrayDimensions, String text) {

    /** Aliases a person may write for types {@code format_type} spells out. */
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("int", "integer"),
            Map.entry("int4", "integer"), Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
            Map.entry("varchar", "character varying"), Map.entry("char", "character"), Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"), Map.entry("decimal", "numeric"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time", "time without time zone"),
            Map.entry("varbit", "bit varying"));

    static SqlType parse(String text) {
        String rest = text.strip();
        int dimensions = 0;
        while (rest.endsWith("[]")) {
            dimensions++;
            rest = rest.substring(0, rest.length() - 2).strip();
        }
        List<Integer> modifiers = new ArrayList<>();
        if (!rest.startsWith("\"")) {
            int open = rest.indexOf('(');
            int close = rest.indexOf(')', open + 1);
            if (open > 0 && close > open) {
                for (String modifier : rest.substring(open + 1, close).split(",")) {
                    try {
                        modifiers.add(Integer.parseInt(modifier.strip()));
                    }
                    catch (NumberFormatException ex) {
                        // Not a number (an unusual type): compare by text only.
                        modifiers.clear();
                        break;
                    }
                }
                rest = (rest.substring(0, open) + " " + rest.substring(close + 1)).strip();
            }
            rest = rest.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            rest = ALIASES.getOrDefault(rest, rest);
        }
        return new SqlType(rest, List.copyOf(modifiers), dimensions, text);
    }

    boolean isArray() {
        return this.arrayDimensions > 0;
    }

    /** The element type of an array, or this type. */
    SqlType element() {
        return new SqlType(this.base, this.modifiers, 0, this.text.replace("[]", "").strip());
    }

    OptionalInt modifier(int index) {
        return (index < this.modifiers.size()) ? OptionalInt.of(this.modifiers.get(index)) : OptionalInt.empty();
    }

    boolean isString() {
        return this.base.equals("text") || this.base.equals("character varying") || this.base.equals("character");
    }

}
