package dev.belay.autoconfigure;

import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationRunner;
import dev.belay.tenant.BelayTenants;
import dev.belay.tenant.TenantSettings;
import dev.belay.tenant.TenantSource;
import dev.belay.workbench.DevDatabase;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.metadata.CompositeDataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Belay's migrations: a {@link MigrationRunner} for the application's {@code DataSource} and its
 * revision beans, and (unless {@code belay.migrate-on-startup=false}) a start-up migration that
 * the {@code EntityManagerFactory}, {@code JdbcTemplate} and other database users wait for.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.jdbc.core.JdbcTemplate")
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "belay.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BelayProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class BelayAutoConfiguration {

    @Bean
    static RevisionBeanDefinitions belayRevisionBeanDefinitions() {
        return new RevisionBeanDefinitions();
    }

    @Bean
    @ConditionalOnMissingBean
    MigrationRunner belayMigrationRunner(DataSource dataSource, BelayProperties properties,
            ConfigurableListableBeanFactory beanFactory, Environment environment) {
        // With tenants, the runner's revisions are the tenants' (BelayTenants runs them on each
        // tenant's schema); the shared ones are BelayTenants' own runner's, on this schema.
        boolean tenants = OnTenantsCondition.tenantsConfigured(environment, beanFactory);
        if (!tenants) {
            RevisionBeans.refuseShared(beanFactory);
        }
        return new MigrationRunner(migrationDataSource(dataSource, properties),
                properties.toSettings(otherToolsTables(environment)),
                tenants ? RevisionBeans.revisions(beanFactory, false) : RevisionBeans.revisions(beanFactory));
    }

    /**
     * The history tables that Flyway and Liquibase use under the names the application gives
     * them (read as plain properties: neither tool need be on the class path, since a database
     * taken over from them keeps their tables after they have gone).
     */
    static List<String> otherToolsTables(Environment environment) {
        return Stream.of("spring.flyway.table", "spring.liquibase.database-change-log-table",
                "spring.liquibase.database-change-log-lock-table")
            .map(environment::getProperty)
            .filter((table) -> table != null && !table.isBlank())
            .toList();
    }

    /**
     * The data source Belay migrates through: the application's, or (as Spring Boot does for
     * Flyway) one of its own when {@code belay.url} or {@code belay.user} says otherwise, opening
     * a plain connection per use, so that no pooler sits between the migration and its lock.
     */
    static DataSource migrationDataSource(DataSource dataSource, BelayProperties properties) {
        if (properties.getUrl() != null && !properties.getUrl().isBlank()) {
            return DataSourceBuilder.create()
                .type(SimpleDriverDataSource.class)
                .url(properties.getUrl())
                .username(properties.getUser())
                .password(properties.getPassword())
                .build();
        }
        if (properties.getUser() != null && !properties.getUser().isBlank()) {
            return DataSourceBuilder.derivedFrom(dataSource)
                .type(SimpleDriverDataSource.class)
                .username(properties.getUser())
                .password(properties.getPassword())
                .build();
        }
        return dataSource;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "belay.migrate-on-startup", matchIfMissing = true)
    @ConditionalOnMissingBean
    BelayMigrationInitializer belayMigrationInitializer(MigrationRunner runner, BelayProperties properties,
            ObjectProvider<ApplicationArguments> arguments, EarlyDatabaseDrift drift,
            ObjectProvider<BelayTenants> tenants, ConfigurableListableBeanFactory beanFactory) {
        // Only an application with a drift check (JPA, and belay.drift not off) reads ahead for it.
        boolean checks = properties.getDrift() != BelayProperties.Drift.OFF
                && beanFactory.getBeanNamesForType(BelayDriftCheck.class, false, false).length > 0;
        return new BelayMigrationInitializer(runner, tenants.getIfAvailable(), properties.getTarget(), arguments,
                checks ? drift : null);
    }

    @Bean
    EarlyDatabaseDrift belayEarlyDatabaseDrift(MigrationRunner runner) {
        return new EarlyDatabaseDrift(runner);
    }

    @Bean
    @ConditionalOnProperty("belay.dev-url")
    @ConditionalOnMissingBean
    DevDatabase belayDevDatabase(BelayProperties properties, MigrationRunner runner) {
        return new BelayDevDatabase(properties.getDevUrl(), runner.dataSource());
    }

    /**
     * Many tenants, when {@code belay.tenants.schemas} names some or a {@link TenantSource} bean
     * supplies them: every tenant is migrated instead of the application's own schema.
     */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnTenantsCondition.class)
    static class TenantsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        BelayTenants belayTenants(MigrationRunner runner, BelayProperties properties,
                ObjectProvider<TenantSource> sources, ObjectProvider<DataSourcePoolMetadataProvider> pools,
                ConfigurableListableBeanFactory beanFactory) {
            BelayProperties.Tenants tenants = properties.getTenants();
            int parallelism = (tenants.getParallelism() != null) ? tenants.getParallelism()
                    : defaultParallelism(runner.dataSource(), pools.orderedStream().toList());
            Revisions shared = RevisionBeans.revisions(beanFactory, true);
            return new BelayTenants(runner, shared.graph().isEmpty() ? null : runner.withRevisions(shared),
                    tenants.schemaNames(), sources.orderedStream().toList(),
                    new TenantSettings(parallelism, tenants.getCanary(), tenants.getOnFailure()),
                    properties.getTarget());
        }

        /**
         * What the migration's pool can spare (its maximum size less one, for the application's
         * own use while tenants migrate), at most {@value TenantSettings#MAX_DEFAULT_PARALLELISM};
         * that many when the pool does not say (a plain data source opens a connection per use).
         */
        static int defaultParallelism(DataSource dataSource, List<DataSourcePoolMetadataProvider> pools) {
            DataSourcePoolMetadata pool = new CompositeDataSourcePoolMetadataProvider(pools)
                .getDataSourcePoolMetadata(dataSource);
            Integer max = (pool != null) ? pool.getMax() : null;
            if (max == null || max < 0) {
                return TenantSettings.MAX_DEFAULT_PARALLELISM;
            }
            return Math.max(1, Math.min(TenantSettings.MAX_DEFAULT_PARALLELISM, max - 1));
        }

    }

    @Bean
    BelaySchemaManagementProvider belaySchemaManagementProvider(ObjectProvider<MigrationRunner> runners) {
        return new BelaySchemaManagementProvider(runners);
    }

}
