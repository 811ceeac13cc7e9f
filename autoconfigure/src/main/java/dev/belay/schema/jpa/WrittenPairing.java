package dev.belay.schema.jpa;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.ObjectId;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.schema.WrittenExpressions;
import dev.belay.schema.WrittenExpressions.Written;

import org.jspecify.annotations.Nullable;

/**
 * Pairs the expressions of Hibernate's {@code CREATE TABLE} statements with the objects
 * PostgreSQL made of them in the scratch schema, where the pairing is certain:
 * <ul>
 * <li>a default or generation expression belongs to the column it is written on;</li>
 * <li>the checks of one {@code CREATE TABLE} are created in the order they are written, so they
 * are paired with the table's check constraints in the order of their ids, and only when the
 * counts agree and each pair fits: the columns the constraint reads are exactly the table's
 * columns the written condition names, and the constraint has the name the statement gives or,
 * for an unnamed check, the name PostgreSQL chooses ({@code table_column_check} for a check of
 * one column, {@code table_check} otherwise, cut to 63 bytes as PostgreSQL cuts it, with a
 * number after {@code check} when the name was taken).</li>
 * </ul>
 * A table whose checks do not pair up gets no written checks at all: its checks are then made
 * from their rendering, as before, never from a text that may belong to another.
 */
final class WrittenPairing {

    private static final String CHECKS_IN_ORDER = """
            SELECT c.relname, con.conname
            FROM pg_catalog.pg_constraint con
            JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND con.contype = 'c'
            ORDER BY con.conrelid, con.oid
            """;

    /** How many numbered names ({@code _check1}, {@code _check2}, ...) an unnamed check is looked for under. */
    private static final int MAX_NAME_NUMBER = 1000;

    private WrittenPairing() {
    }

    /**
     * The expressions of the desired schema as the statements wrote them.
     * @param statements the statements' {@code CREATE TABLE}s by table name
     * @param scratch the scratch schema the statements ran in
     * @param built the schema read from it
     */
    static WrittenExpressions pair(Map<String, CreateTableText> statements, Connection connection, String scratch,
            Schema built) throws SQLException {
        Map<ObjectId, Written> defaults = new HashMap<>();
        Map<ObjectId, Written> generated = new HashMap<>();
        boolean anyChecks = false;
        for (Table table : built.tables().values()) {
            CreateTableText text = statements.get(table.name());
            if (text == null) {
                continue;
            }
            anyChecks |= !table.checkConstraints().isEmpty();
            for (Column column : table.columns().values()) {
                String defaultExpression = text.defaults().get(column.name());
                if (column.defaultExpression() != null && defaultExpression != null) {
                    defaults.put(column.id(), new Written(column.defaultExpression(), defaultExpression));
                }
                String generation = text.generated().get(column.name());
                if (column.generated() != null && generation != null) {
                    generated.put(column.id(), new Written(column.generated().expression(), generation));
                }
            }
        }
        Map<ObjectId, Written> checks = anyChecks ? checks(statements, checksInOrder(connection, scratch), built)
                : Map.of();
        return new WrittenExpressions(checks, defaults, generated);
    }

    private static Map<ObjectId, Written> checks(Map<String, CreateTableText> statements,
            Map<String, List<String>> namesInOrder, Schema built) {
        Map<ObjectId, Written> checks = new HashMap<>();
        namesInOrder.forEach((tableName, names) -> {
            Table table = built.tables().get(tableName);
            CreateTableText text = statements.get(tableName);
            if (table == null || text == null || text.checks().size() != names.size()) {
                return;
            }
            Map<ObjectId, Written> paired = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                CheckConstraint check = table.checkConstraints().get(names.get(i));
                CreateTableText.Check written = text.checks().get(i);
                if (check == null || !fits(written, check, table)) {
                    return;
                }
                paired.put(check.id(), new Written(check.expression(), written.condition()));
            }
            checks.putAll(paired);
        });
        return checks;
    }

    /**
     * Whether the check PostgreSQL made can be the one written: it reads the columns the written
     * condition names, and has the name given or the name PostgreSQL chooses.
     */
    static boolean fits(CreateTableText.Check written, CheckConstraint check, Table table) {
        List<String> named = written.names().stream().filter(table.columns()::containsKey).sorted().toList();
        if (!named.equals(check.columns())) {
            return false;
        }
        if (written.name() != null) {
            return written.name().equals(check.name());
        }
        String column = (named.size() == 1) ? named.get(0) : null;
        if (check.name().equals(chosenName(check.table(), column, "check"))) {
            return true;
        }
        for (int number = 1; number <= MAX_NAME_NUMBER; number++) {
            if (check.name().equals(chosenName(check.table(), column, "check" + number))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name PostgreSQL makes of a table name, a column name and a label
     * ({@code makeObjectName}): joined by underscores, the longer of the two names shortened
     * first until the whole fits in 63 bytes.
     */
    static String chosenName(String table, @Nullable String column, String label) {
        int tableBytes = bytes(table);
        int columnBytes = (column != null) ? bytes(column) : 0;
        int available = CreateTableText.MAX_NAME_BYTES - (label.length() + 1) - ((column != null) ? 1 : 0);
        while (tableBytes + columnBytes > available) {
            if (tableBytes > columnBytes) {
                tableBytes--;
            }
            else {
                columnBytes--;
            }
        }
        StringBuilder name = new StringBuilder(CreateTableText.truncated(table, tableBytes));
        if (column != null) {
            name.append('_').append(CreateTableText.truncated(column, columnBytes));
        }
        return name.append('_').append(label).toString();
    }

    private static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The names of each table's check constraints in the order they were created. */
    private static Map<String, List<String>> checksInOrder(Connection connection, String scratch) throws SQLException {
        Map<String, List<String>> names = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(CHECKS_IN_ORDER)) {
            statement.setString(1, scratch);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.computeIfAbsent(rows.getString(1), (table) -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return names;
    }

}
