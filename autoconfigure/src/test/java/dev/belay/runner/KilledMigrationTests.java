package dev.belay.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.belay.revision.MigrationException;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A migrating JVM killed with SIGKILL halfway through a revision: the database stays at a
 * consistent revision, the lock is released, and the next start finishes the job or names the
 * revision that needs a person.
 */
@PostgresTest
class KilledMigrationTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    KilledMigrationTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @Test
    void killedHalfwayThroughATransactionalRevisionLeavesNothingOfItAndTheNextStartFinishes() throws Exception {
        String schema = "killed_in_transaction";
        killHalfway(schema, true);

        assertThat(history(schema)).containsExactly("first:applied");
        assertThat(tables(schema)).containsExactlyInAnyOrder("first", "belay_history");
        assertThat(indexes(schema)).isEmpty();

        MigrationRunner next = runner(schema, true);
        assertThat(next.apply().ids()).containsExactly("second", "third");
        assertThat(tables(schema)).containsExactlyInAnyOrder("first", "second", "third", "belay_history");
        assertThat(indexes(schema)).containsExactly("first_id");
    }

    @Test
    void killedHalfwayThroughANonTransactionalRevisionIsNamedOnTheNextStart() throws Exception {
        String schema = "killed_without_transaction";
        killHalfway(schema, false);

        assertThat(history(schema)).containsExactly("first:applied", "second:applying");
        assertThat(indexes(schema)).containsExactly("first_id");
        assertThat(tables(schema)).doesNotContain("second", "third");

        MigrationRunner next = runner(schema, false);
        MigrationException incomplete = org.junit.jupiter.api.Assertions.assertThrows(MigrationException.class,
                next::apply);
        assertThat(incomplete.problem()).contains("'second' (test.second) started its up()").contains("did not finish");
        String delete = "DELETE FROM " + schema + ".belay_history WHERE id = 'second'";
        assertThat(incomplete.fix()).contains(delete);
        assertThat(tables(schema)).doesNotContain("second", "third");

        // Undo the half that ran, as the message says, and start again.
        this.jdbc.execute("DROP INDEX " + schema + ".first_id");
        this.jdbc.execute(delete);
        assertThat(next.apply().ids()).containsExactly("second", "third");
        assertThat(history(schema)).containsExactly("first:applied", "second:applied", "third:applied");
    }

    @Test
    void anInstanceWaitingForTheLockOfAKilledOneTakesOverOnceItDies() throws Exception {
        String schema = "killed_while_another_waits";
        Process process = startPaused(schema, true);
        try {
            CompletableFuture<MigrationResult> waiting = CompletableFuture
                .supplyAsync(() -> runner(schema, true).apply());
            Thread.sleep(300);
            assertThat(waiting).isNotDone();
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(waiting.get(30, TimeUnit.SECONDS).ids()).containsExactly("second", "third");
        }
        finally {
            process.destroyForcibly();
        }
    }

    @Test
    void theSessionOfAnInstanceKilledDuringALongStatementEndsByItselfAndTheNextStartFinishes() throws Exception {
        String schema = "killed_during_statement";
        Process process = startPaused(schema, true, KillableMigration.Halfway.LONG_STATEMENT);
        int pid = await().atMost(Duration.ofSeconds(20)).until(() -> sleeping(), (found) -> found != null);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        // Belay's client_connection_check_interval: the server cancels the statement of a client
        // that is gone, instead of running it to its end (two minutes) holding every lock.
        await().atMost(Duration.ofSeconds(20)).until(() -> !alive(pid));
        assertThat(runner(schema, true).apply().ids()).containsExactly("second", "third");
    }

    @Test
    void anOrphanedSessionOfAKilledInstanceIsNamedByTheNextStartAndEndingItLetsTheMigrationGoOn()
            throws Exception {
        String schema = "killed_leaving_orphan";
        Process process = startPaused(schema, true, KillableMigration.Halfway.LONG_STATEMENT_UNCHECKED);
        int pid = await().atMost(Duration.ofSeconds(20)).until(() -> sleeping(), (found) -> found != null);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(alive(pid)).as("the orphaned session runs on").isTrue();

        MigrationRunner next = new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(schema, "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(1)),
                KillableMigration.revisions(true, false));
        MigrationException blocked = org.junit.jupiter.api.Assertions.assertThrows(MigrationException.class,
                next::apply);
        assertThat(blocked.problem()).contains("held by PID " + pid + " (user " + this.database.user())
            .contains("active for")
            .contains("in a transaction for")
            .contains("running: SELECT pg_sleep(120)");
        assertThat(blocked.fix()).contains("pg_terminate_backend(<pid>)").contains("killed instance");

        this.jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid);
        assertThat(runner(schema, true).apply().ids()).containsExactly("second", "third");
        assertThat(history(schema)).containsExactly("first:applied", "second:applied", "third:applied");
    }

    /** The server process running the long statement of 'second', or null. */
    private Integer sleeping() {
        List<Integer> pids = this.jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE state = 'active' "
                + "AND query = 'SELECT pg_sleep(120)'", Integer.class);
        return pids.isEmpty() ? null : pids.get(0);
    }

    private boolean alive(int pid) {
        return this.jdbc.queryForObject("SELECT EXISTS (SELECT FROM pg_stat_activity WHERE pid = ?)", Boolean.class,
                pid);
    }

    private void killHalfway(String schema, boolean transactional) throws Exception {
        Process process = startPaused(schema, transactional);
        assertThat(advisoryLocks()).isEqualTo(1);
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // PostgreSQL ends the session once it sees the client gone, and with it the lock.
        await().atMost(Duration.ofSeconds(20)).until(() -> advisoryLocks() == 0);
        assertThat(runningBackends()).isZero();
    }

    private Process startPaused(String schema, boolean transactional) throws IOException {
        return startPaused(schema, transactional, KillableMigration.Halfway.PAUSE);
    }

    private Process startPaused(String schema, boolean transactional, KillableMigration.Halfway halfway)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillableMigration.class.getName(), this.database.url(), this.database.user(), this.database.password(),
                schema, String.valueOf(transactional), halfway.name())
            .redirectErrorStream(true)
            .start();
        StringBuilder output = new StringBuilder();
        CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.contains(KillableMigration.PAUSED)) {
                        return true;
                    }
                }
                return false;
            }
            catch (IOException ex) {
                return false;
            }
        });
        try {
            assertThat(paused.get(60, TimeUnit.SECONDS)).as("the migrating JVM paused; its output:%n%s", output)
                .isTrue();
        }
        catch (Exception ex) {
            process.destroyForcibly();
            throw new IllegalStateException("The migrating JVM did not pause; its output:\n" + output, ex);
        }
        return process;
    }

    private MigrationRunner runner(String schema, boolean transactional) {
        return new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(schema, "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(30)),
                KillableMigration.revisions(transactional, false));
    }

    private List<String> history(String schema) {
        return this.jdbc.queryForList("SELECT id || ':' || state FROM " + schema + ".belay_history ORDER BY applied_rank",
                String.class);
    }

    private List<String> tables(String schema) {
        return this.jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ?", String.class, schema);
    }

    private List<String> indexes(String schema) {
        return this.jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = 'first'",
                String.class, schema);
    }

    private int advisoryLocks() {
        return this.jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted",
                Integer.class);
    }

    private int runningBackends() {
        return this.jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND state IS NOT NULL AND state <> 'idle'", Integer.class);
    }

}
