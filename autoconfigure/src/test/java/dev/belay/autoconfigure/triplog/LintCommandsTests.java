package dev.belay.autoconfigure.triplog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.belay.autoconfigure.triplint.IndexedTrips;
import dev.belay.autoconfigure.triplint.TripIndexes.IndexTripNames;
import dev.belay.autoconfigure.triplint.TripIndexes.IndexTripNamesReviewed;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code belay lint} as CI runs it: the pending revisions rehearsed, findings printed as text,
 * JSON or GitHub annotations, and the exit status non-zero on an error that is not suppressed.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class LintCommandsTests {

    private final TestDatabase database;

    private String schema;

    LintCommandsTests(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void aRevisionThatCreatesItsTablesPassesAndNothingIsLeftBehind(CapturedOutput output) {
        assertThat(run(List.of(), "belay", "lint")).isZero();

        assertThat(output).contains("1 revision linted: 0 errors, 0 warnings")
            .contains("20260101_000100_create_trips: no findings");
        assertThat(new JdbcTemplate(this.database.dataSource()).queryForObject(
                "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'belay_lint_%'", Integer.class)).isZero();
        assertThat(new JdbcTemplate(this.database.dataSource()).queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = ?", String.class, this.schema)).isEmpty();
    }

    @Test
    void aPlainIndexOnAnExistingTableFailsTheLintInEveryFormat(CapturedOutput output) {
        assertThat(run(List.of(), "belay", "apply")).isZero();

        assertThat(run(List.of(IndexTripNames.class), "belay", "lint")).isEqualTo(1);
        assertThat(output).contains("1 revision linted: 1 error")
            .contains("error index-not-concurrent on trip")
            .contains("CREATE INDEX trip_name_idx ON trip (name)")
            .contains("PostgreSQL: took ShareLock on trip")
            .contains("Fix: Build it with m.actions().createIndexConcurrently(...)");

        assertThat(run(List.of(IndexTripNames.class), "belay", "lint", "--format", "json")).isEqualTo(1);
        assertThat(output).contains("\"revision\":\"" + IndexTripNames.ID + "\",\"rule\":\"index-not-concurrent\","
                + "\"severity\":\"error\",\"table\":\"trip\",\"statement\":\"CREATE INDEX trip_name_idx ON trip (name)\"");

        assertThat(run(List.of(IndexTripNames.class), "belay", "lint", "--format", "github")).isEqualTo(1);
        assertThat(output).contains("::error file=")
            .contains("title=belay lint%3A index-not-concurrent in " + IndexTripNames.ID + "::");
    }

    @Test
    void everyStatementIsListedWithWhatPostgresqlDidForIt(CapturedOutput output) {
        assertThat(run(List.of(), "belay", "lint", "--statements")).isZero();
        assertThat(output).contains("CREATE TABLE trip (").contains("PostgreSQL: created table trip");

        assertThat(run(List.of(), "belay", "apply")).isZero();
        assertThat(run(List.of(IndexTripNamesReviewed.class), "belay", "lint", "--statements")).isZero();
        assertThat(output).contains("  CREATE INDEX trip_name_idx ON trip (name)\n"
                + "    PostgreSQL: took ShareLock on trip; scanned trip; built index trip_name_idx on trip");
    }

    @Test
    void aSuppressedFindingIsListedWithItsReasonAndFailsNothing(CapturedOutput output) {
        assertThat(run(List.of(), "belay", "apply")).isZero();

        assertThat(run(List.of(IndexTripNamesReviewed.class), "belay", "lint")).isZero();
        assertThat(output).contains("error index-not-concurrent on trip (suppressed: trips are few)")
            .contains("1 revision linted: 0 errors, 0 warnings, 1 suppressed");
    }

    @Test
    void anUnknownFormatOrRevisionIsRefused(CapturedOutput output) {
        assertThat(run(List.of(), "belay", "lint", "--format", "yaml")).isEqualTo(2);
        assertThat(output).contains("--format takes text, json or github, not 'yaml'.");
        assertThat(run(List.of(), "belay", "lint", "--revision", "nope")).isEqualTo(1);
        assertThat(output).contains("There is no revision 'nope' to lint.");
    }

    @Test
    void generateListsWhatLintWillFindInTheRevisionItWrites(CapturedOutput output, @TempDir Path sources) {
        assertThat(run(List.of(), "belay", "apply")).isZero();

        assertThat(ShellRun.run(this.database, this.schema, Map.of("belay.generate.directory", sources.toString()),
                List.of(IndexedTrips.class), "belay", "generate", "--message", "index trip names")).isZero();
        assertThat(output).contains("belay lint: 1 revision linted: 1 error, 0 warnings:")
            .contains("error index-not-concurrent on trip: The statement builds an index on an existing table")
            .contains("Rework them (`belay generate --online-safe` for locks");
    }

    @Test
    void anOnlineSafeRevisionGivesLintNothingToFind(CapturedOutput output, @TempDir Path sources) {
        assertThat(run(List.of(), "belay", "apply")).isZero();

        assertThat(ShellRun.run(this.database, this.schema, Map.of("belay.generate.directory", sources.toString()),
                List.of(IndexedTrips.class), "belay", "generate", "--online-safe", "--message", "index trip names"))
            .isZero();
        assertThat(output).contains("belay lint: no findings.").doesNotContain("index-not-concurrent");
    }

    @Test
    void expandContractAndContractAtOnceIsAUsageError(CapturedOutput output) {
        assertThat(run(List.of(), "belay", "generate", "--expand-contract", "--contract")).isEqualTo(2);
        assertThat(output).contains("Give --expand-contract or --contract, not both");
    }

    private int run(List<Class<?>> sources, String... args) {
        return ShellRun.run(this.database, this.schema, Map.of(), sources, args);
    }

}
