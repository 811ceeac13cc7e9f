package dev.belay.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationStatus;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Many instances of an application starting on one database at the same moment. */
@PostgresTest
class ConcurrentStartupTests {

    private static final int INSTANCES = 8;

    @Test
    void eightInstancesStartingAtOnceAllStartAndApplyEachRevisionExactlyOnce(TestDatabase database)
            throws Exception {
        ApplicationContextRunner instance = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class, BelayAutoConfiguration.class))
            .withPropertyValues(database.springProperties())
            .withPropertyValues("spring.datasource.hikari.maximum-pool-size=2")
            .withUserConfiguration(CreateLog.class, SlowData.class, ConcurrentIndex.class);
        CyclicBarrier together = new CyclicBarrier(INSTANCES);
        ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<MigrationStatus>> started = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                started.add(threads.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    MigrationStatus[] status = new MigrationStatus[1];
                    instance.run((context) -> {
                        assertThat(context).hasNotFailed();
                        // Users of JdbcTemplate see the migrated schema.
                        assertThat(context.getBean(JdbcTemplate.class)
                            .queryForObject("SELECT count(*) FROM revision_log", Integer.class)).isEqualTo(3);
                        status[0] = context.getBean(MigrationRunner.class).status();
                    });
                    return status[0];
                }));
            }
            for (Future<MigrationStatus> each : started) {
                assertThat(each.get(120, TimeUnit.SECONDS).upToDate()).isTrue();
            }
        }
        finally {
            threads.shutdownNow();
        }
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        assertThat(jdbc.queryForList("SELECT id FROM revision_log ORDER BY id", String.class))
            .containsExactly("1_log", "2_slow", "3_index");
        assertThat(jdbc.queryForList("SELECT id FROM belay_history ORDER BY applied_rank", String.class))
            .containsExactly("1_log", "2_slow", "3_index");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'", Integer.class))
            .isZero();
    }

    @MigrationRevision(id = "1_log")
    static class CreateLog implements Revision {

        @Override
        public void up(Migrator migrator) {
            migrator.actions().execute("CREATE TABLE revision_log (id text)");
            migrator.jdbc().update("INSERT INTO revision_log VALUES ('1_log')");
        }

        @Override
        public void down(Migrator migrator) {
            migrator.actions().execute("DROP TABLE revision_log");
        }

    }

    /** Slow enough that every other instance is waiting for the lock while it runs. */
    @MigrationRevision(id = "2_slow", after = "1_log")
    static class SlowData implements Revision {

        @Override
        public void up(Migrator migrator) {
            migrator.jdbc().queryForObject("SELECT pg_sleep(0.5)::text", String.class);
            migrator.jdbc().update("INSERT INTO revision_log VALUES ('2_slow')");
        }

        @Override
        public void down(Migrator migrator) {
        }

    }

    @MigrationRevision(id = "3_index", after = "2_slow", transactional = false)
    static class ConcurrentIndex implements Revision {

        @Override
        public void up(Migrator migrator) {
            migrator.actions()
                .execute(new SqlStatement("CREATE INDEX CONCURRENTLY log_id ON revision_log (id)",
                        TransactionMode.NO_TRANSACTION));
            migrator.jdbc().update("INSERT INTO revision_log VALUES ('3_index')");
        }

        @Override
        public void down(Migrator migrator) {
        }

    }

}
