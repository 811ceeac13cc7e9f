package dev.belay.tenant;

import java.util.Objects;

import dev.belay.runner.MigrationResult;

import org.jspecify.annotations.Nullable;

/**
 * What bringing one tenant to the target did.
 *
 * @param tenant the tenant's name
 * @param schema the tenant's schema, where known
 * @param state what happened
 * @param result what the runner did, when it ran
 * @param error why it failed, when it did
 * @param totalMs how long the tenant took, waiting for its lock included
 */
public record TenantOutcome(String tenant, @Nullable String schema, State state, @Nullable MigrationResult result,
        @Nullable String error, long totalMs) {

    public TenantOutcome {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(state, "state");
    }

    static TenantOutcome upToDate(Tenant tenant, String schema) {
        return new TenantOutcome(tenant.name(), schema, State.UP_TO_DATE, null, null, 0);
    }

    static TenantOutcome ran(Tenant tenant, MigrationResult result) {
        return new TenantOutcome(tenant.name(), result.schema(),
                result.revisions().isEmpty() ? State.UP_TO_DATE : State.MIGRATED, result, null, result.totalMs());
    }

    static TenantOutcome failed(Tenant tenant, @Nullable String schema, String error, long totalMs) {
        return new TenantOutcome(tenant.name(), schema, State.FAILED, null, error, totalMs);
    }

    static TenantOutcome notStarted(Tenant tenant, @Nullable String schema) {
        return new TenantOutcome(tenant.name(), schema, State.NOT_STARTED, null, null, 0);
    }

    /** How many revisions ran. */
    public int revisionsRun() {
        return (this.result != null) ? this.result.revisions().size() : 0;
    }

    /** What happened to a tenant. */
    public enum State {

        /** Nothing was pending. */
        UP_TO_DATE,

        /** Its pending revisions were applied. */
        MIGRATED,

        /** A revision failed (and was rolled back), or the tenant's database could not be reached. */
        FAILED,

        /** Left as it was, because another tenant failed first. */
        NOT_STARTED

    }

}
