package dev.belay.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import dev.belay.runner.MigrationRunner;
import dev.belay.tenant.BelayTenants;
import dev.belay.schema.jpa.JpaDesiredSchema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.workbench.DesiredSchemaSource;
import dev.belay.workbench.DevDatabase;
import dev.belay.workbench.DriftDetector;
import dev.belay.workbench.GenerateSettings;
import dev.belay.workbench.SchemaWorkbench;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * The {@link SchemaWorkbench} behind {@code belay generate}, {@code diff}, {@code check} and the
 * endpoint's drift, and the drift check at startup ({@code belay.drift}). Active when Belay
 * migrates the application's data source and has its JPA mapping.
 */
@AutoConfiguration(after = { BelayAutoConfiguration.class, BelayJpaAutoConfiguration.class })
@ConditionalOnClass(name = "org.hibernate.boot.Metadata")
@ConditionalOnBean(type = { "dev.belay.runner.MigrationRunner", "dev.belay.schema.jpa.JpaDesiredSchema" })
@ConditionalOnBooleanProperty(name = "belay.enabled", matchIfMissing = true)
public final class BelayWorkbenchAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SchemaWorkbench belaySchemaWorkbench(MigrationRunner runner, JpaDesiredSchema desired,
            ObjectProvider<SchemaInspector> inspector, ObjectProvider<DevDatabase> dev, BelayProperties properties,
            BeanFactory beanFactory) {
        return new SchemaWorkbench(runner, DesiredSchemaSource.of(desired),
                inspector.getIfAvailable(SchemaInspector::new), generateSettings(properties, beanFactory),
                Clock.systemUTC(), dev.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    DriftDetector belayDriftDetector(MigrationRunner runner, JpaDesiredSchema desired,
            ObjectProvider<SchemaInspector> inspector, BeanFactory beanFactory) {
        ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable
                && configurable.getBeanClassLoader() != null) ? configurable.getBeanClassLoader()
                        : ClassUtils.getDefaultClassLoader();
        return new DriftDetector(runner, inspector.getIfAvailable(SchemaInspector::new), desired::ddl, classLoader);
    }

    @Bean
    BelayDriftCheck belayDriftCheck(DriftDetector detector, BelayProperties properties,
            ObjectProvider<ApplicationArguments> arguments, ObjectProvider<EarlyDatabaseDrift> early,
            ObjectProvider<BelayTenants> tenants) {
        return new BelayDriftCheck(detector, properties.getDrift(), arguments, early, tenants);
    }

    /**
     * The configured directory and package; by default the package of the application's
     * {@code @SpringBootApplication} (its auto-configuration package) followed by {@code .migrations}.
     */
    static GenerateSettings generateSettings(BelayProperties properties, BeanFactory beanFactory) {
        String packageName = properties.getGenerate().getPackage();
        if (packageName == null || packageName.isBlank()) {
            packageName = defaultPackage(beanFactory);
        }
        Path directory = Path.of(properties.getGenerate().getDirectory());
        String resources = properties.getGenerate().getResourcesDirectory();
        return (resources != null && !resources.isBlank())
                ? new GenerateSettings(directory, packageName, Path.of(resources))
                : new GenerateSettings(directory, packageName);
    }

    private static @Nullable String defaultPackage(BeanFactory beanFactory) {
        if (!AutoConfigurationPackages.has(beanFactory)) {
            return null;
        }
        List<String> packages = AutoConfigurationPackages.get(beanFactory);
        if (packages.isEmpty()) {
            return null;
        }
        return packages.get(0).isEmpty() ? "migrations" : packages.get(0) + ".migrations";
    }

}
