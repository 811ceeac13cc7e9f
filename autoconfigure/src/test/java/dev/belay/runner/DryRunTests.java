package dev.belay.runner;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.belay.revision.Revisions;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code belay apply --dry-run} rehearses the pending revisions on a copy of the managed
 * schema's tables in a scratch schema, so it takes no lock on a real table beyond what reading
 * the catalog takes, while a real apply of the same revision holds {@code ACCESS EXCLUSIVE}.
 */
@PostgresTest
class DryRunTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    DryRunTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void aDryRunOfARewritingChangeTakesNoLockStrongerThanAccessShareOnTheRealTable() throws Exception {
        Paused paused = new Paused();
        MigrationRunner runner = runner(paused.revisions());
        runner.apply("ride");
        this.jdbc.update("INSERT INTO " + this.schema + ".ride SELECT g, g * 1.5 FROM generate_series(1, 1000) AS g");

        CompletableFuture<MigrationResult> dryRun = CompletableFuture.supplyAsync(() -> runner.apply(null, true));
        List<String> modes = paused.locksOnTheRealTableWhileInside();
        MigrationResult result = dryRun.get(30, TimeUnit.SECONDS);

        assertThat(modes).isSubsetOf("AccessShareLock");
        assertThat(result.dryRun()).isTrue();
        assertThat(result.revisions()).extracting(RevisionRun::id).containsExactly("widen");
        assertThat(result.revisions().get(0).statements()).extracting(Object::toString)
            .contains("ALTER TABLE ride ALTER COLUMN distance TYPE numeric(12,3)");
        assertThat(columnType()).isEqualTo("numeric(8,2)");
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + this.schema + ".ride", Integer.class))
            .isEqualTo(1000);
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'belay_dry_run_%'",
                Integer.class))
            .isZero();
        assertThat(runner.status().inState(RevisionState.PENDING)).extracting(RevisionStatus::id)
            .containsExactly("widen");
    }

    @Test
    void theSameRevisionAppliedForRealHoldsAnAccessExclusiveLockOnTheTable() throws Exception {
        Paused paused = new Paused();
        MigrationRunner runner = runner(paused.revisions());
        runner.apply("ride");

        CompletableFuture<MigrationResult> apply = CompletableFuture.supplyAsync(() -> runner.apply());
        List<String> modes = paused.locksOnTheRealTableWhileInside();
        apply.get(30, TimeUnit.SECONDS);

        assertThat(modes).contains("AccessExclusiveLock");
        assertThat(columnType()).isEqualTo("numeric(12,3)");
    }

    @Test
    void aDryRunRunsDataWorkOnTheEmptyCopyAndReportsItsStatements() {
        MigrationRunner runner = runner(TestRevisions.chain()
            .add("ride", null, (m) -> m.actions().execute("CREATE TABLE ride (id int PRIMARY KEY, title text)"),
                    (m) -> m.actions().execute("DROP TABLE ride"))
            .add("backfill", "ride", (m) -> {
                m.actions().execute("ALTER TABLE ride ADD COLUMN name text");
                m.jdbc().update("UPDATE ride SET name = title");
                assertThat(m.schema()).startsWith("belay_dry_run_");
            }, (m) -> {
            })
            .build());
        runner.apply("ride");
        this.jdbc.update("INSERT INTO " + this.schema + ".ride VALUES (1, 'to work')");

        MigrationResult result = runner.apply(null, true);

        assertThat(result.revisions().get(0).statements()).extracting(Object::toString)
            .containsExactly("ALTER TABLE ride ADD COLUMN name text", "UPDATE ride SET name = title");
        assertThat(this.jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = ? "
                + "AND table_name = 'ride' ORDER BY ordinal_position", String.class, this.schema))
            .containsExactly("id", "title");
    }

    private String columnType() {
        return this.jdbc.queryForObject("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = ?::regclass AND attname = 'distance'", String.class, this.schema + ".ride");
    }

    private MigrationRunner runner(Revisions revisions) {
        return new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(this.schema, "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(10)),
                revisions);
    }

    /**
     * 'ride' makes a table; 'widen' rewrites it with a type change, then waits inside its
     * transaction until the test has read, from another session, the locks its session holds on
     * the real table.
     */
    private final class Paused {

        private final CountDownLatch inside = new CountDownLatch(1);

        private final CountDownLatch release = new CountDownLatch(1);

        private final AtomicInteger pid = new AtomicInteger();

        Revisions revisions() {
            return TestRevisions.chain()
                .add("ride", null, (m) -> m.actions().execute("CREATE TABLE ride (id int PRIMARY KEY, "
                        + "distance numeric(8,2))"), (m) -> m.actions().execute("DROP TABLE ride"))
                .add("widen", "ride", (m) -> {
                    m.actions().execute("ALTER TABLE ride ALTER COLUMN distance TYPE numeric(12,3)");
                    this.pid.set(m.jdbc().queryForObject("SELECT pg_backend_pid()", Integer.class));
                    this.inside.countDown();
                    await(this.release);
                }, (m) -> m.actions().execute("ALTER TABLE ride ALTER COLUMN distance TYPE numeric(8,2)"))
                .build();
        }

        List<String> locksOnTheRealTableWhileInside() throws InterruptedException {
            assertThat(this.inside.await(30, TimeUnit.SECONDS)).as("the revision ran").isTrue();
            try {
                return DryRunTests.this.jdbc.queryForList("SELECT mode FROM pg_locks WHERE pid = ? "
                        + "AND relation = ?::regclass", String.class, this.pid.get(),
                        DryRunTests.this.schema + ".ride");
            }
            finally {
                this.release.countDown();
            }
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }

    }

}
