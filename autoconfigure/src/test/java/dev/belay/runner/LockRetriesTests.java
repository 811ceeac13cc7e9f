package dev.belay.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * {@code belay.lock-retries}: a revision whose statement timed out on {@code lock_timeout} is
 * tried again after a pause (its transaction rolled back, so nothing is repeated), and a
 * statement of a non-transactional revision is tried again on its own.
 */
@PostgresTest
class LockRetriesTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    LockRetriesTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void aRevisionBlockedByALockSucceedsOnceTheLockIsReleasedWithinTheRetries() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        MigrationRunner runner = runner(3, alter(tries, true));
        runner.apply("a");

        assertThat(applyWhileTheTableIsLockedFor(runner, Duration.ofMillis(1500)).ids()).containsExactly("alter");
        assertThat(tries.get()).isBetween(2, 4);
        assertThat(this.jdbc.queryForList("SELECT id FROM " + this.schema + ".belay_history ORDER BY applied_rank",
                String.class))
            .containsExactly("a", "alter");
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + this.schema + ".copies", Integer.class))
            .as("the rolled-back tries left no rows").isEqualTo(1);
    }

    @Test
    void withoutRetriesTheFirstLockTimeoutFailsTheRevision() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        MigrationRunner runner = runner(0, alter(tries, true));
        runner.apply("a");

        try (Connection blocker = lockTable()) {
            assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
                .withMessageContaining("SQLSTATE 55P03")
                .satisfies((ex) -> assertThat(ex.fix()).contains("belay.lock-retries, now 0"));
            blocker.rollback();
        }
        assertThat(tries.get()).isEqualTo(1);
    }

    @Test
    void retriesThatRunOutFailWithTheSessionInTheWay() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        MigrationRunner runner = runner(1, alter(tries, true));
        runner.apply("a");

        try (Connection blocker = lockTable()) {
            assertThatExceptionOfType(MigrationException.class).isThrownBy(runner::apply)
                .withMessageContaining("SQLSTATE 55P03")
                .withMessageContaining("application 'blocker'");
            blocker.rollback();
        }
        assertThat(tries.get()).isEqualTo(2);
    }

    @Test
    void aStatementOfANonTransactionalRevisionIsTriedAgainWithoutRepeatingTheOnesBefore() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        MigrationRunner runner = runner(3, alter(tries, false));
        runner.apply("a");

        assertThat(applyWhileTheTableIsLockedFor(runner, Duration.ofMillis(1500)).ids()).containsExactly("alter");
        assertThat(tries.get()).as("up() ran once; its blocked statement was tried again").isEqualTo(1);
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + this.schema + ".copies", Integer.class))
            .isEqualTo(1);
    }

    /** Applies while another session locks table a, releasing it after the given time. */
    private MigrationResult applyWhileTheTableIsLockedFor(MigrationRunner runner, Duration lock) throws Exception {
        try (Connection blocker = lockTable()) {
            CompletableFuture<MigrationResult> apply = CompletableFuture.supplyAsync(runner::apply);
            Thread.sleep(lock.toMillis());
            blocker.rollback();
            return apply.get(30, TimeUnit.SECONDS);
        }
    }

    /** A connection of application 'blocker' holding ACCESS SHARE on table a, in an open transaction. */
    private Connection lockTable() throws SQLException {
        Connection blocker = this.database.connect();
        blocker.setAutoCommit(false);
        try (Statement statement = blocker.createStatement()) {
            statement.execute("SET application_name = 'blocker'");
            statement.execute("LOCK TABLE " + this.schema + ".a IN ACCESS SHARE MODE");
        }
        return blocker;
    }

    /** 'a' makes a table; 'alter' copies a row into another table, then alters 'a' (which may be locked). */
    private static Revisions alter(AtomicInteger tries, boolean transactional) {
        return TestRevisions.chain()
            .add("a", null, (m) -> {
                m.actions().execute("CREATE TABLE a (id int)");
                m.actions().execute("CREATE TABLE copies (id int)");
            }, (m) -> {
            })
            .add("alter", "a", transactional, (m) -> {
                tries.incrementAndGet();
                m.jdbc().update("INSERT INTO copies VALUES (1)");
                m.actions().execute("ALTER TABLE a ADD COLUMN x int");
            }, (m) -> {
            })
            .build();
    }

    private MigrationRunner runner(int retries, Revisions revisions) {
        return new MigrationRunner(this.database.dataSource(), new MigrationSettings(this.schema, "belay_history",
                Duration.ofMillis(300), Duration.ofSeconds(10), retries), revisions);
    }

}
