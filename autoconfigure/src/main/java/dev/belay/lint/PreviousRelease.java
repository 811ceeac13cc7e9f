package dev.belay.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.belay.schema.Identifiers;

/**
 * The tables and columns that the release before a revision maps, which keeps running beside the
 * new one while a rolling deploy replaces its instances: read from the mapping snapshot that
 * {@code belay generate} kept beside the nearest earlier revision (Hibernate's own DDL for that
 * mapping), or, where no earlier revision has one, assumed to be every column of the schema the
 * revision starts from.
 *
 * @param tables the tables by name, with their columns
 * @param source where this knowledge comes from, for messages
 * @param assumed whether it is assumed from the schema rather than read from a mapping
 */
record PreviousRelease(Map<String, Set<String>> tables, String source, boolean assumed) {

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)^create\\s+(?:(?:global|local)\\s+)?(?:(?:temporary|temp|unlogged)\\s+)?table\\s+"
                    + "(?:if\\s+not\\s+exists\\s+)?((?:\"(?:[^\"]|\"\")+\"|[^\\s(.]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[^\\s(.]+))?)"
                    + "\\s*\\((.*)\\)[^)]*$");

    private static final Set<String> NOT_COLUMNS = Set.of("constraint", "primary", "unique", "check", "foreign",
            "exclude", "like");

    /** The first release: nothing ran before it. */
    static PreviousRelease none() {
        return new PreviousRelease(Map.of(), "no earlier release", false);
    }

    /** Assumed from the schema a revision starts from. */
    static PreviousRelease assumed(Map<String, Set<String>> tables) {
        return new PreviousRelease(tables, "no mapping was kept before this revision, so the previous release is "
                + "taken to use every column of the schema it starts from", true);
    }

    /** Read from the statements of a mapping snapshot (Hibernate's {@code create} DDL). */
    static PreviousRelease ofDdl(List<String> statements, String revision) {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        for (String statement : statements) {
            Matcher matcher = CREATE_TABLE.matcher(statement.strip());
            if (!matcher.find()) {
                continue;
            }
            Set<String> columns = new LinkedHashSet<>();
            for (String definition : topLevel(matcher.group(2))) {
                String first = firstToken(definition.strip());
                if (!first.isEmpty() && !NOT_COLUMNS.contains(first.toLowerCase(Locale.ROOT))) {
                    columns.add(name(first));
                }
            }
            tables.put(name(lastPart(matcher.group(1))), columns);
        }
        return new PreviousRelease(tables, "the previous release's mapping is the one kept with revision '" + revision
                + "'", false);
    }

    boolean uses(String table) {
        return this.tables.containsKey(table);
    }

    boolean uses(String table, String column) {
        return this.tables.getOrDefault(table, Set.of()).contains(column);
    }

    private static String lastPart(String qualified) {
        if (qualified.endsWith("\"")) {
            int open = qualified.lastIndexOf("\".\"");
            return (open >= 0) ? qualified.substring(open + 2) : qualified;
        }
        int dot = qualified.lastIndexOf('.');
        return (dot >= 0 && !qualified.substring(dot).contains("\"")) ? qualified.substring(dot + 1) : qualified;
    }

    /** A name as PostgreSQL stores it: quoted names as written, others in lower case. */
    private static String name(String token) {
        return token.startsWith("\"") ? Identifiers.unquote(token) : token.toLowerCase(Locale.ROOT);
    }

    private static String firstToken(String definition) {
        if (definition.startsWith("\"")) {
            int end = 1;
            while (end < definition.length()) {
                if (definition.charAt(end) == '"') {
                    if (end + 1 < definition.length() && definition.charAt(end + 1) == '"') {
                        end += 2;
                        continue;
                    }
                    return definition.substring(0, end + 1);
                }
                end++;
            }
            return definition;
        }
        int end = 0;
        while (end < definition.length() && !Character.isWhitespace(definition.charAt(end))
                && definition.charAt(end) != '(') {
            end++;
        }
        return definition.substring(0, end);
    }

    /** The parts of a table's body separated by commas outside parentheses and quotes. */
    private static List<String> topLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        boolean literal = false;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"' && !literal) {
                quoted = !quoted;
            }
            else if (c == '\'' && !quoted) {
                literal = !literal;
            }
            else if (!quoted && !literal) {
                if (c == '(') {
                    depth++;
                }
                else if (c == ')') {
                    depth--;
                }
                else if (c == ',' && depth == 0) {
                    parts.add(body.substring(start, i));
                    start = i + 1;
                }
            }
        }
        parts.add(body.substring(start));
        return parts;
    }

}
