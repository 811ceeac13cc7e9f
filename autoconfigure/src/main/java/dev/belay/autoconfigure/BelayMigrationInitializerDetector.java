package dev.belay.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link BelayMigrationInitializer}: beans that depend on
 * an initialized database (JPA, {@code JdbcTemplate}, ...) wait for it.
 */
final class BelayMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(BelayMigrationInitializer.class);
    }

    @Override
    public int getOrder() {
        return 1;
    }

}
