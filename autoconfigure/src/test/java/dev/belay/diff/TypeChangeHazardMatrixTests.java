package dev.belay.diff;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.belay.actions.SqlStatement;
import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hazards of a column's type change are facts of the server the plan is made for, pair by
 * pair. For each pair a table with an index on the column and rows that fit is changed by the
 * plan's own {@code ALTER ... TYPE ... USING}, and the server shows what happened: whether the
 * table was rewritten ({@code pg_class.relfilenode} of the table changed), whether its index was
 * rebuilt (that of the index changed), and, with a row that does not fit added, whether the change
 * fails. Every {@code TABLE_REWRITE} and {@code MAY_FAIL_ON_DATA} the plan claims must happen, and
 * every rewrite, rebuild and failure that happens must be claimed. A pair given no failing value
 * is one that no value can make fail (the plan must not claim it can); with one given, often at
 * the edge of a type's range, the change must fail on it exactly when the plan says it may
 * (rounding a timestamp next to the end of its range, for one, does not fail). The session's time zone is not
 * UTC (where PostgreSQL skips some rewrites, which the plan says separately).
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypeChangeHazardMatrixTests {

    private static final String[] TYPES = { "CREATE TYPE mood AS ENUM ('happy', 'sad')",
            "CREATE TYPE other_mood AS ENUM ('happy')" };

    private DiffDatabase database;

    @BeforeAll
    void connect(TestDatabase database) {
        this.database = new DiffDatabase(database);
    }

    /**
     * @param from the column's type
     * @param to the type it changes to
     * @param fits a value that converts
     * @param fails a value whose conversion fails, empty when no value can fail
     */
    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            smallint                       | integer                        | 7                     |
            smallint                       | bigint                         | 7                     |
            integer                        | bigint                         | 7                     |
            integer                        | smallint                       | 7                     | 40000
            bigint                         | integer                        | 7                     | 3000000000
            bigint                         | smallint                       | 7                     | 40000
            integer                        | numeric                        | 7                     |
            integer                        | numeric(5,0)                   | 7                     | 123456
            integer                        | real                           | 7                     |
            bigint                         | double precision               | 7                     |
            integer                        | double precision               | 7                     |
            real                           | double precision               | 1.5                   |
            double precision               | real                           | 1.5                   | 1e300
            double precision               | numeric                        | 1.5                   |
            numeric                        | double precision               | 1.5                   | 1e400
            numeric                        | integer                        | 1.5                   | 1e12
            numeric(10,2)                  | numeric(12,2)                  | 1.5                   |
            numeric(12,2)                  | numeric(10,2)                  | 1.5                   | 1234567890.12
            numeric(10,2)                  | numeric(12,4)                  | 1.5                   |
            numeric(10,2)                  | numeric(10,4)                  | 1.5                   | 12345678.12
            numeric(10,4)                  | numeric(10,2)                  | 1.5                   |
            numeric(10,2)                  | numeric                        | 1.5                   |
            numeric(10,4)                  | numeric(8,2)                   | 1.5                   | 999999.9999
            real                           | numeric                        | 1.5                   |
            numeric                        | real                           | 1.5                   | 1e100
            numeric                        | numeric(10,2)                  | 1.5                   | 1e20
            character varying(10)          | character varying(20)          | 'abc'                 |
            character varying(20)          | character varying(5)           | 'abc'                 | 'abcdefgh'
            character varying(10)          | text                           | 'abc'                 |
            character varying(10)          | character varying              | 'abc'                 |
            character varying              | character varying(10)          | 'abc'                 | 'abcdefghijkl'
            text                           | character varying              | 'abc'                 |
            text                           | character varying(10)          | 'abc'                 | 'abcdefghijkl'
            character(5)                   | character(10)                  | 'abc'                 |
            character(10)                  | character(5)                   | 'abc'                 | 'abcdefgh'
            character(10)                  | character varying(10)          | 'abc'                 |
            character(10)                  | text                           | 'abc'                 |
            character varying(10)          | character(10)                  | 'abc'                 |
            text                           | character(5)                   | 'abc'                 | 'abcdefgh'
            timestamp without time zone    | timestamp(6) without time zone | '2026-01-01 10:00'    |
            timestamp(6) without time zone | timestamp without time zone    | '2026-01-01 10:00'    |
            timestamp(3) without time zone | timestamp without time zone    | '2026-01-01 10:00'    |
            timestamp(3) without time zone | timestamp(6) without time zone | '2026-01-01 10:00'    |
            timestamp(3) without time zone | timestamp(5) without time zone | '2026-01-01 10:00'    |
            timestamp without time zone    | timestamp(3) without time zone | '2026-01-01 10:00'    | '294276-12-31 23:59:59.9999'
            timestamp(6) without time zone | timestamp(0) without time zone | '2026-01-01 10:00'    | '294276-12-31 23:59:59.9'
            timestamp with time zone       | timestamp(6) with time zone    | '2026-01-01 10:00'    |
            timestamp(2) with time zone    | timestamp with time zone       | '2026-01-01 10:00'    |
            timestamp with time zone       | timestamp(2) with time zone    | '2026-01-01 10:00'    | '294276-12-31 23:59:59.999+00'
            timestamp without time zone    | timestamp with time zone       | '2026-01-01 10:00'    | '294276-12-31 23:00'
            timestamp with time zone       | timestamp without time zone    | '2026-01-01 10:00'    | '4714-11-24 00:00+00 BC'
            timestamp(3) without time zone | timestamp with time zone       | '2026-01-01 10:00'    | '294276-12-31 23:00'
            timestamp(3) with time zone    | timestamp(3) without time zone | '2026-01-01 10:00'    | '4714-11-24 00:00+00 BC'
            date                           | timestamp without time zone    | '2026-01-01'          | '5000000-01-01'
            date                           | timestamp with time zone       | '2026-01-01'          | '5000000-01-01'
            timestamp without time zone    | date                           | '2026-01-01 10:00'    |
            time without time zone         | time(6) without time zone      | '10:00'               |
            time(3) without time zone      | time(6) without time zone      | '10:00'               |
            time(6) without time zone      | time(2) without time zone      | '10:00'               |
            time without time zone         | time with time zone            | '10:00'               |
            time with time zone            | time without time zone         | '10:00+02'            |
            time without time zone         | interval                       | '10:00'               |
            interval                       | time without time zone         | '10:00'               |
            interval                       | interval(6)                    | '1 day'               |
            interval(2)                    | interval(4)                    | '1 day'               |
            interval(4)                    | interval(2)                    | '1 day'               |
            interval(4)                    | interval                       | '1 day'               |
            bytea                          | text                           | '\\x41'               |
            text                           | bytea                          | 'abc'                 | '\\x4'
            uuid                           | text                           | gen_random_uuid()     |
            text                           | uuid                           | gen_random_uuid()     | 'nope'
            uuid                           | character varying(10)          | NULL                  | gen_random_uuid()
            json                           | jsonb                          | '{"a": 1}'            | '"\\u0000"'
            jsonb                          | json                           | '{"a": 1}'            |
            jsonb                          | text                           | '{"a": 1}'            |
            text                           | jsonb                          | '{"a": 1}'            | 'nope'
            integer[]                      | bigint[]                       | '{1,2}'               |
            bigint[]                       | integer[]                      | '{1,2}'               | '{3000000000}'
            character varying(5)[]         | character varying(10)[]        | '{ab}'                |
            character varying(10)[]        | character varying(5)[]         | '{ab}'                | '{abcdefgh}'
            character varying(10)[]        | text[]                         | '{ab}'                |
            text[]                         | character varying[]            | '{ab}'                |
            character varying(5)[]         | character varying[]            | '{ab}'                |
            text[]                         | text                           | '{ab}'                |
            integer[]                      | text                           | '{1}'                 |
            text                           | text[]                         | '{ab}'                | 'ab'
            mood                           | text                           | 'happy'               |
            text                           | mood                           | 'happy'               | 'grumpy'
            mood                           | other_mood                     | 'happy'               | 'sad'
            mood[]                         | text[]                         | '{happy}'             |
            mood                           | character varying(3)           | NULL                  | 'happy'
            bit(4)                         | bit(8)                         | NULL                  | B'1010'
            bit(4)                         | bit varying(8)                 | B'1010'               |
            bit(4)                         | bit varying                    | B'1010'               |
            bit varying(4)                 | bit varying(8)                 | B'1010'               |
            bit varying(8)                 | bit varying(4)                 | B'1010'               | B'10101010'
            bit varying(8)                 | bit(4)                         | B'1010'               | B'10'
            boolean                        | integer                        | true                  |
            integer                        | boolean                        | 1                     |
            integer                        | text                           | 7                     |
            integer                        | character varying(3)           | 7                     | 12345
            text                           | integer                        | '7'                   | 'seven'
            integer                        | date                           | 20260101              | 7
            cidr                           | inet                           | '10.0.0.0/8'          |
            inet                           | cidr                           | '10.0.0.0/8'          | '10.0.0.1/8'
            macaddr                        | macaddr8                       | '08:00:2b:01:02:03'   |
            macaddr8                       | macaddr                        | '08:00:2b:ff:fe:01:02:03' | '08:00:2b:01:02:03:04:05'
            xml                            | text                           | '<a/>'                |
            text                           | xml                            | '<a/>'                | '<a'
            """)
    void hazardsAreWhatTheServerDoes(String from, String to, String fits, @Nullable String fails) throws SQLException {
        int major = this.database.majorVersion();
        String schema = "matrix";
        boolean indexed = indexable(from) && indexable(to);
        Schema desired = this.database.build(schema + "_target", ddl(to, indexed));
        Schema current = this.database.build(schema, ddl(from, indexed));
        MigrationPlan plan = SchemaDiff.between(current, desired, DiffOptions.defaults().withServerVersion(major));
        assertThat(plan.changes()).as("the plan").singleElement().isInstanceOf(Change.AlterColumnType.class);
        boolean claimsRewrite = plan.hazardKinds().contains(HazardKind.TABLE_REWRITE);
        boolean claimsFailure = plan.hazardKinds().contains(HazardKind.MAY_FAIL_ON_DATA);

        this.database.execute(schema, "INSERT INTO t VALUES (1, " + fits + "), (2, NULL)");
        String table = relfilenode(schema, "t");
        String index = indexed ? relfilenode(schema, "t_c_idx") : null;
        apply(schema, plan, "America/New_York");
        boolean rewritten = !relfilenode(schema, "t").equals(table);
        boolean rebuilt = indexed && !relfilenode(schema, "t_c_idx").equals(index);

        boolean failed = false;
        if (fails != null) {
            this.database.build(schema, ddl(from, indexed));
            this.database.execute(schema, "INSERT INTO t VALUES (1, " + fits + "), (2, NULL), (3, " + fails + ")");
            try {
                apply(schema, plan, "America/New_York");
            }
            catch (SQLException ex) {
                failed = true;
            }
        }

        SoftAssertions facts = new SoftAssertions();
        facts.assertThat(claimsRewrite).as("PostgreSQL %s rewrote the table: %s; the plan says\n%s", major, rewritten, plan)
            .isEqualTo(rewritten);
        boolean claimsRebuild = claimsRewrite || plan.hazards()
            .stream()
            .anyMatch((hazard) -> hazard.kind() == HazardKind.LONG_LOCK && hazard.reason().contains("t_c_idx"));
        facts.assertThat(claimsRebuild).as("PostgreSQL %s rebuilt the index: %s; the plan says\n%s", major, rebuilt, plan)
            .isEqualTo(rebuilt || (claimsRewrite && !indexed));
        facts.assertThat(claimsFailure)
            .as("PostgreSQL %s failed on %s: %s; the plan says\n%s", major, (fails != null) ? fails : "(none given)",
                    failed, plan)
            .isEqualTo(failed);
        facts.assertAll();
    }

    private static String[] ddl(String type, boolean indexed) {
        List<String> ddl = new ArrayList<>(List.of(TYPES));
        ddl.add("CREATE TABLE t (id integer, c " + type + ")");
        if (indexed) {
            ddl.add("CREATE INDEX t_c_idx ON t (c)");
        }
        return ddl.toArray(String[]::new);
    }

    /** Whether the type has a default btree operator class (json and xml have none). */
    private static boolean indexable(String type) {
        return !type.startsWith("json ") && !type.equals("json") && !type.equals("xml");
    }

    /**
     * In a session whose time zone is UTC, PostgreSQL changes between {@code timestamp} and
     * {@code timestamptz} of full precision without rewriting the table, building only its
     * indexes again (their operator class changes); the plan says so exactly for those changes.
     */
    @ParameterizedTest(name = "{0} to {1} in UTC")
    @CsvSource(delimiter = '|', textBlock = """
            timestamp without time zone    | timestamp with time zone
            timestamp with time zone       | timestamp without time zone
            timestamp(3) without time zone | timestamp(3) with time zone
            timestamp(3) with time zone    | timestamp(3) without time zone
            timestamp(3) without time zone | timestamp with time zone
            timestamp without time zone    | timestamp(6) with time zone
            timestamp with time zone       | timestamp(2) without time zone
            date                           | timestamp with time zone
            """)
    void rewritesSkippedInUtcAreTheOnesThePlanSaysAreSkippedThere(String from, String to) throws SQLException {
        int major = this.database.majorVersion();
        String schema = "matrix_utc";
        this.database.build(schema + "_target", ddl(to, true));
        Schema desired = this.database.inspect(schema + "_target");
        Schema current = this.database.build(schema, ddl(from, true));
        MigrationPlan plan = SchemaDiff.between(current, desired, DiffOptions.defaults().withServerVersion(major));
        this.database.execute(schema, "INSERT INTO t VALUES (1, '2026-01-01 10:00'), (2, NULL)");
        String table = relfilenode(schema, "t");
        String index = relfilenode(schema, "t_c_idx");
        apply(schema, plan, "UTC");
        boolean rewritten = !relfilenode(schema, "t").equals(table);
        boolean rebuilt = !relfilenode(schema, "t_c_idx").equals(index);
        String inUtc = "in a session whose time zone is UTC only the indexes are built again";
        boolean claimsRewrite = plan.hazards()
            .stream()
            .anyMatch((hazard) -> hazard.kind() == HazardKind.TABLE_REWRITE && !hazard.reason().contains(inUtc));
        boolean claimsRebuildOnly = plan.hazards()
            .stream()
            .anyMatch((hazard) -> hazard.kind() == HazardKind.TABLE_REWRITE && hazard.reason().contains(inUtc));
        assertThat(claimsRewrite).as("PostgreSQL %s rewrote the table in UTC: %s; the plan says\n%s", major, rewritten,
                plan).isEqualTo(rewritten);
        assertThat(claimsRebuildOnly).as("PostgreSQL %s rebuilt only the index in UTC: %s; the plan says\n%s", major,
                rebuilt && !rewritten, plan).isEqualTo(rebuilt && !rewritten);
        assertThat(plan.hazardKinds().contains(HazardKind.TABLE_REWRITE)).as("a rewrite outside UTC\n%s", plan).isTrue();
    }

    /** Runs the plan as a revision would, in one session with the given time zone. */
    private void apply(String schema, MigrationPlan plan, String timeZone) throws SQLException {
        try (Connection connection = this.database.database().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = " + schema);
            statement.execute("SET TimeZone = '" + timeZone + "'");
            for (SqlStatement each : plan.sqlStatements()) {
                statement.execute(each.sql());
            }
        }
    }

    private String relfilenode(String schema, String relation) throws SQLException {
        try (Connection connection = this.database.database().connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT relfilenode FROM pg_class WHERE oid = '" + schema
                        + "." + relation + "'::regclass")) {
            result.next();
            return result.getString(1);
        }
    }

}
