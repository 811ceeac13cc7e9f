package dev.belay.diff;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The hazards a plan reports are the ones PostgreSQL then shows, checked against a real database. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HazardTests {

    private DiffDatabase database;

    @BeforeAll
    void connect(TestDatabase database) {
        this.database = new DiffDatabase(database);
    }

    @ParameterizedTest(name = "{0} to {1} with a row holding {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            character varying(10)        | character varying(20)        | 'abc'
            character varying(20)        | character varying(5)         | 'abc'
            character varying(5)         | text                         | 'abc'
            character varying(5)         | character varying            | 'abc'
            text                         | character varying(10)        | 'abc'
            text                         | character varying            | 'abc'
            character(5)                 | character(10)                | 'abc'
            character(10)                | character varying(10)        | 'abc'
            numeric(10,2)                | numeric(12,2)                | 1.5
            numeric(12,2)                | numeric(12,3)                | 1.5
            numeric(10,2)                | numeric                      | 1.5
            numeric                      | numeric(10,2)                | 1.5
            timestamp(3) without time zone | timestamp(6) without time zone | '2026-01-01 10:00'
            timestamp(6) without time zone | timestamp(2) without time zone | '2026-01-01 10:00'
            time(3) without time zone    | time(6) without time zone    | '10:00'
            interval(2)                  | interval(4)                  | '1 day'
            integer                      | bigint                       | 1
            bigint                       | integer                      | 1
            smallint                     | integer                      | 1
            real                         | double precision             | 1.5
            integer                      | text                         | 1
            text                         | integer                      | '1'
            cidr                         | inet                         | '10.0.0.0/8'
            bit varying(4)               | bit varying(8)               | B'1'
            json                         | jsonb                        | '{}'
            boolean                      | integer                      | true
            """)
    void typeChangesAreTableRewritesExactlyWhenPostgresRewritesTheTable(String from, String to, String value)
            throws SQLException {
        Schema current = this.database.build("rewrite", "CREATE TABLE t (c " + from + ")",
                "INSERT INTO t VALUES (" + value + ")");
        Schema desired = this.database.build("rewrite_target", "CREATE TABLE t (c " + to + ")");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        String before = relfilenode("rewrite");
        this.database.apply("rewrite", plan);
        boolean rewritten = !relfilenode("rewrite").equals(before);
        assertThat(plan.hazardKinds().contains(HazardKind.TABLE_REWRITE)).as("%s", plan).isEqualTo(rewritten);
    }

    private String relfilenode(String schema) throws SQLException {
        return this.database
            .rows(schema, "SELECT relfilenode FROM pg_class WHERE oid = 't'::regclass")
            .get(0)
            .get(0);
    }

    @ParameterizedTest(name = "{0} to {1} fails on {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            character varying(10) | character varying(3) | 'abcdef'
            text                  | character varying(2) | 'abc'
            bigint                | integer              | 3000000000
            integer               | smallint             | 40000
            text                  | integer              | 'forty-two'
            text                  | boolean              | 'maybe'
            numeric(10,2)         | numeric(3,2)         | 123.45
            """)
    void conversionsThatCanFailSaySoAndFailOnValuesThatDoNotFit(String from, String to, String value)
            throws SQLException {
        Schema current = this.database.build("narrow", "CREATE TABLE t (c " + from + ")",
                "INSERT INTO t VALUES (" + value + ")");
        Schema desired = this.database.build("narrow_target", "CREATE TABLE t (c " + to + ")");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.hazardKinds()).contains(HazardKind.MAY_FAIL_ON_DATA);
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> this.database.apply("narrow", plan));
        assertThat(this.database.inspect("narrow")).as("nothing changed").isEqualTo(current);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            smallint              | bigint
            integer               | bigint
            integer               | numeric
            character varying(10) | text
            character varying(10) | character varying(20)
            numeric(10,2)         | numeric(14,2)
            real                  | double precision
            """)
    void wideningConversionsCarryNoDataHazard(String from, String to) throws SQLException {
        Schema current = this.database.build("widen", "CREATE TABLE t (c " + from + ")");
        Schema desired = this.database.build("widen_target", "CREATE TABLE t (c " + to + ")");
        assertThat(SchemaDiff.between(current, desired).hazardKinds()).doesNotContain(HazardKind.MAY_FAIL_ON_DATA,
                HazardKind.DATA_LOSS);
    }

    @Test
    void conversionsThatRoundValuesAreDataLoss() throws SQLException {
        Schema current = this.database.build("lossy", "CREATE TABLE t (amount numeric(10,2), at timestamp)",
                "INSERT INTO t VALUES (1.75, '2026-03-01 17:45')");
        Schema desired = this.database.build("lossy_target", "CREATE TABLE t (amount integer, at date)");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.hazards()).filteredOn((hazard) -> hazard.kind() == HazardKind.DATA_LOSS).hasSize(2);
        this.database.apply("lossy", plan);
        assertThat(this.database.rows("lossy", "SELECT amount, at FROM t")).containsExactly(List.of("2", "2026-03-01"));
    }

    @Test
    void droppingTablesAndColumnsIsDataLossThatSuggestsARenameHintWhenSomethingIsAdded() throws SQLException {
        Schema current = this.database.build("drops", "CREATE TABLE ride (id integer, dist integer)",
                "CREATE TABLE gone (id integer)");
        Schema desired = this.database.build("drops_target", "CREATE TABLE ride (id integer, distance integer)",
                "CREATE TABLE trip (id integer)");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.hazards()).filteredOn((hazard) -> hazard.kind() == HazardKind.DATA_LOSS)
            .extracting((hazard) -> hazard.object().toString())
            .containsExactlyInAnyOrder("column ride.dist", "table gone");
        assertThat(plan.hazards()).allSatisfy((hazard) -> assertThat(hazard.reason()).contains("rename hint"));
    }

    @Test
    void aChangeThatWouldBreakAViewIsAHazardAndTheViewIsNeverDropped() throws SQLException {
        Schema current = this.database.build("view", "CREATE TABLE ride (id integer, dist integer, note text)",
                "CREATE VIEW long_rides AS SELECT id, dist FROM ride WHERE dist > 100");
        Schema desired = this.database.build("view_target", "CREATE TABLE ride (id integer, note text)",
                "CREATE VIEW long_rides AS SELECT id, 0 AS dist FROM ride");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.hazards()).filteredOn((hazard) -> hazard.kind() == HazardKind.BREAKS_UNMANAGED)
            .singleElement()
            .satisfies((hazard) -> {
                assertThat(hazard.object().toString()).isEqualTo("column ride.dist");
                assertThat(hazard.reason()).contains("view long_rides");
            });
        assertThat(plan.statements()).noneMatch((sql) -> sql.contains("CASCADE") || sql.contains("long_rides"));
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> this.database.apply("view", plan))
            .withMessageContaining("long_rides");
        assertThat(this.database.inspect("view")).isEqualTo(current);
    }

    @Test
    void droppingATableSaysWhichTriggersGoWithItAndLeavesTheirFunction() throws SQLException {
        String function = "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$";
        Schema current = this.database.build("trigger", function, "CREATE TABLE ride (id integer)",
                "CREATE TRIGGER ride_touch BEFORE INSERT ON ride FOR EACH ROW EXECUTE FUNCTION touch()");
        Schema desired = this.database.build("trigger_target", function);
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.hazards()).filteredOn((hazard) -> hazard.kind() == HazardKind.BREAKS_UNMANAGED)
            .extracting(Hazard::reason)
            .containsExactly("dropping the table drops trigger ride_touch on ride with it");
        this.database.apply("trigger", plan);
        assertThat(this.database.inspect("trigger")).isEqualTo(desired);
    }

    @Test
    void removingAnEnumLabelThatRowsHoldStopsWithAnErrorNamingThemAndChangesNothing() throws SQLException {
        Schema current = this.database.build("labels", "CREATE TYPE ride_type AS ENUM ('ROAD', 'GRAVEL', 'MTB')",
                "CREATE TABLE ride (id integer, type ride_type DEFAULT 'ROAD', kinds ride_type[])",
                "INSERT INTO ride VALUES (1, 'ROAD', '{GRAVEL}'), (2, 'ROAD', '{ROAD,MTB}')");
        Schema desired = this.database.build("labels_target", "CREATE TYPE ride_type AS ENUM ('ROAD', 'GRAVEL')",
                "CREATE TABLE ride (id integer, type ride_type DEFAULT 'ROAD', kinds ride_type[])");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.hazards()).filteredOn((hazard) -> hazard.kind() == HazardKind.DATA_LOSS)
            .singleElement()
            .satisfies((hazard) -> assertThat(hazard.reason()).contains("'MTB'"));
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> this.database.apply("labels", plan))
            .withMessageContaining("Column ride.kinds holds MTB that enum type ride_type will no longer have");
        assertThat(this.database.inspect("labels")).isEqualTo(current);
        this.database.execute("labels", "UPDATE ride SET kinds = '{ROAD}' WHERE id = 2");
        this.database.apply("labels", plan);
        assertThat(this.database.inspect("labels")).isEqualTo(desired);
    }

    @Test
    void aNotNullColumnWithoutDefaultOnATableWithRowsSaysItMayFail() throws SQLException {
        Schema current = this.database.build("not_null", "CREATE TABLE t (id integer)", "INSERT INTO t VALUES (1)");
        Schema desired = this.database.build("not_null_target",
                "CREATE TABLE t (id integer NOT NULL, name text NOT NULL, flag boolean NOT NULL DEFAULT false)");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.hazards()).extracting((hazard) -> hazard.kind() + " " + hazard.object())
            .containsExactlyInAnyOrder("LONG_LOCK column t.id", "MAY_FAIL_ON_DATA column t.id",
                    "MAY_FAIL_ON_DATA column t.name");
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> this.database.apply("not_null", plan))
            .withMessageContaining("name");
    }

    @Test
    void narrowerSequenceLimitsSayTheNextValueMayMoveAndApplyWhereverTheSequencesStand() throws SQLException {
        Schema current = this.database.build("limits", "CREATE SEQUENCE up_seq", "CREATE SEQUENCE down_seq INCREMENT BY -1",
                "CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY, note text)", "SELECT setval('up_seq', 500)");
        Schema desired = this.database.build("limits_target",
                "CREATE SEQUENCE up_seq MINVALUE 100 MAXVALUE 200 START WITH 100",
                "CREATE SEQUENCE down_seq INCREMENT BY -1 MAXVALUE -100 START WITH -100",
                "CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY (MINVALUE 100 START WITH 100), note text)");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.hazards()).extracting((hazard) -> hazard.kind() + " " + hazard.object())
            .containsExactlyInAnyOrder("DATA_LOSS sequence up_seq", "DATA_LOSS sequence down_seq", "DATA_LOSS column t.id");
        assertThat(plan.hazards()).allSatisfy((hazard) -> assertThat(hazard.reason()).startsWith("the next value may move"));
        assertThat(plan.hazards()).filteredOn((hazard) -> hazard.object().name().equals("up_seq"))
            .singleElement()
            .satisfies((hazard) -> assertThat(hazard.reason()).contains("restarts at 100")
                .contains("above MAXVALUE 200 is set to 200 as given out, so the next value fails"));
        this.database.apply("limits", plan);
        assertThat(this.database.inspect("limits")).isEqualTo(desired);
        assertThatExceptionOfType(SQLException.class)
            .isThrownBy(() -> this.database.rows("limits", "SELECT nextval('up_seq')"))
            .withMessageContaining("reached maximum value");
        assertThat(this.database.rows("limits", "SELECT nextval('down_seq')")).containsExactly(List.of("-100"));
        assertThat(this.database.rows("limits", "INSERT INTO t (note) VALUES ('a') RETURNING id"))
            .containsExactly(List.of("100"));
    }

    @Test
    void aVolatileDefaultIsATableRewriteAndAStableOneIsNot() throws SQLException {
        Schema current = this.database.build("volatile", "CREATE TABLE t (id integer)", "INSERT INTO t VALUES (1)");
        Schema stable = this.database.build("volatile_stable", "CREATE TABLE t (id integer, at timestamptz DEFAULT now())");
        Schema volatileDefault = this.database.build("volatile_uuid",
                "CREATE TABLE t (id integer, token uuid DEFAULT gen_random_uuid())");
        MigrationPlan stablePlan = SchemaDiff.between(current, stable);
        MigrationPlan volatilePlan = SchemaDiff.between(current, volatileDefault);
        assertThat(stablePlan.hazardKinds()).doesNotContain(HazardKind.TABLE_REWRITE);
        assertThat(volatilePlan.hazardKinds()).contains(HazardKind.TABLE_REWRITE);
        String before = relfilenode("volatile");
        this.database.apply("volatile", stablePlan);
        assertThat(relfilenode("volatile")).isEqualTo(before);
        this.database.apply("volatile", stablePlan.reverse());
        this.database.apply("volatile", volatilePlan);
        assertThat(relfilenode("volatile")).isNotEqualTo(before);
    }

    @Test
    void newConstraintsAndIndexesOnExistingTablesHoldLongLocksButOnNewTablesNot() throws SQLException {
        Schema current = this.database.build("locks", "CREATE TABLE rider (id integer PRIMARY KEY)",
                "CREATE TABLE ride (rider_id integer, d integer)");
        Schema desired = this.database.build("locks_target", "CREATE TABLE rider (id integer PRIMARY KEY)",
                "CREATE TABLE ride (rider_id integer REFERENCES rider (id), d integer CHECK (d > 0))",
                "CREATE INDEX ride_d_idx ON ride (d)",
                "CREATE TABLE stop (ride_id integer REFERENCES rider (id), d integer CHECK (d > 0))",
                "CREATE INDEX stop_d_idx ON stop (d)");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.hazards()).filteredOn((hazard) -> hazard.kind() == HazardKind.LONG_LOCK)
            .extracting((hazard) -> hazard.object().table())
            .containsOnly("ride")
            .hasSize(3);
        MigrationPlan online = SchemaDiff.between(current, desired, DiffOptions.defaults().withOnlineSafe(true));
        assertThat(online.hazardKinds()).doesNotContain(HazardKind.LONG_LOCK);
    }

}
