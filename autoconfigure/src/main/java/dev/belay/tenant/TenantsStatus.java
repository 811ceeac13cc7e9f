package dev.belay.tenant;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.belay.tenant.TenantStatus.Standing;

/**
 * Where every tenant stands, in the tenants' order.
 *
 * @param heads the heads of the application's revision graph
 * @param tenants each tenant's status
 */
public record TenantsStatus(List<String> heads, List<TenantStatus> tenants) {

    public TenantsStatus {
        heads = List.copyOf(heads);
        tenants = List.copyOf(tenants);
    }

    /** The tenants in the given standing. */
    public List<TenantStatus> in(Standing standing) {
        return this.tenants.stream().filter((tenant) -> tenant.standing() == standing).toList();
    }

    /** The tenants that are not at head, in the tenants' order. */
    public List<TenantStatus> notAtHead() {
        return this.tenants.stream().filter((tenant) -> tenant.standing() != Standing.AT_HEAD).toList();
    }

    /** Whether every tenant is at head. */
    public boolean allAtHead() {
        return notAtHead().isEmpty();
    }

    /** How many tenants stand where, for the standings that have any, in the enum's order. */
    public Map<Standing, Integer> counts() {
        return this.tenants.stream()
            .collect(Collectors.groupingBy(TenantStatus::standing, TreeMap::new,
                    Collectors.collectingAndThen(Collectors.counting(), Long::intValue)));
    }

}
