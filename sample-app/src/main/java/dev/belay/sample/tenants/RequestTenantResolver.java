package dev.belay.sample.tenants;

import java.util.List;

import dev.belay.sample.rides.CurrentTenant;
import dev.belay.tenant.BelayTenants;
import dev.belay.tenant.Tenant;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The tenant of the current request, by its {@code X-Tenant} header: the first tenant when the
 * request names none (and outside a request); a tenant Belay does not know is a 404 that names
 * the tenants there are. The identifier is the tenant's schema, which is its name for the
 * tenants {@code belay.tenants.schemas} names and those {@link BelayTenants#migrate(String)} adds.
 * <p>
 * Hibernate asks it for the schema of each session; {@code GpxStorage} asks it, as the
 * {@link CurrentTenant}, for the directory of the request's tracks.
 */
final class RequestTenantResolver implements CurrentTenantIdentifierResolver<String>, CurrentTenant {

    static final String HEADER = "X-Tenant";

    private final BelayTenants tenants;

    RequestTenantResolver(BelayTenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public String resolveCurrentTenantIdentifier() {
        List<String> names = this.tenants.tenants().stream().map(Tenant::name).toList();
        String requested = (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
                ? request.getRequest().getHeader(HEADER) : null;
        if (requested == null || requested.isBlank()) {
            return names.get(0);
        }
        if (!names.contains(requested)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no tenant '" + requested
                    + "': the tenants are " + String.join(", ", names) + " (POST /tenants/{name} adds one).");
        }
        return requested;
    }

    @Override
    public String schema() {
        return resolveCurrentTenantIdentifier();
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

}
