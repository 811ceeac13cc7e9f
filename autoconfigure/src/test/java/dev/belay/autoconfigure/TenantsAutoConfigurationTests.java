package dev.belay.autoconfigure;

import java.util.List;

import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.tenant.BelayTenants;
import dev.belay.tenant.Tenant;
import dev.belay.tenant.TenantMigrationException;
import dev.belay.tenant.TenantSettings.OnFailure;
import dev.belay.tenant.TenantSource;
import dev.belay.tenant.TenantStatus;
import dev.belay.test.PostgresTest;
import dev.belay.test.RideRevisions.AddRideName;
import dev.belay.test.RideRevisions.CreateRide;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class TenantsAutoConfigurationTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(BelayAutoConfiguration.class, DataSourceAutoConfiguration.class))
        .withUserConfiguration(CreateRide.class, AddRideName.class);

    TenantsAutoConfigurationTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void noSchemasYet() {
        this.jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%' OR nspname = 'app'",
                String.class)
            .forEach((schema) -> this.jdbc.execute("DROP SCHEMA \"" + schema + "\" CASCADE"));
    }

    @Test
    void withoutTenantsThereIsNoTenantsBeanAndTheApplicationsSchemaIsMigrated() {
        this.contextRunner.withPropertyValues(properties()).run((context) -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(BelayTenants.class);
        });
        assertThat(historyRows("app")).isEqualTo(2);
    }

    @Test
    void tenantSchemasNamedByAPropertyAreMigratedAtStartupInsteadOfTheApplicationsSchema() {
        this.contextRunner.withPropertyValues(properties())
            .withPropertyValues("belay.tenants.schemas=t_acme, t_globex")
            .run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(BelayTenants.class);
                assertThat(context.getBean(BelayTenants.class).status().tenants()).extracting(TenantStatus::tenant,
                        TenantStatus::standing)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("t_acme", TenantStatus.Standing.AT_HEAD),
                            org.assertj.core.groups.Tuple.tuple("t_globex", TenantStatus.Standing.AT_HEAD));
            });
        assertThat(historyRows("t_acme")).isEqualTo(2);
        assertThat(historyRows("t_globex")).isEqualTo(2);
        assertThat(this.jdbc.queryForObject("SELECT to_regclass('app.belay_history') IS NULL", Boolean.class))
            .as("the application's own schema is not migrated")
            .isTrue();
    }

    @Test
    void tenantsListedInYamlStyleAreFoundToo() {
        this.contextRunner.withPropertyValues(properties())
            .withPropertyValues("belay.tenants.schemas[0]=t_one", "belay.tenants.schemas[1]=t_two")
            .run((context) -> assertThat(context.getBean(BelayTenants.class).tenants()).extracting(Tenant::name)
                .containsExactly("t_one", "t_two"));
    }

    @Test
    void aTenantSourceBeanSuppliesTenantsBesideTheConfiguredOnes() {
        this.contextRunner.withPropertyValues(properties())
            .withPropertyValues("belay.tenants.schemas=t_configured")
            .withUserConfiguration(CustomerTenants.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(BelayTenants.class).tenants()).extracting(Tenant::name)
                    .containsExactly("t_configured", "customer-1", "customer-2");
            });
        assertThat(historyRows("t_customer_1")).isEqualTo(2);
        assertThat(historyRows("t_customer_2")).isEqualTo(2);
    }

    @Test
    void parallelismIsWhatThePoolCanSpareAtMostFourUnlessConfigured() {
        this.contextRunner.withPropertyValues(properties())
            .withPropertyValues("belay.tenants.schemas=t_a", "spring.datasource.hikari.maximum-pool-size=3")
            .run((context) -> assertThat(context.getBean(BelayTenants.class).settings().parallelism()).isEqualTo(2));
        this.contextRunner.withPropertyValues(properties())
            .withPropertyValues("belay.tenants.schemas=t_a", "spring.datasource.hikari.maximum-pool-size=20")
            .run((context) -> assertThat(context.getBean(BelayTenants.class).settings().parallelism()).isEqualTo(4));
        this.contextRunner.withPropertyValues(properties())
            .withPropertyValues("belay.tenants.schemas=t_a", "belay.tenants.parallelism=7", "belay.tenants.canary=2",
                    "belay.tenants.on-failure=continue")
            .run((context) -> {
                BelayTenants tenants = context.getBean(BelayTenants.class);
                assertThat(tenants.settings().parallelism()).isEqualTo(7);
                assertThat(tenants.settings().canary()).isEqualTo(2);
                assertThat(tenants.settings().onFailure()).isEqualTo(OnFailure.CONTINUE);
            });
    }

    @Test
    void aFailedTenantFailsTheStartWithStopAndNotWithContinue() {
        this.jdbc.execute("CREATE SCHEMA t_broken");
        this.jdbc.execute("CREATE TABLE t_broken.ride (id int)");
        this.contextRunner.withPropertyValues(properties())
            .withPropertyValues("belay.tenants.schemas=t_fine,t_broken,t_later", "belay.tenants.parallelism=1")
            .run((context) -> {
                assertThat(context).hasFailed();
                TenantMigrationException failure = BelayAutoConfigurationTests.findCause(context.getStartupFailure(),
                        TenantMigrationException.class);
                assertThat(failure.getMessage()).contains("t_broken: Applying revision '20260101_ride'")
                    .contains("Not started (left as they were): t_later.");
            });
        assertThat(this.jdbc.queryForObject("SELECT to_regnamespace('t_later') IS NULL", Boolean.class)).isTrue();
        this.contextRunner.withPropertyValues(properties())
            .withPropertyValues("belay.tenants.schemas=t_fine,t_broken,t_later", "belay.tenants.on-failure=continue")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(BelayTenants.class).status().notAtHead()).extracting(TenantStatus::tenant,
                        TenantStatus::standing)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("t_broken", TenantStatus.Standing.FAILED));
            });
        assertThat(historyRows("t_later")).isEqualTo(2);
    }

    @Test
    void sharedRevisionsBuildTheApplicationsSchemaAndTheOthersEveryTenantAndNeedTenants() {
        this.contextRunner.withPropertyValues(properties())
            .withPropertyValues("belay.tenants.schemas=t_one,t_two")
            .withUserConfiguration(CreatePlans.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                BelayTenants tenants = context.getBean(BelayTenants.class);
                assertThat(tenants.application()).isPresent();
                assertThat(tenants.status().allAtHead()).isTrue();
            });
        assertThat(this.jdbc.queryForList("SELECT id FROM app.belay_history", String.class))
            .containsExactly(CreatePlans.ID);
        assertThat(this.jdbc.queryForList("SELECT id FROM t_one.belay_history ORDER BY applied_rank", String.class))
            .containsExactly(CreateRide.ID, "20260102_name");

        this.contextRunner.withPropertyValues(properties())
            .withUserConfiguration(CreatePlans.class)
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageStartingWith("Revision '" + CreatePlans.ID + "' (" + CreatePlans.class.getName() + ")")
                .hasMessageContaining("is shared (of the application's own schema, beside every tenant's), but this "
                        + "application has no tenants."));
    }

    private String[] properties() {
        return new String[] { "spring.datasource.url=" + this.database.url(),
                "spring.datasource.username=" + this.database.user(),
                "spring.datasource.password=" + this.database.password(), "belay.schema=app" };
    }

    private int historyRows(String schema) {
        return this.jdbc.queryForObject("SELECT count(*) FROM \"" + schema + "\".belay_history", Integer.class);
    }

    @MigrationRevision(id = CreatePlans.ID, message = "plans", shared = true)
    static class CreatePlans implements Revision {

        static final String ID = "20251231_plans";

        @Override
        public void up(Migrator migrator) {
            migrator.actions().execute("CREATE TABLE plan (id bigint PRIMARY KEY)");
        }

        @Override
        public void down(Migrator migrator) {
            migrator.actions().execute("DROP TABLE plan");
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class CustomerTenants {

        @Bean
        TenantSource customers() {
            return () -> List.of(Tenant.schema("customer-1", "t_customer_1"),
                    Tenant.schema("customer-2", "t_customer_2"));
        }

    }

}
