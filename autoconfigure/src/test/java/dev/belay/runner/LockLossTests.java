package dev.belay.runner;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.belay.revision.MigrationException;
import dev.belay.revision.Revisions;
import dev.belay.test.PostgresTest;
import dev.belay.test.TcpProxy;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The migration lock lives in the session that does the work, so that losing it can never leave
 * a revision running unprotected: when the migrating session is terminated, or its connection
 * drops, its revision is rolled back with it, and the instance that takes over applies it once.
 * Each revision here counts its runs in a table, in the same transaction as its work.
 */
@PostgresTest
class LockLossTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    LockLossTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void terminatingTheMigratingSessionRollsItsRevisionBackAndTheInstanceWaitingAppliesItOnce() throws Exception {
        Counted counted = new Counted(true, false);
        Race race = terminateTheHolderMidRevision(counted);

        assertThat(failure(race.holder())).isInstanceOf(MigrationException.class)
            .hasMessageContaining("Applying revision 'counted' (test.counted) failed in up()")
            .hasMessageContaining("Nothing changed: its up() ran in one transaction, which was undone, and 'counted' "
                    + "is not applied.")
            .satisfies((ex) -> assertThat(((MigrationException) ex).fix()).contains("session ended"));
        assertThat(race.waiting().get(60, TimeUnit.SECONDS).ids()).containsExactly("counted", "after");
        assertThat(runs()).isEqualTo(1);
        assertThat(counted.javaRuns()).as("up() ran in both JVM threads; only one run committed").isEqualTo(2);
        assertThat(history()).containsExactly("runs:applied", "counted:applied", "after:applied");
    }

    @Test
    void terminatingTheSessionOfANonTransactionalRevisionLeavesItNamedAndTheNextInstanceDoesNotRunIt()
            throws Exception {
        Counted counted = new Counted(false, false);
        Race race = terminateTheHolderMidRevision(counted);

        assertThat(failure(race.holder())).hasMessageContaining("is marked 'applying'");
        assertThat(failure(race.waiting())).isInstanceOf(MigrationException.class)
            .hasMessageContaining("'counted' (test.counted) started its up()")
            .hasMessageContaining("did not finish");
        assertThat(runs()).isEqualTo(1);
        assertThat(counted.javaRuns()).isEqualTo(1);
        assertThat(history()).containsExactly("runs:applied", "counted:applying");
    }

    @Test
    void anIdempotentRevisionInterruptedByATerminatedSessionIsRunAgainByTheNextInstance() throws Exception {
        Counted counted = new Counted(false, true);
        Race race = terminateTheHolderMidRevision(counted);

        assertThat(failure(race.holder())).hasMessageContaining("the next `belay apply` (or start) runs it again");
        assertThat(race.waiting().get(60, TimeUnit.SECONDS).ids()).containsExactly("counted", "after");
        assertThat(runs()).as("an idempotent step sets the count rather than adding to it").isEqualTo(1);
        assertThat(counted.javaRuns()).isEqualTo(2);
        assertThat(history()).containsExactly("runs:applied", "counted:applied", "after:applied");
    }

    @Test
    void aDroppedConnectionAbortsTheMigrationAndItsSessionEndsWithoutCommitting() throws Exception {
        Counted counted = new Counted(true, false);
        runner(this.database.dataSource(), counted.revisions()).apply("runs");
        try (TcpProxy proxy = TcpProxy.toServer()) {
            MigrationRunner proxied = runner(proxy.dataSource(this.database), counted.revisions());
            CompletableFuture<MigrationResult> cut = CompletableFuture.supplyAsync(proxied::apply);
            counted.awaitFirstRun();
            int pid = lockHolder();

            proxy.cutAll();

            assertThat(failure(cut)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("Applying revision 'counted' (test.counted) failed in up()")
                .hasMessageContaining("Nothing changed");
            // The server notices the lost client within client_connection_check_interval and ends
            // the session (its statement would otherwise sleep on for a minute).
            await().atMost(Duration.ofSeconds(20)).until(() -> !alive(pid));
        }
        assertThat(runs()).isZero();
        assertThat(history()).containsExactly("runs:applied");
        assertThat(runner(this.database.dataSource(), counted.revisions()).apply().ids())
            .containsExactly("counted", "after");
        assertThat(runs()).isEqualTo(1);
    }

    /**
     * Two instances migrate the same revisions: the first takes the lock and, in the middle of
     * 'counted', has its session terminated, as an operator following the lock-wait message would
     * do; the second is waiting for the lock by then.
     */
    private Race terminateTheHolderMidRevision(Counted counted) throws InterruptedException {
        MigrationRunner first = runner(this.database.dataSource(), counted.revisions());
        MigrationRunner second = runner(this.database.dataSource(), counted.revisions());
        first.apply("runs");
        CompletableFuture<MigrationResult> holder = CompletableFuture.supplyAsync(first::apply);
        counted.awaitFirstRun();
        CompletableFuture<MigrationResult> waiting = CompletableFuture.supplyAsync(second::apply);
        this.jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, lockHolder());
        return new Race(holder, waiting);
    }

    /** The migration whose session was terminated, and the one that waited. */
    private record Race(CompletableFuture<MigrationResult> holder, CompletableFuture<MigrationResult> waiting) {

    }

    private MigrationRunner runner(DataSource dataSource, Revisions revisions) {
        return new MigrationRunner(dataSource,
                new MigrationSettings(this.schema, "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(60)),
                revisions);
    }

    /** The server process holding an advisory lock in the test database: the migrating session. */
    private int lockHolder() {
        return this.jdbc.queryForObject("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", Integer.class);
    }

    private boolean alive(int pid) {
        return this.jdbc.queryForObject("SELECT EXISTS (SELECT FROM pg_stat_activity WHERE pid = ?)", Boolean.class,
                pid);
    }

    private int runs() {
        return this.jdbc.queryForObject("SELECT n FROM " + this.schema + ".runs", Integer.class);
    }

    private List<String> history() {
        return this.jdbc.queryForList("SELECT id || ':' || state FROM " + this.schema + ".belay_history "
                + "ORDER BY applied_rank", String.class);
    }

    private static Throwable failure(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(60, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            return ex.getCause();
        }
        catch (java.util.concurrent.TimeoutException ex) {
            throw new AssertionError("The migration did not end", ex);
        }
        throw new AssertionError("The migration did not fail");
    }

    /**
     * 'runs' creates a counter; 'counted' counts its run and, the first time, waits to be
     * interrupted; 'after' comes after it.
     */
    private static final class Counted {

        private final boolean transactional;

        private final boolean idempotent;

        private final AtomicInteger javaRuns = new AtomicInteger();

        private final CountDownLatch firstRun = new CountDownLatch(1);

        Counted(boolean transactional, boolean idempotent) {
            this.transactional = transactional;
            this.idempotent = idempotent;
        }

        Revisions revisions() {
            TestRevisions chain = TestRevisions.chain().add("runs", null, (m) -> {
                m.actions().execute("CREATE TABLE runs (n int NOT NULL)");
                m.jdbc().update("INSERT INTO runs VALUES (0)");
            }, (m) -> m.actions().execute("DROP TABLE runs"));
            java.util.function.Consumer<dev.belay.revision.Migrator> up = (m) -> {
                int run = this.javaRuns.incrementAndGet();
                m.jdbc().update(this.idempotent ? "UPDATE runs SET n = 1" : "UPDATE runs SET n = n + 1");
                if (run == 1) {
                    this.firstRun.countDown();
                    m.jdbc().execute("SELECT pg_sleep(60)");
                }
            };
            chain = this.idempotent ? chain.idempotent("counted", "runs", up, (m) -> {
            }) : chain.add("counted", "runs", this.transactional, up, (m) -> {
            });
            return chain.table("after", "counted").build();
        }

        void awaitFirstRun() throws InterruptedException {
            assertThat(this.firstRun.await(30, TimeUnit.SECONDS)).as("the first run of 'counted' started").isTrue();
        }

        int javaRuns() {
            return this.javaRuns.get();
        }

    }

}
