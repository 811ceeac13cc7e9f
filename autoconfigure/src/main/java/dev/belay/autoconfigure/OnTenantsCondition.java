package dev.belay.autoconfigure;

import java.util.List;

import dev.belay.tenant.TenantSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application has tenants: {@code belay.tenants.schemas} names some (as a comma
 * separated value or as a list), or a {@link TenantSource} bean supplies them.
 */
final class OnTenantsCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        int schemas = schemas(context.getEnvironment()).size();
        if (schemas > 0) {
            return ConditionOutcome.match("belay.tenants.schemas names " + schemas + " tenants");
        }
        if (hasTenantSource(context.getBeanFactory())) {
            return ConditionOutcome.match("a TenantSource bean supplies tenants");
        }
        return ConditionOutcome.noMatch("no belay.tenants.schemas and no TenantSource bean");
    }

    /** Whether the application has tenants, as the condition says, once its beans are defined. */
    static boolean tenantsConfigured(Environment environment, @Nullable ListableBeanFactory beanFactory) {
        return !schemas(environment).isEmpty() || hasTenantSource(beanFactory);
    }

    private static List<String> schemas(Environment environment) {
        return Binder.get(environment)
            .bind("belay.tenants.schemas", Bindable.listOf(String.class))
            .orElse(List.of())
            .stream()
            .filter((schema) -> !schema.isBlank())
            .toList();
    }

    private static boolean hasTenantSource(@Nullable ListableBeanFactory beanFactory) {
        return beanFactory != null && beanFactory.getBeanNamesForType(TenantSource.class, true, false).length > 0;
    }

}
