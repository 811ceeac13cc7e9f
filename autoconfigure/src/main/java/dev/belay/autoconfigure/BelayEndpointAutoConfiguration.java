package dev.belay.autoconfigure;

import dev.belay.runner.MigrationRunner;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link BelayEndpoint}, when Spring Boot's actuator is on the class path and the endpoint is
 * available (see {@code management.endpoint.belay.*}), and its {@link BelayEndpointWebExtension}
 * when it is exposed over HTTP. Like every endpoint, it is reachable over HTTP only once exposed
 * ({@code management.endpoints.web.exposure.include=belay}).
 */
@AutoConfiguration(after = { BelayAutoConfiguration.class, BelayWorkbenchAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
public final class BelayEndpointAutoConfiguration {

    /** Apart, so that the actuator's condition is only read once the actuator is known to be there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnAvailableEndpoint(BelayEndpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnBean(MigrationRunner.class)
        @ConditionalOnMissingBean
        BelayEndpoint belayEndpoint(ApplicationContext context) {
            return new BelayEndpoint(context);
        }

        /** Over HTTP only: JMX callers get the endpoint's own answers, messages included. */
        @Bean
        @ConditionalOnBean(BelayEndpoint.class)
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint(endpoint = BelayEndpoint.class, exposure = EndpointExposure.WEB)
        BelayEndpointWebExtension belayEndpointWebExtension(BelayEndpoint endpoint) {
            return new BelayEndpointWebExtension(endpoint);
        }

    }

}
