package dev.belay.runner;

import java.time.Duration;
import java.util.List;

import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.revision.MigrationException;
import dev.belay.revision.Revisions;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A failed {@code CREATE INDEX CONCURRENTLY} leaves an invalid index behind in PostgreSQL; Belay
 * drops it and says so, and drops a stale one before building the index again, so that an
 * idempotent revision resumes cleanly once the data is fixed.
 */
@PostgresTest
class InvalidIndexTests {

    private static final SqlStatement UNIQUE_EMAIL = new SqlStatement(
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS rider_email ON rider (email)", TransactionMode.NO_TRANSACTION);

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    InvalidIndexTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void aFailedConcurrentIndexBuildLeavesNoInvalidIndexAndSaysSo() {
        MigrationRunner runner = runner(indexing(false));
        runner.apply("rider");
        duplicateEmails();

        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
            .withMessageContaining("could not create unique index \"rider_email\"")
            .withMessageContaining("The invalid index the failed CREATE INDEX CONCURRENTLY left behind was dropped "
                    + "(rider_email)");
        assertThat(indexes()).isEmpty();
    }

    @Test
    void anIdempotentRevisionWhoseIndexBuildFailedIsRunAgainOnceTheDataIsFixed() {
        MigrationRunner runner = runner(indexing(true));
        runner.apply("rider");
        duplicateEmails();
        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
            .withMessageContaining("the next `belay apply` (or start) runs it again");
        assertThat(runner.status().inState(RevisionState.INCOMPLETE)).extracting(RevisionStatus::id)
            .containsExactly("email");

        this.jdbc.update("DELETE FROM " + this.schema + ".rider WHERE id = 2");

        assertThat(runner.apply().ids()).containsExactly("email");
        assertThat(indexes()).containsExactly("rider_email:valid");
        assertThat(runner.status().upToDate()).isTrue();
    }

    @Test
    void aStaleInvalidIndexIsDroppedBeforeTheIndexIsBuiltAgain() {
        MigrationRunner runner = runner(indexing(true));
        runner.apply("rider");
        duplicateEmails();
        // As a build killed midway (or run by hand) leaves it: IF NOT EXISTS would take it for the index.
        try {
            this.jdbc.execute("CREATE UNIQUE INDEX CONCURRENTLY rider_email ON " + this.schema + ".rider (email)");
        }
        catch (RuntimeException expected) {
            // duplicate key: the invalid index stays
        }
        assertThat(indexes()).containsExactly("rider_email:invalid");
        this.jdbc.update("DELETE FROM " + this.schema + ".rider WHERE id = 2");

        assertThat(runner.apply().ids()).containsExactly("email");
        assertThat(indexes()).containsExactly("rider_email:valid");
    }

    private void duplicateEmails() {
        this.jdbc.update("INSERT INTO " + this.schema + ".rider VALUES (1, 'a@example.com'), (2, 'a@example.com')");
    }

    private List<String> indexes() {
        return this.jdbc.queryForList("SELECT c.relname || ':' || CASE WHEN i.indisvalid THEN 'valid' ELSE 'invalid' "
                + "END FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = 'rider_email'", String.class,
                this.schema);
    }

    private static Revisions indexing(boolean idempotent) {
        TestRevisions chain = TestRevisions.chain()
            .add("rider", null, (m) -> m.actions().execute("CREATE TABLE rider (id int PRIMARY KEY, email text)"),
                    (m) -> m.actions().execute("DROP TABLE rider"));
        return idempotent ? chain.idempotent("email", "rider", (m) -> m.actions().execute(UNIQUE_EMAIL), (m) -> {
        }).build() : chain.add("email", "rider", false, (m) -> m.actions().execute(UNIQUE_EMAIL), (m) -> {
        }).build();
    }

    private MigrationRunner runner(Revisions revisions) {
        return new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(this.schema, "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(10)),
                revisions);
    }

}
