package dev.belay.tenant;

import java.util.Objects;

/**
 * How {@link BelayTenants} brings many tenants to the target.
 *
 * @param parallelism how many tenants migrate at once (each on a connection of its own)
 * @param canary how many tenants with pending revisions migrate first, on their own: if any of
 * them fails, no other tenant is touched
 * @param onFailure what a failed tenant does to those not started yet
 */
public record TenantSettings(int parallelism, int canary, OnFailure onFailure) {

    /** Belay's default parallelism when the pool does not say how much it can spare. */
    public static final int MAX_DEFAULT_PARALLELISM = 4;

    public TenantSettings {
        if (parallelism < 1) {
            throw new IllegalArgumentException("belay.tenants.parallelism must be at least 1, but is " + parallelism);
        }
        if (canary < 0) {
            throw new IllegalArgumentException("belay.tenants.canary must not be negative, but is " + canary);
        }
        Objects.requireNonNull(onFailure, "onFailure");
    }

    /** Four at a time, no canaries, stop at the first failure. */
    public static TenantSettings defaults() {
        return new TenantSettings(MAX_DEFAULT_PARALLELISM, 0, OnFailure.STOP);
    }

    /** What a tenant that fails to migrate does to the others. */
    public enum OnFailure {

        /**
         * Start no new tenant, let those running finish, and fail (the start, or the command) with
         * every tenant's state.
         */
        STOP,

        /**
         * Migrate every other tenant, then report the failed ones (a start goes on; a command exits
         * non-zero).
         */
        CONTINUE

    }

}
