package dev.belay.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables (with their columns) and sequences that a mapping's {@code create} DDL, as Hibernate
 * writes it, creates: what a release of the application reads and writes. Read from the text of
 * the statements, which Hibernate writes in a regular form ({@code create table name (column type
 * ..., primary key (...))}, {@code create sequence name ...}).
 *
 * @param tables the tables by name, with their columns, names as PostgreSQL stores them
 * @param sequences the sequences' names
 */
public record MappedTables(Map<String, Set<String>> tables, Set<String> sequences) {

    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[^\\s(.;]+)";

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)^create\\s+(?:(?:global|local)\\s+)?(?:(?:temporary|temp|unlogged)\\s+)?table\\s+"
                    + "(?:if\\s+not\\s+exists\\s+)?(" + NAME + "(?:\\." + NAME + ")?)\\s*\\((.*)\\)[^)]*$");

    private static final Pattern CREATE_SEQUENCE = Pattern.compile(
            "(?is)^create\\s+(?:(?:temporary|temp|unlogged)\\s+)?sequence\\s+(?:if\\s+not\\s+exists\\s+)?("
                    + NAME + "(?:\\." + NAME + ")?)");

    private static final Set<String> NOT_COLUMNS = Set.of("constraint", "primary", "unique", "check", "foreign",
            "exclude", "like");

    public MappedTables {
        tables = Map.copyOf(tables);
        sequences = Set.copyOf(sequences);
    }

    /** Nothing mapped: the release before the first. */
    public static MappedTables none() {
        return new MappedTables(Map.of(), Set.of());
    }

    /** What a mapping's DDL statements create. */
    public static MappedTables ofDdl(List<String> statements) {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        Set<String> sequences = new LinkedHashSet<>();
        for (String statement : statements) {
            String sql = statement.strip();
            Matcher table = CREATE_TABLE.matcher(sql);
            if (table.find()) {
                Set<String> columns = new LinkedHashSet<>();
                for (String definition : topLevel(table.group(2))) {
                    String first = firstToken(definition.strip());
                    if (!first.isEmpty() && !NOT_COLUMNS.contains(first.toLowerCase(Locale.ROOT))) {
                        columns.add(name(first));
                    }
                }
                tables.put(name(lastPart(table.group(1))), columns);
                continue;
            }
            Matcher sequence = CREATE_SEQUENCE.matcher(sql);
            if (sequence.find()) {
                sequences.add(name(lastPart(sequence.group(1))));
            }
        }
        return new MappedTables(tables, sequences);
    }

    public boolean maps(String table) {
        return this.tables.containsKey(table);
    }

    public boolean maps(String table, String column) {
        return this.tables.getOrDefault(table, Set.of()).contains(column);
    }

    public boolean mapsSequence(String sequence) {
        return this.sequences.contains(sequence);
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
