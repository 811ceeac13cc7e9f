package dev.belay.diff;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A type change converts values with PostgreSQL's assignment cast when there is one, an
 * explicit cast when there is one, and through text when there is none: each kind runs on a
 * row and gives the value PostgreSQL's own conversion would.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypeConversionTests {

    private DiffDatabase database;

    @BeforeAll
    void connect(TestDatabase database) {
        this.database = new DiffDatabase(database);
    }

    @ParameterizedTest(name = "{0} {2} to {1} with {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            integer        | bigint         | 42                 |                          | 42
            text           | integer        | '42'               | c::integer               | 42
            integer        | date           | 20260321           | c::text::date            | 2026-03-21
            boolean        | integer        | true               | c::integer               | 1
            integer        | boolean        | 0                  | c::boolean               | f
            jsonb          | integer        | '7'                | c::integer               | 7
            mood           | integer        | '3'                | c::text::integer         | 3
            text           | mood           | 'happy'            | c::mood                  | happy
            mood           | other_mood     | 'happy'            | c::text::other_mood      | happy
            text[]         | integer[]      | '{1,2}'            | c::integer[]             | {1,2}
            text           | integer[]      | '{1,2}'            | c::integer[]             | {1,2}
            integer[]      | text           | '{1,2}'            |                          | {1,2}
            mood[]         | text[]         | '{happy}'          |                          | {happy}
            uuid           | text           | '00000000-0000-0000-0000-000000000001' |  | 00000000-0000-0000-0000-000000000001
            """)
    void convertsValuesWithTheCastPostgresHasOrThroughText(String from, String to, String value, String using,
            String converted) throws SQLException {
        String[] types = { "CREATE TYPE mood AS ENUM ('happy', '3')", "CREATE TYPE other_mood AS ENUM ('happy')" };
        Schema current = this.database.build("conversion", types[0], types[1], "CREATE TABLE t (c " + from + ")",
                "INSERT INTO t VALUES (" + value + ")");
        Schema desired = this.database.build("conversion_target", types[0], types[1], "CREATE TABLE t (c " + to + ")");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.changes()).singleElement()
            .isInstanceOfSatisfying(Change.AlterColumnType.class, (change) -> assertThat(change.using()).isEqualTo(using));
        this.database.apply("conversion", plan);
        assertThat(this.database.rows("conversion", "SELECT c FROM t")).containsExactly(List.of(converted));
    }

    @ParameterizedTest(name = "{0} to {1} with {2}")
    @CsvSource(delimiter = '|', textBlock = """
            integer        | text[]         | c::text::text[]
            integer[]      | integer        | c::text::integer
            bigint[]       | bigint         | c::text::bigint
            mood           | mood[]         | c::text::mood[]
            mood[]         | mood           | c::text::mood
            """)
    void changesBetweenAnArrayAndAScalarConvertNullsAndSayTheyMayFailOnData(String from, String to, String using)
            throws SQLException {
        String type = "CREATE TYPE mood AS ENUM ('happy')";
        Schema current = this.database.build("array_scalar", type, "CREATE TABLE t (c " + from + ")",
                "INSERT INTO t VALUES (NULL)");
        Schema desired = this.database.build("array_scalar_target", type, "CREATE TABLE t (c " + to + ")");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.changes()).singleElement()
            .isInstanceOfSatisfying(Change.AlterColumnType.class, (change) -> assertThat(change.using()).isEqualTo(using));
        assertThat(plan.hazardKinds()).contains(HazardKind.MAY_FAIL_ON_DATA);
        this.database.apply("array_scalar", plan);
        assertThat(this.database.inspect("array_scalar")).isEqualTo(desired);
        assertThat(this.database.rows("array_scalar", "SELECT c IS NULL FROM t")).containsExactly(List.of("t"));
    }

}
