package dev.belay.diff;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.RecordingStatementSink;
import dev.belay.actions.SqlStatement;
import dev.belay.diff.PlanSegment.Kind;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a plan is cut into the segments that each become one revision: transactional runs of
 * ordinary steps, and non-transactional runs of steps that must or should commit on their own and
 * may run again. Each segment, run as its revision would run it (in one transaction, or each
 * statement with autocommit), works on a real database; and each segment's way back undoes it.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanSegmentTests {

    private static final DiffOptions ONLINE = DiffOptions.defaults().withOnlineSafe(true);

    private DiffDatabase database;

    @BeforeAll
    void connect(TestDatabase database) {
        this.database = new DiffDatabase(database);
    }

    @Test
    void aPlanWhoseStepsCanShareATransactionIsOneTransactionalSegment() throws SQLException {
        Schema current = this.database.build("plain", "CREATE TABLE ride (id integer, name varchar(255))");
        Schema desired = this.database.build("plain_target",
                "CREATE TABLE ride (id integer NOT NULL, name varchar(10), note text)",
                "CREATE INDEX ride_note_idx ON ride (note)");
        MigrationPlan plan = SchemaDiff.between(current, desired);

        assertThat(plan.segments()).singleElement().satisfies((segment) -> {
            assertThat(segment.kind()).isEqualTo(Kind.TRANSACTIONAL);
            assertThat(segment.changes()).isEqualTo(plan.changes());
        });
        assertThat(SchemaDiff.between(current, current).segments()).isEmpty();
    }

    @Test
    void anAddedColumnAndANarrowingTypeChangeShareATransactionAndTheIndexIsBuiltAfterThem() throws SQLException {
        Schema current = this.database.build("narrow", "CREATE TABLE ride (id integer PRIMARY KEY, name varchar(255))");
        Schema desired = this.database.build("narrow_target",
                "CREATE TABLE ride (id integer PRIMARY KEY, name varchar(10), note text)",
                "CREATE INDEX ride_note_idx ON ride (note)");
        MigrationPlan plan = SchemaDiff.between(current, desired, ONLINE);

        assertThat(shape(plan)).containsExactly("TRANSACTIONAL: AddColumn, AlterColumnType",
                "NON_TRANSACTIONAL: CreateIndexConcurrently");
        applyAsRevisions("narrow", plan);
        assertThat(this.database.inspect("narrow")).isEqualTo(desired);
    }

    @Test
    void aNotNullMadeOnlineIsValidatedOnItsOwnBetweenTwoTransactionalSegments() throws SQLException {
        String[] currentDdl = { "CREATE TABLE ride (id integer, name text)", "INSERT INTO ride VALUES (1, 'a')" };
        Schema current = this.database.build("nulls", currentDdl);
        Schema desired = this.database.build("nulls_target", "CREATE TABLE ride (id integer, name text NOT NULL)",
                "CREATE INDEX ride_name_idx ON ride (name)");

        MigrationPlan throughCheck = SchemaDiff.between(current, desired, ONLINE.withServerVersion(17));
        assertThat(shape(throughCheck)).as("the index is built while the check is validated").containsExactly(
                "TRANSACTIONAL: AddNotNullCheckNotValid",
                "NON_TRANSACTIONAL: CreateIndexConcurrently, ValidateNotNullCheck",
                "TRANSACTIONAL: SetNotNullFromCheck");
        applyAsRevisions("nulls", throughCheck);
        assertThat(this.database.inspect("nulls")).isEqualTo(desired);

        MigrationPlan notValid = SchemaDiff.between(current, desired, ONLINE.withServerVersion(18));
        assertThat(shape(notValid)).containsExactly("TRANSACTIONAL: AddNotNullNotValid",
                "NON_TRANSACTIONAL: ValidateNotNull, CreateIndexConcurrently");
        if (this.database.majorVersion() >= 18) {
            this.database.build("nulls", currentDdl);
            applyAsRevisions("nulls", notValid);
            assertThat(this.database.inspect("nulls")).isEqualTo(desired);
        }
    }

    @Test
    void keysBuiltOnlineAreAttachedAfterTheConcurrentBuildsAndTheValidations() throws SQLException {
        Schema current = this.database.build("keys", "CREATE TABLE rider (id integer PRIMARY KEY)",
                "CREATE TABLE ride (rider_id integer, d integer, code text)", "INSERT INTO rider VALUES (1)",
                "INSERT INTO ride VALUES (1, 5, 'a')");
        Schema desired = this.database.build("keys_target", "CREATE TABLE rider (id integer PRIMARY KEY)",
                "CREATE TABLE ride (rider_id integer REFERENCES rider (id), d integer CHECK (d > 0), code text UNIQUE)");
        MigrationPlan plan = SchemaDiff.between(current, desired, ONLINE);

        assertThat(shape(plan)).containsExactly("TRANSACTIONAL: AddCheckConstraintNotValid, AddForeignKeyNotValid",
                "NON_TRANSACTIONAL: CreateIndexConcurrently, ValidateConstraint, ValidateConstraint",
                "TRANSACTIONAL: AddUniqueConstraintUsingIndex");
        applyAsRevisions("keys", plan);
        assertThat(this.database.inspect("keys")).isEqualTo(desired);
    }

    @Test
    void anEnumLabelIsCommittedAtTheEndOfOneTransactionalSegmentBeforeTheNextUsesIt() throws SQLException {
        Schema current = this.database.build("label", "CREATE TYPE ride_type AS ENUM ('ROAD', 'HIKE')",
                "CREATE TABLE ride (type ride_type DEFAULT 'ROAD')");
        Schema desired = this.database.build("label_target",
                "CREATE TYPE ride_type AS ENUM ('ROAD', 'MTB', 'GRAVEL', 'HIKE')",
                "CREATE TABLE ride (type ride_type DEFAULT 'GRAVEL', note text)");
        MigrationPlan plan = SchemaDiff.between(current, desired);

        assertThat(plan.statements()).as("the second label goes after the first")
            .contains("ALTER TYPE ride_type ADD VALUE IF NOT EXISTS 'GRAVEL' AFTER 'MTB'");
        assertThat(shape(plan)).containsExactly("TRANSACTIONAL: AddEnumValue, AddEnumValue, AddColumn",
                "TRANSACTIONAL: SetColumnDefault");
        assertThatExceptionOfType(SQLException.class)
            .isThrownBy(() -> inOneTransaction("label", statements(plan.changes())))
            .withMessageContaining("unsafe use of new value");
        applyAsRevisions("label", plan);
        assertThat(this.database.inspect("label")).isEqualTo(desired);
    }

    @Test
    void eachSegmentsWayBackUndoesItSoTheChainRollsBackFromItsLastRevision() throws SQLException {
        String[] currentDdl = { "CREATE TABLE rider (id integer PRIMARY KEY, name text)",
                "CREATE TABLE ride (id integer, rider_id integer, name varchar(255), code text)",
                "CREATE INDEX ride_name_idx ON ride (name)", "INSERT INTO rider VALUES (1, 'Ada')",
                "INSERT INTO ride VALUES (1, 1, 'short', 'a')" };
        Schema current = this.database.build("back", currentDdl);
        Schema desired = this.database.build("back_target", "CREATE TABLE rider (id integer PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE ride (id integer PRIMARY KEY, rider_id integer REFERENCES rider (id), "
                        + "name varchar(10), code text UNIQUE, note text)",
                "CREATE INDEX ride_note_idx ON ride (note)");
        MigrationPlan plan = SchemaDiff.between(current, desired, ONLINE.withServerVersion(17));
        this.database.build("back_scratch", currentDdl);
        List<Schema> boundaries = boundaries("back_scratch", plan);

        SegmentedPlan chain = SegmentedPlan.of(plan, boundaries);

        assertThat(chain.parts()).hasSizeGreaterThan(2);
        for (SegmentedPlan.Part part : chain.parts()) {
            if (part.segment().transactional()) {
                assertThat(part.transactional()).isTrue();
                assertThat(part.idempotent()).isFalse();
            }
            else {
                assertThat(part.transactional()).isFalse();
                assertThat(part.idempotent()).isTrue();
                assertThat(part.down().changes()).as("the way back of %s", part.segment())
                    .allMatch((change) -> PlanSegment.kindOf(change) == Kind.NON_TRANSACTIONAL);
            }
        }
        applyAsRevisions("back", plan);
        assertThat(this.database.inspect("back")).isEqualTo(desired);
        for (int i = chain.parts().size() - 1; i >= 0; i--) {
            SegmentedPlan.Part part = chain.parts().get(i);
            run("back", part.segment().kind(), statements(part.down().changes()));
            assertThat(this.database.inspect("back")).as("after the way back of part %d", i + 1)
                .isEqualTo(boundaries.get(i));
        }
        assertThat(this.database.inspect("back")).isEqualTo(current);
        assertThat(this.database.rows("back", "SELECT name, code FROM ride")).containsExactly(List.of("short", "a"));
    }

    @Test
    void aPlanOfSeveralSegmentsNeedsTheSchemasBetweenThem() throws SQLException {
        Schema current = this.database.build("needs", "CREATE TABLE ride (id integer, name text)");
        Schema desired = this.database.build("needs_target", "CREATE TABLE ride (id integer, name text NOT NULL)");
        MigrationPlan plan = SchemaDiff.between(current, desired, ONLINE.withServerVersion(18));

        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> SegmentedPlan.of(plan))
            .withMessageContaining("2 segments");
        assertThatExceptionOfType(IllegalArgumentException.class)
            .isThrownBy(() -> SegmentedPlan.of(plan, List.of(current, desired)))
            .withMessageContaining("has 3 boundaries, not 2");
    }

    /** Each segment as its kind and the simple names of its changes. */
    private static List<String> shape(MigrationPlan plan) {
        return plan.segments()
            .stream()
            .map((segment) -> segment.kind() + ": " + String.join(", ",
                    segment.changes().stream().map((change) -> change.getClass().getSimpleName()).toList()))
            .toList();
    }

    /** Runs each segment as its revision would: in one transaction, or statement by statement. */
    private void applyAsRevisions(String schema, MigrationPlan plan) throws SQLException {
        for (PlanSegment segment : plan.segments()) {
            run(schema, segment.kind(), statements(segment.changes()));
        }
    }

    /** The schema before each segment and after the last, built in {@code schema}, which holds the plan's current one. */
    private List<Schema> boundaries(String schema, MigrationPlan plan) throws SQLException {
        List<Schema> boundaries = new ArrayList<>();
        boundaries.add(this.database.inspect(schema));
        for (PlanSegment segment : plan.segments()) {
            this.database.execute(schema,
                    statements(segment.changes()).stream().map(SqlStatement::sql).toArray(String[]::new));
            boundaries.add(this.database.inspect(schema));
        }
        return boundaries;
    }

    private void run(String schema, Kind kind, List<SqlStatement> statements) throws SQLException {
        if (kind == Kind.TRANSACTIONAL) {
            inOneTransaction(schema, statements);
        }
        else {
            this.database.execute(schema, statements.stream().map(SqlStatement::sql).toArray(String[]::new));
        }
    }

    private void inOneTransaction(String schema, List<SqlStatement> statements) throws SQLException {
        try (Connection connection = this.database.database().connect();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET search_path = " + Identifiers.quote(schema));
            try {
                for (SqlStatement each : statements) {
                    statement.execute(each.sql());
                }
                connection.commit();
            }
            finally {
                connection.rollback();
            }
        }
    }

    private static List<SqlStatement> statements(List<Change> changes) {
        RecordingStatementSink sink = new RecordingStatementSink();
        DatabaseActions actions = new DatabaseActions(sink);
        changes.forEach((change) -> change.applyTo(actions));
        return sink.statements();
    }

}
