package dev.belay.runner;

import java.time.Duration;

import dev.belay.schema.SequenceOptions;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision that narrows a sequence's limits applies on databases whose sequences stand inside
 * and outside them, and the log of each says what became of the next value.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class SequenceLimitsLogTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    SequenceLimitsLogTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void theSameRevisionMovesASequenceOutsideTheNewLimitsAndKeepsOneInsideAndLogsWhich(CapturedOutput output) {
        MigrationRunner runner = runner("fresh");
        MigrationRunner used = runner("used");
        runner.apply("ticket");
        used.apply("ticket");
        this.jdbc.queryForObject("SELECT setval('" + this.schema + "_used.ticket_seq', 500)", Long.class);

        runner.apply();
        used.apply();

        assertThat(nextValue("fresh")).isEqualTo(100);
        assertThat(nextValue("used")).isEqualTo(501);
        assertThat(output).contains("raise_minimum").contains("sequence ticket_seq stood at 1, outside MINVALUE 100; it restarts at 100: the next value is 100")
            .doesNotContain("stood at 500");
    }

    private long nextValue(String suffix) {
        return this.jdbc.queryForObject("SELECT nextval('" + this.schema + "_" + suffix + ".ticket_seq')", Long.class);
    }

    private MigrationRunner runner(String suffix) {
        SequenceOptions raised = SequenceOptions.defaults("bigint").withMinValue(100).withStart(100);
        return new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(this.schema + "_" + suffix, "belay_history", Duration.ofSeconds(10),
                        Duration.ofSeconds(10)),
                TestRevisions.chain()
                    .add("ticket", null,
                            (m) -> m.actions().createSequence("ticket_seq", SequenceOptions.defaults("bigint")),
                            (m) -> m.actions().dropSequence("ticket_seq"))
                    .add("raise_minimum", "ticket", (m) -> m.actions().alterSequence("ticket_seq", raised),
                            (m) -> m.actions().alterSequence("ticket_seq", SequenceOptions.defaults("bigint")))
                    .build());
    }

}
