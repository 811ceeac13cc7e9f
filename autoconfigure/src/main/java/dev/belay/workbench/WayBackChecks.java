package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.belay.diff.Change;
import dev.belay.diff.SegmentedPlan;
import dev.belay.runner.ScratchSchema;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.EnumType;
import dev.belay.schema.ObjectId;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.schema.WrittenExpressions;
import dev.belay.schema.WrittenExpressions.Written;
import dev.belay.schema.jpa.JpaDesiredSchema;
import dev.belay.schema.postgres.SchemaInspector;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The checks that a generated revision's {@code down} creates again, written as the mapping of
 * the revision before wrote them. The database holds what PostgreSQL made of that text, and a
 * check created from its rendering may read back in other words, so {@code down} would not
 * restore the catalog as it was. The text is taken from the mapping snapshot kept beside the
 * revision before ({@link MappingSnapshot}) and used only where PostgreSQL, in a scratch schema
 * on the same column types, renders it exactly as the check it is to restore; otherwise the
 * check is created from its rendering, which still compares equal (see {@link CheckAlignment}).
 * Costs nothing when no {@code down} creates a check.
 */
final class WayBackChecks {

    private static final Log logger = LogFactory.getLog(WayBackChecks.class);

    private WayBackChecks() {
    }

    /**
     * @param previousDdl the statements of the mapping snapshot of the revision before, or none
     * @param connection a connection in a transaction, which is left as it was
     */
    static WrittenExpressions of(Connection connection, SchemaInspector inspector, SegmentedPlan split,
            List<String> previousDdl, int serverVersion) throws SQLException {
        if (previousDdl.isEmpty()) {
            return WrittenExpressions.none();
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<String, EnumType> enumTypes = new TreeMap<>();
        for (SegmentedPlan.Part part : split.parts()) {
            Schema before = part.down().desired();
            List<CheckConstraint> added = new ArrayList<>();
            for (Change change : part.down().changes()) {
                if (change instanceof Change.AddCheckConstraint add) {
                    added.add(add.check());
                }
                else if (change instanceof Change.AddCheckConstraintNotValid add) {
                    added.add(add.check());
                }
            }
            if (added.isEmpty()) {
                continue;
            }
            before.enumTypes().forEach(enumTypes::putIfAbsent);
            Map<ObjectId, List<String>> texts = JpaDesiredSchema.writtenChecks(previousDdl, before, added);
            for (CheckConstraint check : added) {
                for (String text : texts.getOrDefault(check.id(), List.of())) {
                    candidates.add(new Candidate(check, text, before.tables().get(check.table())));
                }
            }
        }
        if (candidates.isEmpty()) {
            return WrittenExpressions.none();
        }
        Schema rendered = rendered(connection, inspector, candidates, enumTypes, serverVersion);
        if (rendered == null) {
            return WrittenExpressions.none();
        }
        Map<ObjectId, Written> checks = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            CheckConstraint check = rendered.tables().get(tableName(i)).checkConstraints().get(candidate.check().name());
            if (check != null && check.expression().equals(candidate.check().expression())) {
                checks.putIfAbsent(candidate.check().id(), new Written(check.expression(), candidate.text()));
            }
        }
        return new WrittenExpressions(checks, Map.of(), Map.of());
    }

    /**
     * Each candidate made as a check of a table of its own, with the columns of its check's table,
     * in a scratch schema, read back; {@code null} when that cannot be built.
     */
    private static @Nullable Schema rendered(Connection connection, SchemaInspector inspector, List<Candidate> candidates,
            Map<String, EnumType> enumTypes, int serverVersion) throws SQLException {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            String name = tableName(i);
            Map<String, Column> columns = new LinkedHashMap<>();
            for (Column column : candidate.table().columns().values()) {
                columns.put(column.name(), Column.of(name, column.name(), column.type()).withCollation(column.collation()));
            }
            CheckConstraint check = new CheckConstraint(name, candidate.check().name(), candidate.text(),
                    candidate.check().columns());
            tables.add(Table.of(name).withColumns(columns).withCheckConstraints(Map.of(check.name(), check)));
        }
        Savepoint before = connection.setSavepoint();
        try {
            ScratchSchema scratch = ScratchSchema.build(connection, "belay_back_",
                    Schema.of(enumTypes.values(), List.of(), tables), serverVersion);
            return inspector.inspect(connection, scratch.name());
        }
        catch (SQLException ex) {
            logger.debug("Could not make the earlier mapping's checks in a scratch schema", ex);
            return null;
        }
        finally {
            connection.rollback(before);
        }
    }

    private static String tableName(int index) {
        return "belay_check_" + index;
    }

    /** A text that may be the one a check was written in, and the table the check is on. */
    private record Candidate(CheckConstraint check, String text, Table table) {

    }

}
