package dev.belay.tenant;

import dev.belay.revision.MigrationException;

/**
 * Some tenants could not be brought to the target: the message names them with why, and the
 * tenants left as they were; {@link #result()} has every tenant's outcome.
 */
public class TenantMigrationException extends MigrationException {

    private final TenantsResult result;

    public TenantMigrationException(String problem, String fix, TenantsResult result) {
        super(problem, fix);
        this.result = result;
    }

    /** Every tenant's outcome. */
    public TenantsResult result() {
        return this.result;
    }

}
