package dev.belay.sample.tenants;

import javax.sql.DataSource;

import dev.belay.tenant.BelayTenants;
import org.hibernate.cfg.MultiTenancySettings;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate's schema multi-tenancy, when {@code belay.tenants.schemas} names the tenants: Belay
 * migrates each tenant's schema before the {@code EntityManagerFactory} exists, and Hibernate
 * runs each session on its tenant's schema; the same {@link RequestTenantResolver} tells
 * {@code GpxStorage} whose directory of tracks a request uses. Without the property the ride log
 * has one schema and one directory of tracks, as it always had.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("belay.tenants.schemas")
class TenantsConfiguration {

    @Bean
    RequestTenantResolver requestTenantResolver(BelayTenants tenants) {
        return new RequestTenantResolver(tenants);
    }

    @Bean
    HibernatePropertiesCustomizer schemaPerTenant(DataSource dataSource, RequestTenantResolver tenantResolver) {
        return (properties) -> {
            properties.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER,
                    new SchemaPerTenantConnectionProvider(dataSource));
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, tenantResolver);
        };
    }

}
