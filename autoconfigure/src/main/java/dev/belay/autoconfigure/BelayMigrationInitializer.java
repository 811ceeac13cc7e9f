package dev.belay.autoconfigure;

import dev.belay.runner.MigrationRunner;
import dev.belay.tenant.BelayTenants;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;

/**
 * Applies pending revisions while the context starts. Found by
 * {@link BelayMigrationInitializerDetector}, so that the {@code EntityManagerFactory},
 * {@code JdbcTemplate} and other database users are created only after it. A start that runs a
 * {@code belay} command does not migrate: {@code belay status} and {@code belay apply --dry-run}
 * show the database as it is, and {@code belay apply} applies when asked.
 */
final class BelayMigrationInitializer implements InitializingBean {

    private static final Log logger = LogFactory.getLog(BelayMigrationInitializer.class);

    private final MigrationRunner runner;

    private final @Nullable BelayTenants tenants;

    private final @Nullable String target;

    private final ObjectProvider<ApplicationArguments> arguments;

    private final @Nullable EarlyDatabaseDrift drift;

    /**
     * @param tenants the tenants to migrate instead of the application's own schema, or
     * {@code null} when there are none
     * @param drift where to start the drift check's database side once migrated, or {@code null}
     * when there is no drift check
     */
    BelayMigrationInitializer(MigrationRunner runner, @Nullable BelayTenants tenants, @Nullable String target,
            ObjectProvider<ApplicationArguments> arguments, @Nullable EarlyDatabaseDrift drift) {
        this.runner = runner;
        this.tenants = tenants;
        this.target = target;
        this.arguments = arguments;
        this.drift = drift;
    }

    @Override
    public void afterPropertiesSet() {
        if (BelayCommandLine.runsBelayCommand(this.arguments)) {
            logger.info("Not migrating at startup: the application was started to run a belay command");
            return;
        }
        if (this.tenants != null) {
            // Fails the start when a tenant fails with on-failure=stop; with continue, it logs them.
            this.tenants.migrateAll(this.target);
            return;
        }
        this.runner.apply(this.target);
        if (this.drift != null) {
            this.drift.start();
        }
    }

}
