package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.belay.diff.DiffOptions;
import dev.belay.diff.SchemaDiff;
import dev.belay.runner.ScratchSchema;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.schema.postgres.SchemaInspector;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Recognises checks that say the same thing in another spelling. PostgreSQL does not always
 * render a check the same once it is created from its own rendering (Hibernate's
 * {@code x IN ('A','B')} on {@code varchar} reads back as
 * {@code ((x)::text = ANY ((ARRAY['A'::character varying, ...])::text[]))}, and created from that
 * text as {@code ((x)::text = ANY (ARRAY[('A'::character varying)::text, ...]))}). The desired
 * schema is settled (created once more from its own rendering), so a database built by Belay
 * matches it; but a database first built by Hibernate's own {@code ddl-auto} and then taken over
 * by Belay carries the first spelling. Rather than plan to drop and add such checks, each check of
 * the database whose text differs from the desired check of the same name is created once more
 * from its text, in a scratch schema that is rolled back; when PostgreSQL then renders it as the
 * desired check, the two are the same constraint and the current schema is given the desired
 * spelling. Nothing else is touched, and when the scratch tables cannot be built (a column of a
 * type Belay does not manage, say) the current schema stays as it is.
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
        Savepoint before = connection.setSavepoint();
        try {
            ScratchSchema scratch = ScratchSchema.create(connection, "belay_align_");
            scratch.run(connection, SchemaDiff
                .between(Schema.empty(), checksAlone(current, differing),
                        DiffOptions.defaults().withServerVersion(serverVersion))
                .sqlStatements());
            settled = inspector.inspect(connection, scratch.name());
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
                CheckConstraint recreated = settled.tables().get(entry.getKey()).checkConstraints().get(check.name());
                if (recreated != null && recreated.expression().equals(want.expression())) {
                    checks.put(check.name(), new CheckConstraint(check.table(), check.name(), want.expression(),
                            check.columns()));
                }
            }
            aligned = aligned.withTable(table.withCheckConstraints(checks));
        }
        return aligned;
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
