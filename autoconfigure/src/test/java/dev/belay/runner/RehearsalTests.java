package dev.belay.runner;

import java.util.ArrayList;
import java.util.List;

import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.revision.MigrationException;
import dev.belay.schema.Index;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link MigrationRunner#rehearse}: the whole chain applied to a scratch schema inside one
 * transaction, read, and rolled back, as {@code belay generate --shadow} needs it.
 */
@PostgresTest
class RehearsalTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    RehearsalTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @Test
    void buildsTheWholeChainInAScratchSchemaThatIsGoneAfterwardsAndLeavesTheManagedSchemaAlone() {
        MigrationRunner runner = runner("managed_a",
                TestRevisions.chain().table("a", null).table("b", "a").table("c", "b").build());
        runner.apply("a");

        Schema rehearsed = runner.rehearse("scratch_a",
                (connection) -> new SchemaInspector().inspect(connection, "scratch_a"));

        assertThat(rehearsed.tables().keySet()).containsExactly("a", "b", "belay_history", "c");
        assertThat(schemaExists("scratch_a")).isFalse();
        assertThat(tablesIn("managed_a")).containsExactlyInAnyOrder("a", "belay_history");
        assertThat(runner.status().inState(RevisionState.PENDING)).extracting(RevisionStatus::id)
            .containsExactly("b", "c");
    }

    @Test
    void revisionsSeeADryRunSoTheyLeaveWhatIsOutsideTheDatabaseAlone() {
        List<Boolean> dryRuns = new ArrayList<>();
        MigrationRunner runner = runner("managed_b", TestRevisions.chain()
            .add("a", null, (m) -> dryRuns.add(m.dryRun()), (m) -> {
            })
            .build());

        runner.rehearse("scratch_b", (connection) -> null);

        assertThat(dryRuns).containsExactly(true);
    }

    @Test
    void buildsAConcurrentIndexWithoutConcurrentlySoItIsThere() {
        MigrationRunner runner = runner("managed_c", TestRevisions.chain()
            .table("ride", null)
            .add("index", "ride", false, (m) -> m.actions().createIndexConcurrently(Index.of("ride", "ride_idx", "id")),
                    (m) -> m.actions().dropIndexConcurrently("ride_idx"))
            .build());

        Schema rehearsed = runner.rehearse("scratch_c",
                (connection) -> new SchemaInspector().inspect(connection, "scratch_c"));

        assertThat(rehearsed.tables().get("ride").indexes()).containsKey("ride_idx");
        assertThat(schemaExists("scratch_c")).isFalse();
    }

    @Test
    void aFailingRevisionIsNamedAndNothingRemains() {
        MigrationRunner runner = runner("managed_d", TestRevisions.chain()
            .table("a", null)
            .add("broken", "a", (m) -> m.actions().execute("ALTER TABLE missing ADD COLUMN x int"), (m) -> {
            })
            .build());

        assertThatExceptionOfType(MigrationException.class)
            .isThrownBy(() -> runner.rehearse("scratch_d", (connection) -> null))
            .withMessageContaining("'broken'")
            .withMessageContaining("rehearsal in scratch schema scratch_d, which was rolled back");
        assertThat(schemaExists("scratch_d")).isFalse();
        assertThat(schemaExists("managed_d")).isFalse();
    }

    @Test
    void refusesASchemaThatExists() {
        this.database.execute("CREATE SCHEMA taken");
        MigrationRunner runner = runner("managed_e", TestRevisions.chain().table("a", null).build());

        assertThatIllegalArgumentException().isThrownBy(() -> runner.rehearse("taken", (connection) -> null))
            .withMessageContaining("taken exists");
    }

    @Test
    void statementsThatCannotRunInATransactionHaveATransactionalFormWhenTheyOnlyAvoidLocks() {
        assertThat(noTransaction("CREATE UNIQUE INDEX CONCURRENTLY \"a b\" ON t (x)").inTransaction())
            .contains(SqlStatement.of("CREATE UNIQUE INDEX \"a b\" ON t (x)"));
        assertThat(noTransaction("drop index concurrently i").inTransaction()).contains(SqlStatement.of("drop index i"));
        assertThat(noTransaction("REINDEX (VERBOSE) TABLE CONCURRENTLY t").inTransaction())
            .contains(SqlStatement.of("REINDEX (VERBOSE) TABLE t"));
        assertThat(noTransaction("VACUUM t").inTransaction()).isEmpty();
        assertThat(SqlStatement.of("CREATE INDEX i ON t (x)").inTransaction())
            .contains(SqlStatement.of("CREATE INDEX i ON t (x)"));
    }

    private static SqlStatement noTransaction(String sql) {
        return new SqlStatement(sql, TransactionMode.NO_TRANSACTION);
    }

    private MigrationRunner runner(String schema, dev.belay.revision.Revisions revisions) {
        return new MigrationRunner(this.database.dataSource(), MigrationSettings.defaults().withSchema(schema),
                revisions);
    }

    private boolean schemaExists(String schema) {
        return Boolean.TRUE.equals(this.jdbc.queryForObject(
                "SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = ?)", Boolean.class, schema));
    }

    private List<String> tablesIn(String schema) {
        return this.jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ?", String.class, schema);
    }

}
