package dev.belay.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a schema holds, as sorted entries that each name their object, with the schema's own name
 * replaced by {@code SCHEMA} so that two schemas compare. Read by a real {@code pg_dump
 * --schema-only} when one whose major is at least the server's is on the PATH, else by a dump
 * of pg_catalog through the server's own deparse functions ({@code format_type},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code pg_get_expr}, ...), which owes
 * nothing to Belay's {@code SchemaInspector}. Either way, the casts from or to the schema's types
 * are added from pg_cast, as they belong to no schema and pg_dump leaves them out of a schema's
 * dump.
 */
public record SchemaDump(String source, List<String> entries) {

    private static final Pattern PG_DUMP_VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

    private static final Pattern COLUMN_POSITION = Pattern.compile(" #\\d+");

    private static volatile Integer pgDumpMajor;

    /**
     * Dumps {@code schema} of the test database, leaving out the tables named in
     * {@code excludedTables} and everything that belongs to them: through pg_dump where it is
     * new enough for the server, else through the catalog.
     */
    public static SchemaDump of(TestDatabase database, String schema, String... excludedTables) {
        return pgDumpFits(database) ? pgDump(database, schema, excludedTables)
                : fromCatalog(database, schema, excludedTables);
    }

    /** Whether a pg_dump at least as new as the test database's server is on the PATH. */
    public static boolean pgDumpFits(TestDatabase database) {
        try (Connection connection = database.connect()) {
            return pgDumpMajor() >= serverMajor(connection);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not read the server's version", ex);
        }
    }

    /** Dumps {@code schema} through a pg_dump on the PATH (see {@link #pgDumpFits}). */
    public static SchemaDump pgDump(TestDatabase database, String schema, String... excludedTables) {
        return dump(database, schema, "pg_dump " + pgDumpMajor(),
                (connection) -> pgDump(database, schema, Set.of(excludedTables)));
    }

    /** Dumps {@code schema} through pg_catalog's deparse functions. */
    public static SchemaDump fromCatalog(TestDatabase database, String schema, String... excludedTables) {
        return dump(database, schema, "catalog", (connection) -> catalog(connection, schema, Set.of(excludedTables)));
    }

    private static SchemaDump dump(TestDatabase database, String schema, String source, Reader reader) {
        try (Connection connection = database.connect()) {
            List<String> entries = new ArrayList<>(reader.read(connection));
            entries.addAll(casts(connection, schema));
            TreeSet<String> sorted = new TreeSet<>();
            entries.forEach((entry) -> sorted.add(normalise(entry, schema)));
            return new SchemaDump(source + " of PostgreSQL " + serverMajor(connection), List.copyOf(sorted));
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not dump schema " + schema, ex);
        }
    }

    /**
     * The entries only in this dump and only in {@code other}, one a line, or an empty string
     * when both hold the same entries.
     */
    public String differences(SchemaDump other, String name, String otherName) {
        TreeSet<String> onlyHere = new TreeSet<>(this.entries);
        onlyHere.removeAll(other.entries);
        TreeSet<String> onlyThere = new TreeSet<>(other.entries);
        onlyThere.removeAll(this.entries);
        if (onlyHere.isEmpty() && onlyThere.isEmpty()) {
            return "";
        }
        StringBuilder report = new StringBuilder("schema dumps (" + this.source + ") differ:\n");
        onlyHere.forEach((entry) -> report.append("  only ").append(name).append(": ").append(entry).append('\n'));
        onlyThere.forEach((entry) -> report.append("  only ").append(otherName).append(": ").append(entry).append('\n'));
        return report.toString();
    }

    /**
     * This dump without the order of the tables' columns. A column that a migration adds comes
     * last in PostgreSQL, where Hibernate's {@code create} of the evolved model puts it among
     * the others, so an evolved schema can only match a created one column for column, not in
     * the same order.
     */
    public SchemaDump withoutColumnOrder() {
        TreeSet<String> unordered = new TreeSet<>();
        this.entries.forEach((entry) -> unordered.add(COLUMN_POSITION.matcher(entry).replaceFirst("")));
        return new SchemaDump(this.source + " without column order", List.copyOf(unordered));
    }

    /**
     * A {@code CREATE TABLE} statement as entries of its own: the table, then each column with
     * its position and each constraint, so that a difference names the column or constraint.
     */
    private static List<String> tableEntries(String createTable) {
        int open = createTable.indexOf('(');
        int close = createTable.lastIndexOf(')');
        if (open < 0 || close < open) {
            return List.of(createTable);
        }
        String table = createTable.substring(0, open).trim();
        List<String> entries = new ArrayList<>();
        entries.add(table + " " + createTable.substring(close + 1).trim());
        List<String> definitions = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < close; i++) {
            char c = createTable.charAt(i);
            if (c == '(') {
                depth++;
            }
            else if (c == ')') {
                depth--;
            }
            else if (c == ',' && depth == 0) {
                definitions.add(createTable.substring(start, i).trim());
                start = i + 1;
            }
        }
        definitions.add(createTable.substring(start, close).trim());
        int position = 0;
        for (String definition : definitions) {
            if (definition.isEmpty()) {
                continue;
            }
            if (definition.startsWith("CONSTRAINT ")) {
                entries.add(table + " " + definition);
            }
            else {
                int space = definition.indexOf(' ');
                String column = (space < 0) ? definition : definition.substring(0, space);
                entries.add(table + " column " + column + " #" + (++position)
                        + ((space < 0) ? "" : definition.substring(space)));
            }
        }
        return entries;
    }

    private static int serverMajor(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SHOW server_version_num");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return Integer.parseInt(rows.getString(1)) / 10000;
        }
    }

    /** The major of the pg_dump on the PATH, or 0 where there is none. */
    private static int pgDumpMajor() {
        Integer major = pgDumpMajor;
        if (major == null) {
            major = 0;
            try {
                Process process = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
                String version = read(process.getInputStream());
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    Matcher matcher = PG_DUMP_VERSION.matcher(version);
                    major = matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
                }
            }
            catch (IOException ex) {
                major = 0;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                major = 0;
            }
            pgDumpMajor = major;
        }
        return major;
    }

    private static List<String> pgDump(TestDatabase database, String schema, Set<String> excluded) {
        Matcher url = JDBC_URL.matcher(database.url());
        if (!url.matches()) {
            throw new IllegalStateException("Cannot tell pg_dump where " + database.url() + " is");
        }
        List<String> command = new ArrayList<>(List.of("pg_dump", "--schema-only", "--no-owner", "--no-privileges",
                "--schema=" + quoted(schema), "--host=" + url.group(1), "--username=" + database.user(),
                "--dbname=" + url.group(3)));
        if (url.group(2) != null) {
            command.add("--port=" + url.group(2));
        }
        excluded.forEach((table) -> command.add("--exclude-table=" + quoted(schema) + "." + quoted(table)));
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("PGPASSWORD", database.password());
            Process process = builder.start();
            String dump = read(process.getInputStream());
            String errors = read(process.getErrorStream());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_dump of " + schema + " failed: " + errors);
            }
            return statements(dump);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The statements of a dump, one line each, without comments, settings and psql meta-commands. */
    private static List<String> statements(String dump) {
        StringBuilder script = new StringBuilder();
        for (String line : dump.split("\n")) {
            if (line.startsWith("--") || line.startsWith("\\") || line.startsWith("SET ")
                    || line.startsWith("SELECT pg_catalog.set_config")) {
                continue;
            }
            script.append(line).append('\n');
        }
        return Arrays.stream(script.toString().split(";\n"))
            .map((statement) -> statement.replaceAll("\\s+", " ").trim())
            .filter((statement) -> !statement.isEmpty())
            .flatMap((statement) -> statement.startsWith("CREATE TABLE ") ? tableEntries(statement).stream()
                    : Stream.of(statement))
            .toList();
    }

    private static List<String> catalog(Connection connection, String schema, Set<String> excluded)
            throws SQLException {
        List<String> entries = new ArrayList<>();
        String tables = """
                SELECT 'relation ' || c.relname || ' kind ' || c.relkind::text || ' persistence ' || c.relpersistence::text
                    || coalesce(' options ' || array_to_string(c.reloptions, ','), '')
                    || coalesce(' partition by ' || pg_get_partkeydef(c.oid), '')
                    || coalesce(' comment ' || obj_description(c.oid, 'pg_class'), '')
                FROM pg_class c
                WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND c.relname <> ALL (?)
                """;
        String columns = """
                SELECT 'column ' || c.relname || '.' || a.attname
                    || ' #' || row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum)
                    || ' ' || format_type(a.atttypid, a.atttypmod)
                    || CASE WHEN a.attcollation <> t.typcollation THEN ' collate ' || co.collname ELSE '' END
                    || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                    || CASE a.attidentity WHEN 'a' THEN ' generated always as identity'
                         WHEN 'd' THEN ' generated by default as identity' ELSE '' END
                    || CASE WHEN a.attgenerated <> '' THEN ' generated (' || a.attgenerated::text || ') as '
                         || pg_get_expr(d.adbin, d.adrelid)
                         WHEN d.adbin IS NOT NULL THEN ' default ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END
                    || coalesce(' comment ' || col_description(a.attrelid, a.attnum), '')
                FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_type t ON t.oid = a.atttypid
                LEFT JOIN pg_collation co ON co.oid = a.attcollation
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> ALL (?)
                """;
        String constraints = """
                SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
                    || coalesce(' comment ' || obj_description(k.oid, 'pg_constraint'), '')
                FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid
                WHERE c.relnamespace = ?::regnamespace AND c.relname <> ALL (?)
                """;
        String indexes = """
                SELECT 'index ' || i.relname || ' ' || pg_get_indexdef(i.oid)
                    || CASE WHEN x.indisvalid THEN '' ELSE ' invalid' END
                    || coalesce(' comment ' || obj_description(i.oid, 'pg_class'), '')
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class c ON c.oid = x.indrelid
                WHERE c.relnamespace = ?::regnamespace AND c.relname <> ALL (?)
                """;
        String sequences = """
                SELECT 'sequence ' || s.sequencename || ' ' || s.data_type || ' start ' || s.start_value
                    || ' min ' || s.min_value || ' max ' || s.max_value || ' increment ' || s.increment_by
                    || ' cache ' || s.cache_size || CASE WHEN s.cycle THEN ' cycle' ELSE '' END
                    || coalesce(' owned by ' || o.relname || '.' || a.attname || ' (' || d.deptype::text || ')', '')
                FROM pg_sequences s
                JOIN pg_class q ON q.relname = s.sequencename AND q.relnamespace = ?::regnamespace
                LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = q.oid
                  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                LEFT JOIN pg_class o ON o.oid = d.refobjid
                LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                WHERE s.schemaname = ? AND coalesce(o.relname, '') <> ALL (?)
                """;
        String types = """
                SELECT 'enum ' || t.typname || ' ('
                    || (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                        FROM pg_enum e WHERE e.enumtypid = t.oid) || ')'
                    || coalesce(' comment ' || obj_description(t.oid, 'pg_type'), '')
                FROM pg_type t WHERE t.typnamespace = ?::regnamespace AND t.typtype = 'e'
                UNION ALL
                SELECT 'domain ' || t.typname || ' ' || format_type(t.typbasetype, t.typtypmod)
                    || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END
                    || coalesce(' default ' || t.typdefault, '')
                FROM pg_type t WHERE t.typnamespace = ?::regnamespace AND t.typtype = 'd'
                """;
        String routines = """
                SELECT 'function ' || p.oid::regprocedure::text || ' ' || pg_get_functiondef(p.oid)
                FROM pg_proc p WHERE p.pronamespace = ?::regnamespace AND p.prokind IN ('f', 'p')
                UNION ALL
                SELECT 'trigger ' || c.relname || '.' || g.tgname || ' ' || pg_get_triggerdef(g.oid)
                FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
                WHERE c.relnamespace = ?::regnamespace AND NOT g.tgisinternal
                """;
        Object[] tableArgs = { schema, excluded.toArray(String[]::new) };
        entries.addAll(query(connection, tables, tableArgs));
        entries.addAll(query(connection, columns, tableArgs));
        entries.addAll(query(connection, constraints, tableArgs));
        entries.addAll(query(connection, indexes, tableArgs));
        entries.addAll(query(connection, sequences, new Object[] { schema, schema, excluded.toArray(String[]::new) }));
        entries.addAll(query(connection, types, new Object[] { schema, schema }));
        entries.addAll(query(connection, routines, new Object[] { schema, schema }));
        return entries;
    }

    /** The casts from or to a type of the schema (Hibernate creates some for its enum types). */
    private static List<String> casts(Connection connection, String schema) throws SQLException {
        String casts = """
                SELECT 'cast (' || format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL) || ') '
                    || CASE c.castmethod WHEN 'f' THEN 'with function ' || c.castfunc::regprocedure::text
                         WHEN 'i' THEN 'with inout' ELSE 'without function' END
                    || CASE c.castcontext WHEN 'i' THEN ' as implicit' WHEN 'a' THEN ' as assignment' ELSE '' END
                FROM pg_cast c
                JOIN pg_type s ON s.oid = c.castsource
                JOIN pg_type t ON t.oid = c.casttarget
                WHERE s.typnamespace = ?::regnamespace OR t.typnamespace = ?::regnamespace
                """;
        return query(connection, casts, new Object[] { schema, schema });
    }

    private static List<String> query(Connection connection, String sql, Object[] arguments) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object argument : arguments) {
                if (argument instanceof String[] names) {
                    statement.setArray(index++, connection.createArrayOf("text", names));
                }
                else {
                    statement.setString(index++, (String) argument);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(rows.getString(1));
                }
            }
        }
        return entries;
    }

    /** The schema's name, quoted or not, in front of a dot becomes {@code SCHEMA}; white space is one space. */
    private static String normalise(String entry, String schema) {
        String qualifier = "(?<![\\w$\"])(?:" + Pattern.quote(quoted(schema)) + "|" + Pattern.quote(schema) + ")\\.";
        return entry.replaceAll(qualifier, "SCHEMA.")
            .replaceAll("(?i)(SCHEMA|--schema=)\\s+" + Pattern.quote(schema) + "\\b", "$1 SCHEMA")
            .replaceAll("\\s+", " ")
            .trim();
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private interface Reader {

        List<String> read(Connection connection) throws SQLException;

    }

    private static String read(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }

}
