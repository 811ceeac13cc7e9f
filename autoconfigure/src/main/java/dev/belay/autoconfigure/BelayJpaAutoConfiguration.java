package dev.belay.autoconfigure;

import jakarta.persistence.EntityManagerFactory;

import dev.belay.schema.jpa.HibernateMetadataCapture;
import dev.belay.schema.jpa.JpaDesiredSchema;
import dev.belay.schema.postgres.SchemaInspector;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;

/**
 * The desired schema from the JPA mapping: captures Hibernate's boot-time model of the
 * auto-configured {@code EntityManagerFactory} and offers it as a {@link JpaDesiredSchema}.
 * Active when Hibernate and Spring Boot's Hibernate support are on the class path and the
 * application has an {@code EntityManagerFactory}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(name = { "org.hibernate.boot.Metadata", "jakarta.persistence.EntityManagerFactory",
        "org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean",
        "org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer" })
@ConditionalOnBean(type = "jakarta.persistence.EntityManagerFactory")
@ConditionalOnBooleanProperty(name = "belay.enabled", matchIfMissing = true)
public final class BelayJpaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HibernateMetadataCapture belayHibernateMetadataCapture() {
        return new HibernateMetadataCapture();
    }

    /** Last, so that it wraps whatever integrator provider other customizers have set. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MetadataCaptureCustomizer belayMetadataCaptureCustomizer(HibernateMetadataCapture capture,
            ResourceLoader resourceLoader) {
        return new MetadataCaptureCustomizer(capture, resourceLoader.getClassLoader());
    }

    @Bean
    @ConditionalOnMissingBean
    JpaDesiredSchema jpaDesiredSchema(HibernateMetadataCapture capture, ObjectProvider<SchemaInspector> inspector,
            ObjectProvider<EntityManagerFactory> entityManagerFactory) {
        return new JpaDesiredSchema(() -> {
            // Hibernate hands the model to integrators before it has finished with it; with a
            // background bootstrap, wait until the factory is built.
            entityManagerFactory.ifAvailable(EntityManagerFactory::getMetamodel);
            return capture.get();
        }, inspector.getIfAvailable(SchemaInspector::new));
    }

}
