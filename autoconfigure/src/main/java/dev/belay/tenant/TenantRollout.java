package dev.belay.tenant;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.belay.revision.MigrationException;
import dev.belay.tenant.TenantOutcome.State;
import dev.belay.tenant.TenantSettings.OnFailure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Runs one piece of work (a migration, a rollback) on many tenants as a staged rollout: the
 * canaries first, on their own, then the rest, {@code parallelism} at a time on threads of its
 * own, starting no new tenant after a failure when {@code on-failure=stop}. Each tenant's failure
 * is caught, logged and kept as its outcome (and in {@code failures}, by tenant name, until it
 * next succeeds).
 */
final class TenantRollout {

    private static final Log logger = LogFactory.getLog(TenantRollout.class);

    private final TenantSettings settings;

    private final Function<Tenant, @Nullable String> schemaOf;

    private final Map<String, String> failures;

    TenantRollout(TenantSettings settings, Function<Tenant, @Nullable String> schemaOf, Map<String, String> failures) {
        this.settings = settings;
        this.schemaOf = schemaOf;
        this.failures = failures;
    }

    /**
     * Runs the work on each tenant: the canaries first, then the rest, {@code parallelism} at a
     * time, starting no new tenant after a failure when {@code on-failure=stop}.
     * @throws TenantMigrationException when a canary failed (the rest are not started)
     */
    Map<Tenant, TenantOutcome> run(List<Tenant> tenants, String what, Function<Tenant, TenantOutcome> work) {
        Map<Tenant, TenantOutcome> outcomes = new IdentityHashMap<>();
        if (tenants.isEmpty()) {
            return outcomes;
        }
        int canaries = Math.min(this.settings.canary(), tenants.size());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(this.settings.parallelism(), tenants.size()),
                threads(Thread.currentThread().getContextClassLoader()));
        try {
            outcomes.putAll(runAll(executor, tenants.subList(0, canaries), work, stop, true));
            if (outcomes.values().stream().anyMatch((outcome) -> outcome.state() == State.FAILED)) {
                tenants.subList(canaries, tenants.size())
                    .forEach((tenant) -> outcomes.put(tenant, TenantOutcome.notStarted(tenant, this.schemaOf.apply(tenant))));
                TenantsResult result = new TenantsResult(tenants.stream().map(outcomes::get).toList(), 0, 0);
                List<TenantOutcome> failed = result.inState(State.FAILED);
                throw new TenantMigrationException("Canary " + ((failed.size() == 1) ? "tenant " : "tenants ")
                        + TenantsResult.names(failed, 20) + " failed to " + what + ", so no other tenant was touched. "
                        + result.summary(), "Each failed revision was rolled back: fix what the error names, then "
                                + "start again (the canaries go first again).", result);
            }
            outcomes.putAll(runAll(executor, tenants.subList(canaries, tenants.size()), work, stop,
                    this.settings.onFailure() == OnFailure.STOP));
        }
        finally {
            executor.shutdownNow();
        }
        return outcomes;
    }

    private Map<Tenant, TenantOutcome> runAll(ExecutorService executor, List<Tenant> tenants,
            Function<Tenant, TenantOutcome> work, AtomicBoolean stop, boolean stopOnFailure) {
        Map<Tenant, Future<TenantOutcome>> futures = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            futures.put(tenant, executor.submit(() -> {
                if (stop.get()) {
                    return TenantOutcome.notStarted(tenant, this.schemaOf.apply(tenant));
                }
                long started = System.nanoTime();
                try {
                    TenantOutcome outcome = work.apply(tenant);
                    this.failures.remove(tenant.name());
                    return outcome;
                }
                catch (RuntimeException ex) {
                    if (stopOnFailure) {
                        stop.set(true);
                    }
                    String message = message(ex);
                    this.failures.put(tenant.name(), message);
                    logger.error("Tenant '" + tenant.name() + "' failed: " + message, ex);
                    return TenantOutcome.failed(tenant, this.schemaOf.apply(tenant), message, millisSince(started));
                }
            }));
        }
        Map<Tenant, TenantOutcome> outcomes = new IdentityHashMap<>();
        futures.forEach((tenant, future) -> outcomes.put(tenant, await(future)));
        return outcomes;
    }

    private static TenantOutcome await(Future<TenantOutcome> future) {
        try {
            return future.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while tenants were migrating.",
                    "Each tenant's runner finishes or rolls back its revision; start again.", ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("A tenant's migration failed unexpectedly", ex.getCause());
        }
    }

    private static ThreadFactory threads(@Nullable ClassLoader classLoader) {
        AtomicInteger count = new AtomicInteger();
        return (task) -> {
            Thread thread = new Thread(task, "belay-tenants-" + count.incrementAndGet());
            thread.setDaemon(true);
            // Revisions find their resources (a baseline's schema) through it.
            thread.setContextClassLoader(classLoader);
            return thread;
        };
    }

    static String message(Throwable ex) {
        return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

}
