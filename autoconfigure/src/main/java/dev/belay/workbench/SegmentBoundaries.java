package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

import dev.belay.actions.SqlStatement;
import dev.belay.diff.Change;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.PlanSegment;
import dev.belay.diff.SegmentedPlan;
import dev.belay.revision.MigrationException;
import dev.belay.runner.ScratchSchema;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;

/**
 * The schemas between the segments of a plan, as PostgreSQL builds them: the plan's starting
 * schema is built in a scratch schema, the segments run there one after the other (each
 * statement in its transactional form, {@code CREATE INDEX} for {@code CREATE INDEX
 * CONCURRENTLY}), and the schema is read back before the first and after each. The scratch schema
 * is empty of rows, so no step fails on data, and it lives in the caller's transaction, rolled back
 * to where it was before this returns. After a segment that adds enum labels, the next one starts
 * from a scratch schema built afresh from the schema read so far, since that transaction cannot
 * use labels it added itself. That PostgreSQL, not a model of it, says what each segment leaves is
 * why each revision of a chain can be given a {@code down} that undoes exactly its own {@code up}
 * (see {@link SegmentedPlan}).
 */
final class SegmentBoundaries {

    private SegmentBoundaries() {
    }

    /** The schema before each segment and after the last, one more than the plan has segments. */
    static List<Schema> of(Connection connection, SchemaInspector inspector, MigrationPlan plan, int serverVersion)
            throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            List<Schema> boundaries = new ArrayList<>();
            ScratchSchema scratch = build(connection, plan.current(), serverVersion, "its starting schema");
            boundaries.add(inspector.inspect(connection, scratch.name()));
            List<PlanSegment> segments = plan.segments();
            int change = 0;
            for (int i = 0; i < segments.size(); i++) {
                if (i > 0 && addsEnumLabels(segments.get(i - 1))) {
                    // PostgreSQL refuses a label in the transaction that added it until that commits, and
                    // this one never does: start again from the schema so far, built afresh, whose enum
                    // types then have the new labels from their creation.
                    connection.rollback(before);
                    scratch = build(connection, boundaries.get(i), serverVersion, "the schema after segment " + i);
                }
                List<SqlStatement> statements = new ArrayList<>();
                // Segments are consecutive runs of the plan's changes.
                for (int end = change + segments.get(i).changes().size(); change < end; change++) {
                    statements.addAll(plan.statementsOf(change));
                }
                run(connection, scratch, statements, "segment " + (i + 1) + " of " + segments.size());
                boundaries.add(inspector.inspect(connection, scratch.name()));
            }
            return boundaries;
        }
        finally {
            connection.rollback(before);
        }
    }

    private static ScratchSchema build(Connection connection, Schema schema, int serverVersion, String what)
            throws SQLException {
        try {
            return ScratchSchema.build(connection, "belay_split_", schema, serverVersion);
        }
        catch (SQLException ex) {
            throw failure(what, ex);
        }
    }

    private static boolean addsEnumLabels(PlanSegment segment) {
        return segment.changes().stream().anyMatch(Change.AddEnumValue.class::isInstance);
    }

    private static void run(Connection connection, ScratchSchema scratch, List<SqlStatement> statements, String what)
            throws SQLException {
        try {
            scratch.run(connection, statements);
        }
        catch (SQLException ex) {
            throw failure(what, ex);
        }
    }

    private static MigrationException failure(String what, SQLException ex) {
        return new MigrationException("Belay could not rehearse " + what + " of the plan in a scratch schema, "
                + "which it does to give each revision of the chain its way back: " + ex.getMessage() + ".",
                "This is a bug in Belay: please report it with the output of `belay diff` (with the same "
                        + "options) and the mapping of the table named in the statement.", ex);
    }

}
