package dev.belay.tenant;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.belay.runner.MigrationStatus;
import dev.belay.tenant.TenantStatus.Standing;

import org.jspecify.annotations.Nullable;

/**
 * Where every tenant stands, in the tenants' order.
 *
 * @param heads the heads of the tenants' revision graph
 * @param tenants each tenant's status
 * @param application where the application's own schema stands against the shared revisions, or
 * {@code null} when there are none
 */
public record TenantsStatus(List<String> heads, List<TenantStatus> tenants, @Nullable MigrationStatus application) {

    public TenantsStatus {
        heads = List.copyOf(heads);
        tenants = List.copyOf(tenants);
    }

    /** Where tenants stand, without shared revisions. */
    public TenantsStatus(List<String> heads, List<TenantStatus> tenants) {
        this(heads, tenants, null);
    }

    /** The tenants in the given standing. */
    public List<TenantStatus> in(Standing standing) {
        return this.tenants.stream().filter((tenant) -> tenant.standing() == standing).toList();
    }

    /** The tenants that are not at head, in the tenants' order. */
    public List<TenantStatus> notAtHead() {
        return this.tenants.stream().filter((tenant) -> tenant.standing() != Standing.AT_HEAD).toList();
    }

    /** Whether every tenant is at head (and the application's own schema at its shared revisions' heads). */
    public boolean allAtHead() {
        return notAtHead().isEmpty() && (this.application == null || this.application.upToDate());
    }

    /** How many tenants stand where, for the standings that have any, in the enum's order. */
    public Map<Standing, Integer> counts() {
        return this.tenants.stream()
            .collect(Collectors.groupingBy(TenantStatus::standing, TreeMap::new,
                    Collectors.collectingAndThen(Collectors.counting(), Long::intValue)));
    }

}
