package dev.belay.runner;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionHistory;
import dev.belay.revision.Revisions;
import dev.belay.test.PgBouncer;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Belay through PgBouncer in transaction pooling mode, where a client's transactions may each
 * run in another server session, so a session-level lock is not where the client left it. The
 * result is either correct (every revision applied once, in the managed schema) or a refusal
 * that names the pooler, with nothing half-applied. Skipped where PgBouncer is not installed.
 */
@PostgresTest
class PoolerTests {

    private static final int REVISIONS = 8;

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    PoolerTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        PgBouncer.assumeInstalled();
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void throughOneServerSessionOfAPoolerTheMigrationIsApplied() {
        try (PgBouncer pooler = PgBouncer.builder().defaultPoolSize(1).start()) {
            MigrationResult result = runner(this.schema, pooler.dataSource(this.database)).apply();

            assertThat(result.ids()).hasSize(REVISIONS);
        }
        assertConsistent(this.schema, true);
    }

    @Test
    void aServerSessionThatAlreadyHoldsTheLockForAnotherClientIsRefused() throws Exception {
        try (PgBouncer pooler = PgBouncer.builder().defaultPoolSize(1).start();
                Connection other = pooler.connect(this.database);
                Statement statement = other.createStatement()) {
            // Another client's session lock, left on the only server session of the pool.
            statement.execute("SELECT pg_advisory_lock(" + MigrationLock.key(new RevisionHistory(this.schema,
                    "belay_history")) + ")");

            assertThatExceptionOfType(MigrationException.class)
                .isThrownBy(() -> runner(this.schema, pooler.dataSource(this.database)).apply())
                .withMessageContaining("does not keep one server session")
                .withMessageContaining("pooler in transaction or statement mode")
                .satisfies((ex) -> assertThat(ex.fix()).contains("belay.url"));
        }
        assertThat(this.jdbc.queryForObject("SELECT to_regclass(?) IS NULL", Boolean.class,
                this.schema + ".belay_history"))
            .as("nothing was applied").isTrue();
    }

    @Test
    void amidOtherClientsAMigrationThroughTransactionPoolingIsCorrectOrRefusedWithNothingHalfApplied()
            throws Exception {
        List<String> outcomes = new ArrayList<>();
        try (PgBouncer pooler = PgBouncer.builder().defaultPoolSize(4).start()) {
            DataSource pooled = pooler.dataSource(this.database);
            AtomicBoolean busy = new AtomicBoolean(true);
            ExecutorService others = Executors.newFixedThreadPool(3);
            for (int i = 0; i < 3; i++) {
                others.submit(() -> keepBusy(pooled, busy));
            }
            try {
                for (int round = 0; round < 6; round++) {
                    String schema = this.schema + "_" + round;
                    try {
                        runner(schema, pooled).apply();
                        outcomes.add("applied");
                        assertConsistent(schema, true);
                    }
                    catch (MigrationException ex) {
                        assertThat(ex.getMessage()).contains("pooler in transaction or statement mode");
                        outcomes.add("refused");
                        assertConsistent(schema, false);
                    }
                }
            }
            finally {
                busy.set(false);
                others.shutdown();
                others.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
        System.out.println("Migrations through PgBouncer in transaction mode amid other clients: " + outcomes);
        assertThat(outcomes).hasSize(6);
    }

    /** Short transactions from other clients, so server sessions change hands between statements. */
    private static void keepBusy(DataSource pooled, AtomicBoolean busy) {
        while (busy.get()) {
            try (Connection connection = pooled.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_sleep(0.003)");
                }
                connection.commit();
            }
            catch (Exception ex) {
                // the pooler is shutting down
            }
        }
    }

    /**
     * Every revision recorded is applied exactly once and built its table in the managed schema,
     * none that is not recorded did, and nothing landed in another schema; all of the chain when
     * it was applied.
     */
    private void assertConsistent(String schema, boolean complete) {
        List<String> recorded = this.jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class,
                schema + ".belay_history")
                ? this.jdbc.queryForList("SELECT id || ':' || state FROM " + schema + ".belay_history "
                        + "ORDER BY applied_rank", String.class)
                : List.of();
        List<String> tables = this.jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ? "
                + "AND tablename <> 'belay_history' ORDER BY tablename", String.class, schema);
        assertThat(recorded).allMatch((row) -> row.endsWith(":applied"));
        assertThat(tables).containsExactlyInAnyOrderElementsOf(
                recorded.stream().map((row) -> row.substring(0, row.indexOf(':'))).toList());
        if (complete) {
            assertThat(recorded).hasSize(REVISIONS);
        }
        assertThat(this.jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                + "AND tablename LIKE 't_%'", String.class)).isEmpty();
    }

    private MigrationRunner runner(String schema, DataSource dataSource) {
        TestRevisions chain = TestRevisions.chain();
        String previous = null;
        for (int i = 0; i < REVISIONS; i++) {
            String id = "t_" + i;
            chain = chain.table(id, previous);
            previous = id;
        }
        Revisions revisions = chain.build();
        return new MigrationRunner(dataSource,
                new MigrationSettings(schema, "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(10)),
                revisions);
    }

}
