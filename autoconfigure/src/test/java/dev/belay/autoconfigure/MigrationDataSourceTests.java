package dev.belay.autoconfigure;

import java.util.UUID;

import dev.belay.runner.MigrationRunner;
import dev.belay.test.PgBouncer;
import dev.belay.test.PostgresTest;
import dev.belay.test.RideRevisions.AddRideName;
import dev.belay.test.RideRevisions.CreateRide;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code belay.url}, {@code belay.user} and {@code belay.password}: Belay migrates over a
 * connection of its own, as Spring Boot's Flyway support does, while the application keeps its
 * {@code DataSource}: past a pooler in transaction mode, or as a user that owns the schema.
 */
@PostgresTest
class MigrationDataSourceTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(BelayAutoConfiguration.class, DataSourceAutoConfiguration.class,
                JdbcTemplateAutoConfiguration.class))
        .withUserConfiguration(CreateRide.class, AddRideName.class);

    MigrationDataSourceTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @Test
    void anApplicationBehindAPoolerInTransactionModeMigratesOverBelayUrl() {
        try (PgBouncer pooler = PgBouncer.start()) {
            this.contextRunner
                .withPropertyValues("spring.datasource.url=" + pooler.url(this.database),
                        "spring.datasource.username=" + this.database.user(),
                        "spring.datasource.password=" + this.database.password(), "belay.schema=behind_pooler",
                        "belay.url=" + this.database.url(), "belay.user=" + this.database.user(),
                        "belay.password=" + this.database.password())
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MigrationRunner.class).status().upToDate()).isTrue();
                    assertThat(context.getBean(JdbcTemplate.class)
                        .queryForObject("SELECT count(*) FROM behind_pooler.ride", Integer.class)).isZero();
                });
        }
        assertThat(this.jdbc.queryForList("SELECT id FROM behind_pooler.belay_history ORDER BY applied_rank",
                String.class))
            .containsExactly("20260101_ride", "20260102_name");
    }

    @Test
    void belayUserMigratesAsThatUserWhileTheApplicationKeepsItsOwn() {
        String owner = "belay_owner_" + UUID.randomUUID().toString().substring(0, 8);
        this.jdbc.execute("CREATE ROLE " + owner + " LOGIN PASSWORD 'owner secret'");
        this.jdbc.execute("GRANT CREATE ON DATABASE " + this.database.name() + " TO " + owner);
        try {
            this.contextRunner.withPropertyValues(this.database.springProperties())
                .withPropertyValues("belay.schema=owned", "belay.user=" + owner, "belay.password=owner secret")
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT current_user", String.class))
                        .isEqualTo(this.database.user());
                });
            assertThat(this.jdbc.queryForList("SELECT tableowner FROM pg_tables WHERE schemaname = 'owned'",
                    String.class))
                .containsOnly(owner)
                .hasSize(2);
            assertThat(this.jdbc.queryForObject("SELECT string_agg(DISTINCT applied_by, ',') FROM owned.belay_history",
                    String.class))
                .isEqualTo(owner);
        }
        finally {
            this.jdbc.execute("DROP SCHEMA IF EXISTS owned CASCADE");
            this.jdbc.execute("REVOKE ALL ON DATABASE " + this.database.name() + " FROM " + owner);
            this.jdbc.execute("DROP ROLE " + owner);
        }
    }

    @Test
    void withoutBelayUrlOrUserBelayMigratesThroughTheApplicationsDataSource() {
        this.contextRunner.withPropertyValues(this.database.springProperties())
            .withPropertyValues("belay.schema=shared")
            .run((context) -> assertThat(context.getBean(MigrationRunner.class).dataSource())
                .isSameAs(context.getBean(javax.sql.DataSource.class)));
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM shared.belay_history", Integer.class)).isEqualTo(2);
    }

}
