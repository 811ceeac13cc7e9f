package dev.belay.autoconfigure;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.belay.autoconfigure.BelayProperties.Drift;
import dev.belay.tenant.BelayTenants;
import dev.belay.workbench.DatabaseDrift;
import dev.belay.workbench.DriftDetector;
import dev.belay.workbench.MappingDrift;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;

/**
 * Compares, once the application's singletons exist (and so after the migration at startup, which
 * has already started reading the database side, see {@link EarlyDatabaseDrift}), the
 * database with what its revisions built and the JPA mapping with what the revisions were written
 * for, by fingerprint: no DDL, nothing built, no right needed beyond reading the catalog and the
 * history table. {@code belay.drift=warn} logs what differs, {@code fail} stops the start with it,
 * {@code off} does not compare. It runs once per application context, and not at all when the
 * application was started to run a {@code belay} command, which looks at the schema itself (and
 * {@code belay generate} must work precisely when the mapping differs).
 */
final class BelayDriftCheck implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog(BelayDriftCheck.class);

    private final DriftDetector detector;

    private final Drift mode;

    private final ObjectProvider<ApplicationArguments> arguments;

    private final ObjectProvider<EarlyDatabaseDrift> early;

    private final ObjectProvider<BelayTenants> tenants;

    private final AtomicBoolean done = new AtomicBoolean();

    /**
     * @param early the database side, when the migration at startup started it already
     */
    BelayDriftCheck(DriftDetector detector, Drift mode, ObjectProvider<ApplicationArguments> arguments,
            ObjectProvider<EarlyDatabaseDrift> early, ObjectProvider<BelayTenants> tenants) {
        this.detector = detector;
        this.mode = mode;
        this.arguments = arguments;
        this.early = early;
        this.tenants = tenants;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (this.mode == Drift.OFF || BelayCommandLine.runsBelayCommand(this.arguments)
                || !this.done.compareAndSet(false, true)) {
            return;
        }
        if (this.tenants.getIfAvailable() != null) {
            checkMapping();
            return;
        }
        long started = System.nanoTime();
        dev.belay.workbench.Drift drift;
        try {
            EarlyDatabaseDrift early = this.early.getIfAvailable();
            drift = (early != null) ? early.take().map(this.detector::detect).orElseGet(this.detector::detect)
                    : this.detector.detect();
        }
        catch (RuntimeException ex) {
            if (this.mode == Drift.FAIL) {
                throw ex;
            }
            // A warning must not stop the application, even when the comparison itself fails.
            logger.warn("Belay could not compare the database schema with what its revisions built and the JPA "
                    + "mapping (belay.drift=warn): " + ex.getMessage() + " Set belay.drift=off to skip the comparison.",
                    ex);
            return;
        }
        if (logger.isDebugEnabled()) {
            logger.debug("Compared schema " + drift.status().schema() + " and the JPA mapping by fingerprint in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms: database " + describe(drift.database().state(),
                            drift.database().note())
                    + ", mapping " + describe(drift.mapping().state(), drift.mapping().note()));
        }
        if (drift.matches()) {
            return;
        }
        String report = DriftReport.both(drift.status().schema(), drift.database(), drift.mapping(), this.mode);
        if (this.mode == Drift.FAIL) {
            throw new SchemaDriftException(report);
        }
        logger.warn(report);
    }

    /**
     * With many tenants, the mapping against what the revisions were written for, once for all of
     * them (they share the chain); each tenant's database side is compared on demand
     * ({@code belay check --all-tenants}, {@code /actuator/belay/tenants/{name}}), since reading
     * every tenant's schema at every start would cost what reading their histories at once saves.
     */
    private void checkMapping() {
        MappingDrift mapping;
        try {
            mapping = this.detector.mapping();
        }
        catch (RuntimeException ex) {
            if (this.mode == Drift.FAIL) {
                throw ex;
            }
            logger.warn("Belay could not compare the JPA mapping with what its revisions were written for "
                    + "(belay.drift=warn): " + ex.getMessage(), ex);
            return;
        }
        if (!mapping.differs()) {
            return;
        }
        String report = DriftReport.mapping(mapping, " (belay.drift=" + this.mode.name().toLowerCase(Locale.ROOT) + ")");
        if (this.mode == Drift.FAIL) {
            throw new SchemaDriftException(report);
        }
        logger.warn(report);
    }

    private static String describe(DatabaseDrift.State state, String note) {
        return state.name().toLowerCase(java.util.Locale.ROOT) + ((note != null) ? " (" + note + ")" : "");
    }

}
