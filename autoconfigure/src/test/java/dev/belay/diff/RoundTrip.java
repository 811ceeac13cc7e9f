package dev.belay.diff;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.belay.schema.Schema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip every diff test rests on: build the database at A, plan to B (built from its
 * own DDL in another schema), run the plan, read the database back: it must equal B; plan back,
 * run: it must equal A again. Rows in columns the plans do not touch must survive both ways.
 */
final class RoundTrip {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final DiffDatabase database;

    RoundTrip(DiffDatabase database) {
        this.database = database;
    }

    /** Runs the round trip of {@code pair}, whose two schemas must differ, and returns the forward plan. */
    MigrationPlan check(SchemaPair pair, DiffOptions base) throws SQLException {
        return check(pair, base, true);
    }

    /**
     * Runs the round trip of {@code pair} and returns the forward plan; when the schemas may be
     * equal and are, the plan must be empty.
     */
    MigrationPlan check(SchemaPair pair, DiffOptions base, boolean mustDiffer) throws SQLException {
        int number = SCHEMAS.incrementAndGet();
        String working = "rt_a" + number;
        String target = "rt_b" + number;
        try {
            Schema desired = this.database.build(target, pair.toDdl());
            Schema current = this.database.build(working, pair.fromDdl());
            this.database.execute(working, pair.seedSql());
            List<List<String>> survivors = (pair.survivors() != null) ? this.database.rows(working, pair.survivors())
                    : List.of();
            DiffOptions options = pair.options(base);
            assertThat(SchemaDiff.between(current, current, options.withoutRenames()).changes())
                .as("a plan from A to itself").isEmpty();
            assertThat(SchemaDiff.between(desired, desired, options.withoutRenames()).changes())
                .as("a plan from B to itself").isEmpty();

            MigrationPlan forward = SchemaDiff.between(current, desired, options);
            assertThat(forward.isEmpty()).as("the plan is empty exactly when A equals B")
                .isEqualTo(!mustDiffer && current.equals(desired));
            assertThat(SchemaDiff.between(current, desired, options).toString()).as("the same plan twice")
                .isEqualTo(forward.toString());
            applyAndCompare(working, forward, desired, "forward");
            if (pair.survivors() != null) {
                assertThat(this.database.rows(working, pair.survivorsAfter())).as("rows after the forward plan\n%s", forward)
                    .isEqualTo(survivors);
            }

            MigrationPlan back = forward.reverse();
            applyAndCompare(working, back, current, "reverse");
            if (pair.survivors() != null) {
                assertThat(this.database.rows(working, pair.survivors())).as("rows after the reverse plan\n%s", back)
                    .isEqualTo(survivors);
            }
            return forward;
        }
        finally {
            this.database.drop(working);
            this.database.drop(target);
        }
    }

    private void applyAndCompare(String schema, MigrationPlan plan, Schema expected, String direction)
            throws SQLException {
        try {
            this.database.apply(schema, plan);
        }
        catch (SQLException ex) {
            throw new AssertionError("The " + direction + " plan failed: " + ex.getMessage() + "\n" + plan, ex);
        }
        Schema actual = this.database.inspect(schema);
        assertThat(actual).as("the database after the %s plan\n%s", direction, plan).isEqualTo(expected);
    }

}
