package dev.belay.sample.tenants;

import java.util.Map;
import java.util.regex.Pattern;

import dev.belay.runner.MigrationResult;
import dev.belay.tenant.BelayTenants;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sign-up: {@code POST /tenants/{name}} creates the tenant's schema and brings it to the head
 * while the ride log runs, so that requests with {@code X-Tenant: name} work at once.
 */
@RestController
@ConditionalOnProperty("belay.tenants.schemas")
class TenantController {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final BelayTenants tenants;

    TenantController(BelayTenants tenants) {
        this.tenants = tenants;
    }

    @PostMapping("/tenants/{name}")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> signUp(@PathVariable String name) {
        if (!NAME.matcher(name).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A tenant's name is its schema's: lower-case "
                    + "letters, digits and underscores, starting with a letter, at most 63 characters.");
        }
        MigrationResult result = this.tenants.migrate(name);
        return Map.of("tenant", name, "schema", result.schema(), "applied", result.ids());
    }

}
