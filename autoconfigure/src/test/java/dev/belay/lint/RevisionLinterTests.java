package dev.belay.lint;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.belay.revision.MigrationException;
import dev.belay.revision.Migrator;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.test.LambdaRevision;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@code belay lint} leaves behind (nothing, even when a revision reaches outside its
 * schema), how it reports a rehearsal that cannot build what the linted revisions start from, and
 * which revisions it lints.
 */
@PostgresTest
class RevisionLinterTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    RevisionLinterTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void aRevisionThatWritesToAnotherSchemaIsFlaggedAndNothingOfItIsCommitted() {
        String other = this.schema + "_shared";
        this.jdbc.execute("CREATE SCHEMA " + other);
        this.jdbc.execute("CREATE TABLE " + other + ".plans (id int)");
        MigrationRunner runner = runner(revisions(
                (m) -> m.actions().execute("CREATE TABLE ride (id bigint PRIMARY KEY)"),
                (m) -> {
                    m.actions().execute("INSERT INTO " + other + ".plans VALUES (1)");
                    m.actions().execute("CREATE TABLE " + other + ".leak (id int)");
                }));
        runner.apply("base");

        LintReport report = linter(runner).lint(null);

        assertThat(report.of("case")).extracting((finding) -> finding.rule().id()).contains("outside-managed-schema");
        assertThat(report.passes()).isFalse();
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + other + ".plans", Integer.class)).isZero();
        assertThat(this.jdbc.queryForObject("SELECT to_regclass(?) IS NULL", Boolean.class, other + ".leak")).isTrue();
        assertThat(scratchSchemas()).isZero();
    }

    @Test
    void anEarlierRevisionThatFailsInTheRehearsalIsNamedAndTheRevisionsAfterItAreNotLinted() {
        MigrationRunner runner = runner(Revisions.ofEntries(List.of(
                LambdaRevision.entry(new RevisionInfo("base", List.of(), "base", true, "test.base"),
                        (m) -> m.actions().execute("CREATE TABLE ride (id bigint PRIMARY KEY)")),
                // Data work that needs the rows the application wrote, which the rehearsal's tables lack.
                LambdaRevision.entry(new RevisionInfo("data", List.of("base"), "data", true, "test.data"),
                        (m) -> m.jdbc().queryForObject("SELECT id FROM ride LIMIT 1", Long.class)),
                LambdaRevision.entry(new RevisionInfo("case", List.of("data"), "case", true, "test.case"),
                        (m) -> m.actions().execute("CREATE INDEX ride_id ON ride (id)")))));
        runner.apply("base");
        this.jdbc.update("INSERT INTO " + this.schema + ".ride VALUES (1)");
        runner.apply("data");

        LintReport report = linter(runner).lint(null);

        assertThat(report.linted()).isEmpty();
        assertThat(report.notLinted()).containsExactly("case");
        assertThat(report.findings()).singleElement().satisfies((finding) -> {
            assertThat(finding.revision()).isEqualTo("data");
            assertThat(finding.rule()).isEqualTo(Rule.REHEARSAL_FAILED);
            assertThat(finding.message()).contains("which the revisions to lint come after, failed in the rehearsal");
        });
        assertThat(scratchSchemas()).isZero();
    }

    @Test
    void oneRevisionIsLintedWhetherOrNotItIsAppliedAndAnUnknownOneIsNamed() {
        MigrationRunner runner = runner(revisions((m) -> m.actions().execute("CREATE TABLE ride (id bigint PRIMARY KEY)"),
                (m) -> m.actions().execute("CREATE INDEX ride_id ON ride (id)")));
        runner.apply();

        assertThat(linter(runner).lint(null).linted()).as("nothing is pending").isEmpty();
        LintReport applied = linter(runner).lint("case");
        assertThat(applied.linted()).containsExactly("case");
        assertThat(applied.of("case")).extracting(Finding::rule).containsExactly(Rule.INDEX_NOT_CONCURRENT);
        assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> linter(runner).lint("nope"))
            .withMessageContaining("There is no revision 'nope' to lint.");
    }

    private long scratchSchemas() {
        return this.jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'belay_lint_%'",
                Long.class);
    }

    private MigrationRunner runner(Revisions revisions) {
        return new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(this.schema, "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(10)),
                revisions);
    }

    private static RevisionLinter linter(MigrationRunner runner) {
        return new RevisionLinter(runner, runner, "test", (id) -> Optional.empty(), (info) -> List.of());
    }

    private static Revisions revisions(Consumer<Migrator> base, Consumer<Migrator> next) {
        return Revisions.ofEntries(List.of(
                LambdaRevision.entry(new RevisionInfo("base", List.of(), "base", true, "test.base"), base),
                LambdaRevision.entry(new RevisionInfo("case", List.of("base"), "case", true, "test.case"), next)));
    }

}
