package dev.belay.actions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.belay.schema.Identity;
import dev.belay.schema.SequenceOptions;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * New limits for a sequence (or an identity's) apply whatever value it stands at: a value inside
 * them is kept, a value before them restarts at the limit, a value past them leaves the sequence
 * used up (or cycling), and a notice says which.
 */
@PostgresTest
class SequenceLimitsTests {

    /** What one {@code alterSequence} or {@code alterIdentity} did: the next value, or its error, and the notices. */
    private record Outcome(String next, List<String> notices) {
    }

    @ParameterizedTest(name = "{0} {1} at {2} (called: {3}) -> {4}: next {5}")
    @CsvSource(delimiter = '|', textBlock = """
            bigint  |  1 | 1           | false | MINVALUE 100 START WITH 100                 | 100        | stood at 1, outside MINVALUE 100; it restarts at 100: the next value is 100
            bigint  |  1 | 99          | true  | MINVALUE 100 START WITH 100                 | 100        | stood at 99, outside MINVALUE 100
            bigint  |  1 | 100         | false | MINVALUE 100 START WITH 100                 | 100        |
            bigint  |  1 | 500         | true  | MINVALUE 100 START WITH 100                 | 501        |
            bigint  |  1 | 500         | true  | MAXVALUE 200                                | error      | stood at 500, outside MAXVALUE 200; it is set to 200 as given out: it is used up, the next value fails (NO CYCLE)
            bigint  |  1 | 500         | true  | MAXVALUE 200 CYCLE                          | 1          | stood at 500, outside MAXVALUE 200; it is set to 200 as given out: the next value is 1 (CYCLE)
            bigint  |  1 | 150         | true  | MAXVALUE 200                                | 151        |
            bigint  | -1 | -1          | false | MAXVALUE -100 START WITH -100               | -100       | stood at -1, outside MAXVALUE -100; it restarts at -100: the next value is -100
            bigint  | -1 | -500        | true  | MAXVALUE -100 START WITH -100               | -501       |
            bigint  | -1 | -500        | true  | MINVALUE -200 MAXVALUE -1                   | error      | stood at -500, outside MINVALUE -200
            bigint  | -1 | -500        | true  | MINVALUE -200 MAXVALUE -1 CYCLE             | -1         | stood at -500, outside MINVALUE -200
            bigint  |  1 | 3000000000  | true  | AS integer MAXVALUE 2147483647              | error      | stood at 3000000000, outside MAXVALUE 2147483647
            integer |  1 | 7           | true  | AS bigint MAXVALUE 9223372036854775807      | 8          |
            bigint  |  1 | 500         | true  | MINVALUE -9223372036854775808 CYCLE         | 501        |
            """)
    void newLimitsApplyWhateverValueTheSequenceStandsAt(String type, long increment, long value, boolean called,
            String change, String next, String notice, TestDatabase database) throws SQLException {
        SequenceOptions before = (increment > 0) ? SequenceOptions.defaults(type)
                : SequenceOptions.defaults(type).withIncrement(-1).withMinValue(minimum(type)).withMaxValue(-1).withStart(-1);
        SequenceOptions after = changed(before, change);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            String schema = "seq_" + Math.abs((long) ("" + type + increment + value + called + change).hashCode());
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path = " + schema);
            statement.execute("CREATE SEQUENCE \"Tick's seq\" " + before.sql());
            statement.execute("SELECT setval('\"Tick''s seq\"', " + value + ", " + called + ")");
            Outcome outcome = run(statement, (actions) -> actions.alterSequence("Tick's seq", after),
                    "SELECT nextval('\"Tick''s seq\"')");
            assertThat(outcome.next()).isEqualTo(next);
            if (notice == null) {
                assertThat(outcome.notices()).isEmpty();
            }
            else {
                assertThat(outcome.notices()).singleElement().asString().startsWith("sequence Tick's seq " + notice);
            }
        }
    }

    @ParameterizedTest(name = "identity {0} at {1} (called: {2}) -> {3}: next {4}")
    @CsvSource(delimiter = '|', textBlock = """
             1 | 1    | false | MINVALUE 100 START WITH 100           | 100  | stood at 1, outside MINVALUE 100; it restarts at 100: the next value is 100
             1 | 500  | true  | MINVALUE 100 START WITH 100           | 501  |
             1 | 500  | true  | MAXVALUE 200                          | error | stood at 500, outside MAXVALUE 200
            -1 | -1   | false | MAXVALUE -100 START WITH -100         | -100 | stood at -1, outside MAXVALUE -100; it restarts at -100
            -1 | -500 | true  | MAXVALUE -100 START WITH -100         | -501 |
            """)
    void newIdentityLimitsApplyWhateverValueItsSequenceStandsAt(long increment, long value, boolean called,
            String change, String next, String notice, TestDatabase database) throws SQLException {
        SequenceOptions before = (increment > 0) ? SequenceOptions.defaults("integer")
                : SequenceOptions.defaults("integer").withIncrement(-1).withMinValue(Integer.MIN_VALUE).withMaxValue(-1)
                    .withStart(-1);
        SequenceOptions after = changed(before, change);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            String schema = "identity_" + Math.abs((long) ("" + increment + value + called + change).hashCode());
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path = " + schema);
            statement.execute("CREATE TABLE \"Ride\" (id integer GENERATED BY DEFAULT AS IDENTITY ("
                    + before.sql().replaceFirst("AS integer ", "") + "), note text)");
            statement.execute("SELECT setval(pg_get_serial_sequence('\"Ride\"', 'id'), " + value + ", " + called + ")");
            Outcome outcome = run(statement,
                    (actions) -> actions.alterIdentity("Ride", "id", new Identity(Identity.Generation.ALWAYS, after)),
                    "INSERT INTO \"Ride\" (note) VALUES ('x') RETURNING id");
            assertThat(outcome.next()).isEqualTo(next);
            if (notice == null) {
                assertThat(outcome.notices()).isEmpty();
            }
            else {
                assertThat(outcome.notices()).singleElement()
                    .asString()
                    .startsWith("sequence of identity column Ride.id " + notice);
            }
        }
    }

    @Test
    void aRecordedChangeIsOneStatementThatRunsOnEveryDatabaseAndPlainWhenNoValueCanLieOutside() {
        RecordingStatementSink sink = new RecordingStatementSink();
        new DatabaseActions(sink).alterSequence("ticket_seq", SequenceOptions.defaults("bigint").withMinValue(100));
        assertThat(sink.statements()).singleElement().satisfies((statement) -> {
            assertThat(statement.sql()).startsWith("DO $belay$ ").contains("ALTER SEQUENCE ticket_seq AS bigint");
            assertThat(statement.mode()).isEqualTo(TransactionMode.IN_TRANSACTION);
        });
        sink.clear();
        new DatabaseActions(sink).alterSequence("ticket_seq",
                SequenceOptions.defaults("bigint").withMinValue(Long.MIN_VALUE).withCycle(true));
        assertThat(sink.statements()).as("no value lies outside bigint's range").singleElement()
            .satisfies((statement) -> assertThat(statement.sql()).startsWith("ALTER SEQUENCE ticket_seq AS bigint"));
    }

    @Test
    void aChangeThatFailsLeavesTheSequenceAsItWas(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA seq_start_outside");
            statement.execute("SET search_path = seq_start_outside");
            statement.execute("CREATE SEQUENCE s");
            statement.execute("SELECT setval('s', 5)");
            DatabaseActions actions = new DatabaseActions((sql) -> execute(statement, sql.sql()));
            // START WITH must lie inside the limits: PostgreSQL says so, and nothing moves.
            assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> actions.alterSequence("s", SequenceOptions.defaults("bigint").withMinValue(100)))
                .withMessageContaining("START value (1) cannot be less than MINVALUE (100)");
            assertThat(value(statement, "SELECT nextval('s')")).isEqualTo("6");
        }
    }

    private static Outcome run(Statement statement, Consumer<DatabaseActions> change, String next)
            throws SQLException {
        List<String> notices = new ArrayList<>();
        DatabaseActions actions = new DatabaseActions((sql) -> {
            execute(statement, sql.sql());
            try {
                for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                    notices.add(warning.getMessage());
                }
            }
            catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        });
        change.accept(actions);
        try {
            return new Outcome(value(statement, next), notices);
        }
        catch (SQLException ex) {
            assertThat(ex.getMessage()).contains("reached m");
            return new Outcome("error", notices);
        }
    }

    private static void execute(Statement statement, String sql) {
        try {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex.getMessage() + " in " + sql, ex);
        }
    }

    private static String value(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    private static long minimum(String type) {
        return switch (type) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    /** The options with the changes a case names, e.g. {@code MINVALUE 100 START WITH 100}. */
    private static SequenceOptions changed(SequenceOptions options, String change) {
        SequenceOptions changed = options;
        String[] words = change.split(" ");
        for (int i = 0; i < words.length; i++) {
            switch (words[i]) {
                case "AS" -> changed = new SequenceOptions(words[++i], changed.start(), changed.increment(),
                        changed.minValue(), changed.maxValue(), changed.cache(), changed.cycle());
                case "MINVALUE" -> changed = changed.withMinValue(Long.parseLong(words[++i]));
                case "MAXVALUE" -> changed = changed.withMaxValue(Long.parseLong(words[++i]));
                case "START" -> changed = changed.withStart(Long.parseLong(words[i += 2]));
                case "CYCLE" -> changed = changed.withCycle(true);
                default -> throw new IllegalArgumentException(words[i]);
            }
        }
        return changed;
    }

}
