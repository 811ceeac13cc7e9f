package dev.belay.autoconfigure;

import dev.belay.runner.MigrationRunner;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;

/**
 * Applies pending revisions while the context starts. Found by
 * {@link BelayMigrationInitializerDetector}, so that the {@code EntityManagerFactory},
 * {@code JdbcTemplate} and other database users are created only after it.
 */
final class BelayMigrationInitializer implements InitializingBean {

    private final MigrationRunner runner;

    private final @Nullable String target;

    BelayMigrationInitializer(MigrationRunner runner, @Nullable String target) {
        this.runner = runner;
        this.target = target;
    }

    @Override
    public void afterPropertiesSet() {
        this.runner.apply(this.target);
    }

}
