package dev.belay.tenant;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where one tenant stands against the application's revisions.
 *
 * @param tenant the tenant's name
 * @param schema the tenant's schema, where known
 * @param standing where it stands
 * @param current its applied revisions that no applied revision comes after
 * @param pending how many of the application's revisions it lacks
 * @param error why it failed to migrate in this process, or why it could not be read
 */
public record TenantStatus(String tenant, @Nullable String schema, Standing standing, List<String> current,
        int pending, @Nullable String error) {

    public TenantStatus {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(standing, "standing");
        current = List.copyOf(current);
    }

    /** Where a tenant stands. */
    public enum Standing {

        /** Every revision is applied. */
        AT_HEAD,

        /** Some revisions are pending. */
        BEHIND,

        /** Its last migration in this process failed, and revisions are still pending. */
        FAILED,

        /**
         * A non-transactional revision started and did not finish (or is running right now).
         */
        INCOMPLETE,

        /** It has revisions that this application does not. */
        UNKNOWN_REVISIONS,

        /** Its database could not be read. */
        UNREACHABLE

    }

}
