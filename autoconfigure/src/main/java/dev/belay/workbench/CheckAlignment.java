package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.belay.runner.ScratchSchema;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.schema.postgres.SchemaInspector;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Recognises checks that say the same thing in another spelling. PostgreSQL does not always
 * render a check the same once it is created from its own rendering (Hibernate's
 * {@code x IN ('A','B')} on {@code varchar} reads back as
 * {@code ((x)::text = ANY ((ARRAY['A'::character varying, ...])::text[]))}, and created from that
 * text as {@code ((x)::text = ANY (ARRAY[('A'::character varying)::text, ...]))}). Revisions
 * generated now create checks from the mapping's own text, so a database they built reads as
 * the desired schema does; but a database built by revisions that carried the rendered text, or
 * by hand, carries another spelling. Rather than plan to drop and add such checks, each check of
 * the database whose text differs from the desired check of the same name is created once more
 * from its text, and so is the desired check, in scratch schemas that are rolled back (on the
 * database's column types); when PostgreSQL then renders the database's check as the desired
 * check, or both alike, the two are the same constraint and the current schema is given the
 * desired spelling. Nothing else is touched, and when the scratch tables cannot be built (a
 * column of a type Belay does not manage, say) the current schema stays as it is.
 */
final class CheckAlignment {

    private static final Log logger = LogFactory.getLog(CheckAlignment.class);

    private CheckAlignment() {
    }

    /**
     * The current schema, with each check that PostgreSQL shows to be the desired check of the
     * same name spelled as that one. Costs nothing when no check differs in text only.
     * @param connection a connection in a transaction, which is left as it was
     */
    static Schema align(Connection connection, SchemaInspector inspector, Schema current, Schema desired,
            int serverVersion) throws SQLException {
        Map<String, List<CheckConstraint>> differing = new LinkedHashMap<>();
        for (Table table : current.tables().values()) {
            Table wanted = desired.tables().get(table.name());
            if (wanted == null) {
                continue;
            }
            for (CheckConstraint check : table.checkConstraints().values()) {
                CheckConstraint want = wanted.checkConstraints().get(check.name());
                if (want != null && !want.expression().equals(check.expression())) {
                    differing.computeIfAbsent(table.name(), (name) -> new ArrayList<>()).add(check);
                }
            }
        }
        if (differing.isEmpty()) {
            return current;
        }
        Schema settled;
        Schema settledWanted;
        Savepoint before = connection.setSavepoint();
        try {
            settled = recreated(connection, inspector, checksAlone(current, differing), serverVersion);
            settledWanted = recreatedOrNull(connection, inspector, checksAlone(current, wanted(differing, desired)),
                    serverVersion);
        }
        catch (SQLException ex) {
            logger.debug("Could not compare the database's checks with the desired ones in a scratch schema", ex);
            return current;
        }
        finally {
            connection.rollback(before);
        }
        Schema aligned = current;
        for (Map.Entry<String, List<CheckConstraint>> entry : differing.entrySet()) {
            Table table = aligned.tables().get(entry.getKey());
            Map<String, CheckConstraint> checks = new TreeMap<>(table.checkConstraints());
            for (CheckConstraint check : entry.getValue()) {
                CheckConstraint want = desired.tables().get(entry.getKey()).checkConstraints().get(check.name());
                String recreated = expression(settled, check);
                String recreatedWant = (settledWanted != null) ? expression(settledWanted, check) : null;
                if (recreated != null
                        && (recreated.equals(want.expression()) || recreated.equals(recreatedWant))) {
                    checks.put(check.name(), new CheckConstraint(check.table(), check.name(), want.expression(),
                            check.columns()));
                }
            }
            aligned = aligned.withTable(table.withCheckConstraints(checks));
        }
        return aligned;
    }

    /** The schema built from nothing in a new scratch schema, read back. */
    private static Schema recreated(Connection connection, SchemaInspector inspector, Schema schema,
            int serverVersion) throws SQLException {
        return inspector.inspect(connection,
                ScratchSchema.build(connection, "belay_align_", schema, serverVersion).name());
    }

    /** As {@link #recreated}, or {@code null} (leaving the transaction usable) when it cannot be built. */
    private static @Nullable Schema recreatedOrNull(Connection connection, SchemaInspector inspector, Schema schema,
            int serverVersion) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            Schema recreated = recreated(connection, inspector, schema, serverVersion);
            connection.releaseSavepoint(before);
            return recreated;
        }
        catch (SQLException ex) {
            connection.rollback(before);
            logger.debug("Could not create the desired checks again in a scratch schema", ex);
            return null;
        }
    }

    private static @Nullable String expression(Schema schema, CheckConstraint check) {
        Table table = schema.tables().get(check.table());
        CheckConstraint found = (table != null) ? table.checkConstraints().get(check.name()) : null;
        return (found != null) ? found.expression() : null;
    }

    /** The desired checks of the same names as the differing ones. */
    private static Map<String, List<CheckConstraint>> wanted(Map<String, List<CheckConstraint>> differing,
            Schema desired) {
        Map<String, List<CheckConstraint>> wanted = new LinkedHashMap<>();
        differing.forEach((table, checks) -> wanted.put(table, checks.stream()
            .map((check) -> desired.tables().get(table).checkConstraints().get(check.name()))
            .toList()));
        return wanted;
    }

    /** The enum types, and the tables with differing checks with only their columns' types and those checks. */
    private static Schema checksAlone(Schema current, Map<String, List<CheckConstraint>> differing) {
        List<Table> tables = new ArrayList<>();
        differing.forEach((name, checks) -> {
            Table table = current.tables().get(name);
            Map<String, Column> columns = new LinkedHashMap<>();
            for (Column column : table.columns().values()) {
                columns.put(column.name(),
                        Column.of(name, column.name(), column.type()).withCollation(column.collation()));
            }
            Map<String, CheckConstraint> byName = new TreeMap<>();
            checks.forEach((check) -> byName.put(check.name(), check));
            tables.add(Table.of(name).withColumns(columns).withCheckConstraints(byName));
        });
        return Schema.of(current.enumTypes().values(), List.of(), tables);
    }

}
