package dev.belay.autoconfigure;

import java.util.List;

import dev.belay.tenant.TenantSource;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application has tenants: {@code belay.tenants.schemas} names some (as a comma
 * separated value or as a list), or a {@link TenantSource} bean supplies them.
 */
final class OnTenantsCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        List<String> schemas = Binder.get(context.getEnvironment())
            .bind("belay.tenants.schemas", Bindable.listOf(String.class))
            .orElse(List.of())
            .stream()
            .filter((schema) -> !schema.isBlank())
            .toList();
        if (!schemas.isEmpty()) {
            return ConditionOutcome.match("belay.tenants.schemas names " + schemas.size() + " tenants");
        }
        if (context.getBeanFactory() != null
                && context.getBeanFactory().getBeanNamesForType(TenantSource.class, true, false).length > 0) {
            return ConditionOutcome.match("a TenantSource bean supplies tenants");
        }
        return ConditionOutcome.noMatch("no belay.tenants.schemas and no TenantSource bean");
    }

}
