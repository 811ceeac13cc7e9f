package dev.belay.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.revision.MigrationException;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionGraphException;
import dev.belay.revision.Revisions;
import dev.belay.schema.Identifiers;
import dev.belay.test.PostgresTest;
import dev.belay.test.RideRevisions.AddRideName;
import dev.belay.test.RideRevisions.CreateRide;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest
class MigrationRunnerTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    MigrationRunnerTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void appliesPendingRevisionsInOrderAndRecordsThem() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).table("b", "a").table("c", "b").build());

        MigrationResult result = runner.apply();

        assertThat(result.ids()).containsExactly("a", "b", "c");
        assertThat(tables()).containsExactlyInAnyOrder("a", "b", "c", "belay_history");
        assertThat(this.jdbc.queryForList("SELECT id || ':' || array_to_string(parents, ',') || ':' || message || ':' "
                + "|| state || ':' || applied_by FROM " + this.schema + ".belay_history ORDER BY applied_rank",
                String.class))
            .containsExactly("a::make a:applied:postgres", "b:a:make b:applied:postgres", "c:b:make c:applied:postgres");
        assertThat(result.revisions().get(1).statements()).containsExactly(SqlStatement.of("CREATE TABLE b (id int)"));
        MigrationStatus status = runner.status();
        assertThat(status.upToDate()).isTrue();
        assertThat(status.current()).containsExactly("c");
        assertThat(status.heads()).containsExactly("c");
    }

    @Test
    void aTransactionalRevisionThatCommitsItselfIsRefusedBeforeItCanSplitFromItsHistoryRow() {
        MigrationRunner runner = runner(TestRevisions.chain().add("a", null, (m) -> {
            m.actions().execute("CREATE TABLE a (id int)");
            m.jdbc().execute("COMMIT");
        }, (m) -> {
        }).build());

        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
            .withMessageContaining("Revision 'a' (test.a) starts or ends a transaction itself: COMMIT")
            .withMessageContaining("Nothing changed");
        assertThat(tables()).containsExactly("belay_history");
        assertThat(runner.status().inState(RevisionState.PENDING)).extracting(RevisionStatus::id).containsExactly("a");
    }

    @Test
    void applyingWhatIsAppliedDoesNothing() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).table("b", "a").build());
        runner.apply();

        MigrationResult again = runner.apply();

        assertThat(again.revisions()).isEmpty();
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + this.schema + ".belay_history", Integer.class))
            .isEqualTo(2);
    }

    @Test
    void appliesOnlyWhatATargetNeeds() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).table("b", "a").table("x", "a")
            .table("m", "b,x").build());

        assertThat(runner.apply("b").ids()).containsExactly("a", "b");
        assertThat(runner.status().inState(RevisionState.PENDING)).extracting(RevisionStatus::id)
            .containsExactly("x", "m");
        assertThat(runner.apply().ids()).containsExactly("x", "m");
        assertThat(runner.status().current()).containsExactly("m");
    }

    @Test
    void appliesEveryHeadOfABranchedGraphInADeterministicOrder() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).table("y", "a").table("b", "a")
            .table("c", "b").build());

        assertThat(runner.graph().heads()).containsExactly("c", "y");
        assertThat(runner.apply().ids()).containsExactly("a", "b", "c", "y");
        assertThat(runner.status().current()).containsExactly("c", "y");
    }

    @Test
    void aRevisionThatThrowsLeavesNothingBehindAndIsNamed() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).add("boom", "a", (m) -> {
            m.actions().execute("CREATE TABLE half_done (id int)");
            m.jdbc().update("INSERT INTO half_done VALUES (1)");
            throw new IllegalStateException("the data is not what I expected");
        }, (m) -> {
        }).build());

        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
            .withMessageContaining("Applying revision 'boom' (test.boom) failed in up(): "
                    + "java.lang.IllegalStateException: the data is not what I expected")
            .withMessageContaining("Nothing changed: its up() ran in one transaction, which was undone, and 'boom' "
                    + "is not applied.")
            .withMessageContaining("The revisions applied before it in this run stay applied: 'a'");

        assertThat(tables()).containsExactlyInAnyOrder("a", "belay_history");
        assertThat(runner.status().inState(RevisionState.PENDING)).extracting(RevisionStatus::id)
            .containsExactly("boom");
    }

    @Test
    void aFailingStatementIsNamedWithItsSqlAndSqlState() {
        MigrationRunner runner = runner(TestRevisions.chain()
            .add("bad", null, (m) -> m.actions().execute("ALTER TABLE missing ADD COLUMN x int"), (m) -> {
            })
            .build());

        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
            .withMessageContaining("Applying revision 'bad' (test.bad) failed in up(): ERROR: relation \"missing\" does not exist")
            .withMessageContaining("[SQLSTATE 42P01], running: ALTER TABLE missing ADD COLUMN x int");
        assertThat(tables()).containsExactly("belay_history");
    }

    @Test
    void aStatementThatCannotRunInATransactionAsksForANonTransactionalRevision() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).add("idx", "a", (m) -> {
            m.actions().execute("CREATE TABLE b (id int)");
            m.actions().execute(new SqlStatement("CREATE INDEX CONCURRENTLY a_id ON a (id)",
                    TransactionMode.NO_TRANSACTION));
        }, (m) -> {
        }).build());

        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
            .withMessageContaining("Revision 'idx' (test.idx) runs a statement that cannot run inside a transaction: "
                    + "CREATE INDEX CONCURRENTLY a_id ON a (id)")
            .satisfies((ex) -> assertThat(ex.fix()).contains("transactional = false"));
        assertThat(tables()).containsExactlyInAnyOrder("a", "belay_history");
    }

    @Test
    void aRawConcurrentStatementInATransactionalRevisionAlsoPointsToTransactionalFalse() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null)
            .add("idx", "a", (m) -> m.actions().execute("CREATE INDEX CONCURRENTLY a_id ON a (id)"), (m) -> {
            })
            .build());

        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
            .withMessageContaining("SQLSTATE 25001")
            .satisfies((ex) -> assertThat(ex.fix()).contains("transactional = false"));
    }

    @Test
    void aNonTransactionalRevisionRunsStatementsThatNeedAutocommit() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).add("idx", "a", false, (m) -> {
            m.actions().execute(new SqlStatement("CREATE INDEX CONCURRENTLY a_id ON a (id)",
                    TransactionMode.NO_TRANSACTION));
        }, (m) -> m.actions().execute(new SqlStatement("DROP INDEX CONCURRENTLY a_id", TransactionMode.NO_TRANSACTION)))
            .build());

        runner.apply();
        assertThat(indexes()).containsExactly("a_id");
        assertThat(runner.status().upToDate()).isTrue();

        runner.rollback(1);
        assertThat(indexes()).isEmpty();
        assertThat(runner.status().inState(RevisionState.PENDING)).extracting(RevisionStatus::id).containsExactly("idx");
    }

    @Test
    void aNonTransactionalRevisionThatFailsMidwayIsNamedUntilAPersonResolvesIt() {
        AtomicReference<Boolean> fail = new AtomicReference<>(true);
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).add("two_steps", "a", false, (m) -> {
            m.actions().execute("CREATE TABLE step_one (id int)");
            if (fail.get()) {
                m.actions().execute("CREATE TABLE a (id int)");
            }
            m.actions().execute("CREATE TABLE step_two (id int)");
        }, (m) -> {
        }).table("after_it", "two_steps").build());

        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
            .withMessageContaining("Applying revision 'two_steps' (test.two_steps) failed in up()")
            .withMessageContaining("marked 'applying'");
        assertThat(tables()).contains("step_one").doesNotContain("step_two", "after_it");

        fail.set(false);
        MigrationException incomplete = org.junit.jupiter.api.Assertions.assertThrows(MigrationException.class,
                runner::apply);
        assertThat(incomplete.problem()).contains("'two_steps' (test.two_steps) started its up() at")
            .contains("did not finish");
        String delete = "DELETE FROM " + this.schema + ".belay_history WHERE id = 'two_steps'";
        assertThat(incomplete.fix()).contains(delete)
            .contains("UPDATE " + this.schema + ".belay_history SET state = 'applied' WHERE id = 'two_steps'");
        assertThat(runner.status().inState(RevisionState.INCOMPLETE)).extracting(RevisionStatus::id)
            .containsExactly("two_steps");

        // What a person does: undo the half and let Belay run it again.
        this.jdbc.execute("DROP TABLE " + this.schema + ".step_one");
        this.jdbc.execute(delete);
        assertThat(runner.apply().ids()).containsExactly("two_steps", "after_it");
        assertThat(tables()).contains("step_one", "step_two", "after_it");
    }

    @Test
    void aNonTransactionalRevisionThatFailsBeforeSendingAnythingIsNotRecorded() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).add("early", "a", false, (m) -> {
            throw new IllegalArgumentException("missing configuration");
        }, (m) -> {
        }).build());

        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
            .withMessageContaining("Nothing changed: no statement of its up() had run, and 'early' is not applied.");
        assertThat(runner.status().inState(RevisionState.PENDING)).extracting(RevisionStatus::id)
            .containsExactly("early");
    }

    @Test
    void rollsBackByStepsLatestFirst() {
        List<String> downs = new ArrayList<>();
        TestRevisions chain = TestRevisions.chain();
        for (String id : List.of("a", "b", "c")) {
            chain.add(id, id.equals("a") ? null : String.valueOf((char) (id.charAt(0) - 1)),
                    (m) -> m.actions().execute("CREATE TABLE " + id + " (id int)"), (m) -> {
                        downs.add(id);
                        m.actions().execute("DROP TABLE " + id);
                    });
        }
        MigrationRunner runner = runner(chain.build());
        runner.apply();

        MigrationResult result = runner.rollback(2);

        assertThat(result.operation()).isEqualTo(MigrationResult.Operation.ROLLBACK);
        assertThat(result.ids()).containsExactly("c", "b");
        assertThat(downs).containsExactly("c", "b");
        assertThat(tables()).containsExactlyInAnyOrder("a", "belay_history");
        assertThat(runner.status().current()).containsExactly("a");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.rollback(2))
            .withMessageContaining("only 1 are applied");
    }

    @Test
    void rollsBackToATargetRemovingEverythingItDoesNotNeed() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).table("b", "a").table("x", "a")
            .table("m", "b,x").build());
        runner.apply();

        MigrationResult result = runner.rollbackTo("b");

        assertThat(result.ids()).containsExactly("m", "x");
        assertThat(tables()).containsExactlyInAnyOrder("a", "b", "belay_history");
        assertThat(runner.status().current()).containsExactly("b");
        assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.rollbackTo("x"))
            .withMessageContaining("Cannot roll back to revision 'x': it is not applied");
        assertThat(runner.apply().ids()).containsExactly("x", "m");
    }

    @Test
    void aFailingDownKeepsTheRevisionApplied() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).add("b", "a",
                (m) -> m.actions().execute("CREATE TABLE b (id int)"), (m) -> {
                    m.actions().execute("DROP TABLE b");
                    m.actions().execute("DROP TABLE not_there");
                })
            .build());
        runner.apply();

        assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.rollback(1))
            .withMessageContaining("Rolling back revision 'b' (test.b) failed in down(): ERROR: table \"not_there\" "
                    + "does not exist")
            .withMessageContaining("Nothing changed: its down() ran in one transaction, which was undone, and 'b' "
                    + "stays applied.");
        assertThat(tables()).contains("b");
        assertThat(runner.status().upToDate()).isTrue();
    }

    @Test
    void aDryRunRecordsEveryStatementAndChangesNothing() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).add("data", "a", (m) -> {
            m.jdbc().update("INSERT INTO a VALUES (1)");
            m.actions().execute("ALTER TABLE a ADD COLUMN name text");
        }, (m) -> {
        }).add("idx", "data", false, (m) -> {
            assertThat(m.dryRun()).isTrue();
            m.actions().execute(new SqlStatement("CREATE INDEX CONCURRENTLY a_name ON a (name)",
                    TransactionMode.NO_TRANSACTION));
        }, (m) -> {
        }).build());

        MigrationResult dryRun = runner.apply(null, true);

        assertThat(dryRun.dryRun()).isTrue();
        assertThat(dryRun.revisions()).extracting(RevisionRun::id).containsExactly("a", "data", "idx");
        assertThat(dryRun.revisions().get(1).statements()).extracting(SqlStatement::sql)
            .containsExactly("INSERT INTO a VALUES (1)", "ALTER TABLE a ADD COLUMN name text");
        assertThat(dryRun.revisions().get(2).statements()).containsExactly(
                new SqlStatement("CREATE INDEX CONCURRENTLY a_name ON a (name)", TransactionMode.NO_TRANSACTION));
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = ?", Integer.class,
                this.schema))
            .isZero();

        runner.apply("a");
        assertThat(runner.apply(null, true).ids()).containsExactly("data", "idx");
        assertThat(tables()).containsExactlyInAnyOrder("a", "belay_history");
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + this.schema + ".a", Integer.class)).isZero();
        assertThat(runner.status().inState(RevisionState.PENDING)).hasSize(2);
    }

    @Test
    void statementsRunInTheManagedSchemaWithTheLockTimeoutAndTheConnectionGetsItsSettingsBack() throws SQLException {
        List<String> seen = new ArrayList<>();
        try (Connection connection = this.database.connect()) {
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            String odd = "Odd \"Schema\" with spaces";
            MigrationRunner runner = new MigrationRunner(single,
                    new MigrationSettings(odd, "History Table", Duration.ofMillis(1234), Duration.ofSeconds(5)),
                    TestRevisions.chain().add("look", null, (m) -> {
                        seen.add(m.jdbc().queryForObject("SELECT current_setting('search_path')", String.class));
                        seen.add(m.jdbc().queryForObject("SELECT current_setting('lock_timeout')", String.class));
                        seen.add(m.schema());
                        m.actions().execute("CREATE TABLE unqualified (id int)");
                    }, (m) -> {
                    }).build());

            runner.apply();

            assertThat(seen).containsExactly(Identifiers.quote(odd), "1234ms", odd);
            assertThat(tablesIn(odd)).containsExactlyInAnyOrder("unqualified", "History Table");
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT current_setting('search_path'), current_setting('lock_timeout')")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("\"$user\", public");
                assertThat(row.getString(2)).isEqualTo("0");
            }
        }
    }

    @Test
    void aRevisionThatChangesTheSearchPathStopsTheRunBeforeTheNextRevisionRunsElsewhere() {
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(this.schema, "belay_history", Duration.ofSeconds(5), Duration.ofSeconds(5)),
                TestRevisions.chain()
                    .add("wander", null, (m) -> m.actions().execute("SET search_path TO public"), (m) -> {
                    })
                    .table("after", "wander")
                    .build());

        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
            .withMessageContaining("a revision changed it")
            .withMessageNotContaining("pooler");
        assertThat(tablesIn(this.schema)).doesNotContain("after");
        assertThat(tablesIn("public")).doesNotContain("after");
    }

    @Test
    void aStatementThatWaitsLongerThanTheLockTimeoutFailsNamingTheSessionInTheWay() throws SQLException {
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(this.schema, "belay_history", Duration.ofMillis(200), Duration.ofSeconds(5)),
                TestRevisions.chain().table("a", null).add("alter", "a",
                        (m) -> m.actions().execute("ALTER TABLE a ADD COLUMN x int"), (m) -> {
                        })
                    .build());
        runner.apply("a");
        try (Connection busy = this.database.connect(); Statement statement = busy.createStatement()) {
            busy.setAutoCommit(false);
            statement.execute("SET application_name = 'a long report'");
            statement.execute("LOCK TABLE " + this.schema + ".a IN ACCESS SHARE MODE");
            int pid = this.jdbc.queryForObject("SELECT pid FROM pg_stat_activity WHERE application_name = "
                    + "'a long report'", Integer.class);

            assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
                .withMessageContaining("SQLSTATE 55P03")
                .withMessageContaining("longer than belay.lock-timeout (PT0.2S) for a lock, held by PID " + pid
                        + " (user postgres, application 'a long report'")
                .withMessageContaining("idle in transaction for")
                .withMessageContaining("holding a (AccessShareLock)")
                .withMessageContaining("last statement: LOCK TABLE " + this.schema + ".a IN ACCESS SHARE MODE")
                .satisfies((ex) -> assertThat(ex.fix()).contains("pg_terminate_backend(<pid>)")
                    .contains("belay.lock-retries")
                    .contains("raise belay.lock-timeout"));
            busy.rollback();
        }
        assertThat(runner.apply().ids()).containsExactly("alter");
    }

    @Test
    void waitingTooLongForTheMigrationLockNamesItsHolderAndTheProperty() throws SQLException {
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(this.schema, "belay_history", Duration.ofSeconds(1), Duration.ofMillis(300)),
                TestRevisions.chain().table("a", null).build());
        long key = MigrationLock.key(new dev.belay.revision.RevisionHistory(this.schema, "belay_history"));
        try (Connection holder = this.database.connect(); Statement statement = holder.createStatement()) {
            statement.execute("SET application_name = 'the other instance'");
            statement.execute("SELECT pg_advisory_lock(" + key + ")");
            int pid = this.jdbc.queryForObject("SELECT pid FROM pg_stat_activity WHERE application_name = "
                    + "'the other instance'", Integer.class);

            assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
                .withMessageContaining("waited PT0.3S for the migration lock of " + this.schema + ".belay_history")
                .withMessageContaining("held by PID " + pid + " (user postgres, application 'the other instance'")
                .satisfies((ex) -> assertThat(ex.fix()).contains("raise belay.lock-wait")
                    .contains("pg_terminate_backend"));
        }
        assertThat(runner.apply().ids()).containsExactly("a");
        assertThat(advisoryLocks()).isZero();
    }

    @Test
    void revisionsInTheDatabaseThatTheCodeLacksStopApplyAndShowAsUnknown() {
        runner(TestRevisions.chain().table("a", null).table("b", "a").build()).apply();
        MigrationRunner older = runner(TestRevisions.chain().table("a", null).build());

        assertThatExceptionOfType(RevisionGraphException.class).isThrownBy(older::apply)
            .withMessageContaining("records 1 revision that this application does not have: 'b' (make b, applied");
        assertThat(older.status().inState(RevisionState.UNKNOWN)).extracting(RevisionStatus::id).containsExactly("b");
    }

    @Test
    void annotatedRevisionClassesDescribeThemselves() {
        MigrationRunner runner = runner(Revisions.of(List.of(new CreateRide(), new AddRideName())));

        runner.apply();

        assertThat(runner.status().revisions()).extracting(RevisionStatus::id, RevisionStatus::message)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("20260101_ride", "create rides"),
                    org.assertj.core.groups.Tuple.tuple("20260102_name", "name rides"));
        assertThat(columns("ride")).containsExactly("id", "name");
    }

    @Test
    void aRunnerForAnotherSchemaAppliesTheSameChainThere() {
        MigrationRunner runner = runner(TestRevisions.chain().table("a", null).table("b", "a").build());
        runner.apply();

        MigrationRunner scratch = runner.forSchema(this.schema + "_scratch");
        assertThat(scratch.apply().ids()).containsExactly("a", "b");
        assertThat(tablesIn(this.schema + "_scratch")).containsExactlyInAnyOrder("a", "b", "belay_history");
    }

    @Test
    void theCurrentSchemaIsTheDefault() {
        this.database.execute("CREATE SCHEMA IF NOT EXISTS default_schema",
                "ALTER ROLE postgres IN DATABASE " + this.database.name() + " SET search_path = default_schema");
        try {
            MigrationRunner runner = new MigrationRunner(this.database.dataSource(), MigrationSettings.defaults(),
                    TestRevisions.chain().table("a", null).build());
            assertThat(runner.apply().schema()).isEqualTo("default_schema");
            assertThat(tablesIn("default_schema")).containsExactlyInAnyOrder("a", "belay_history");
        }
        finally {
            this.database.execute("ALTER ROLE postgres IN DATABASE " + this.database.name() + " RESET search_path");
        }
    }

    @Test
    void noCurrentSchemaAsksForBelaySchema() {
        DataSource nowhere = new SingleConnectionDataSource(this.database.url() + "?options=-csearch_path%3Dnowhere",
                this.database.user(), this.database.password(), true);
        MigrationRunner runner = new MigrationRunner(nowhere, MigrationSettings.defaults(),
                TestRevisions.chain().table("a", null).build());

        assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
            .withMessageContaining("no current schema")
            .withMessageContaining("(nowhere)")
            .satisfies((ex) -> assertThat(ex.fix()).contains("belay.schema"));
    }

    private MigrationRunner runner(Revisions revisions) {
        return new MigrationRunner(this.database.dataSource(),
                MigrationSettings.defaults().withSchema(this.schema), revisions);
    }

    private List<String> tables() {
        return tablesIn(this.schema);
    }

    private List<String> tablesIn(String schema) {
        return this.jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ?", String.class, schema);
    }

    private List<String> indexes() {
        return this.jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = ? AND indexname NOT LIKE "
                + "'%pkey'", String.class, this.schema);
    }

    private List<String> columns(String table) {
        return this.jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND "
                + "table_name = ? ORDER BY ordinal_position", String.class, this.schema, table);
    }

    private int advisoryLocks() {
        return this.jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'", Integer.class);
    }

}
