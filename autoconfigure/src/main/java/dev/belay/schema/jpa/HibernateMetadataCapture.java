package dev.belay.schema.jpa;

import java.util.function.Supplier;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A Hibernate {@link Integrator} that keeps the boot-time {@link Metadata} of the session factory
 * it is registered with, for {@link JpaDesiredSchema}. The model is usable while that session
 * factory is open (its services render the DDL), so it is forgotten when the factory closes.
 * <p>
 * Belay's auto-configuration registers it through {@code hibernate.integrator_provider}; an
 * application that builds its session factory by hand can register it itself.
 */
public final class HibernateMetadataCapture implements Integrator, Supplier<Metadata> {

    private volatile @Nullable Metadata metadata;

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        this.metadata = metadata;
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        this.metadata = null;
    }

    /** Whether a session factory has been built and is still open. */
    public boolean isCaptured() {
        return this.metadata != null;
    }

    /**
     * The boot model of the open session factory.
     * @throws IllegalStateException if no session factory has been built with this integrator
     * yet, or it has been closed
     */
    @Override
    public Metadata get() {
        Metadata metadata = this.metadata;
        if (metadata == null) {
            throw new IllegalStateException("Hibernate's mapping is not known: no EntityManagerFactory has been "
                    + "built with Belay's integrator, or it has been closed. Belay registers the integrator "
                    + "through Spring Boot's HibernatePropertiesCustomizer; an EntityManagerFactory built by hand "
                    + "needs " + HibernateMetadataCapture.class.getName() + " among its integrators.");
        }
        return metadata;
    }

}
