package dev.belay.autoconfigure;

import javax.sql.DataSource;

import dev.belay.runner.MigrationRunner;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

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
            ConfigurableListableBeanFactory beanFactory) {
        return new MigrationRunner(dataSource, properties.toSettings(), RevisionBeans.revisions(beanFactory));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "belay.migrate-on-startup", matchIfMissing = true)
    @ConditionalOnMissingBean
    BelayMigrationInitializer belayMigrationInitializer(MigrationRunner runner, BelayProperties properties,
            ObjectProvider<ApplicationArguments> arguments) {
        return new BelayMigrationInitializer(runner, properties.getTarget(), arguments);
    }

    @Bean
    BelaySchemaManagementProvider belaySchemaManagementProvider(ObjectProvider<MigrationRunner> runners) {
        return new BelaySchemaManagementProvider(runners);
    }

}
