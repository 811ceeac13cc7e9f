package dev.belay.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.belay.schema.jpa.HibernateMetadataCapture;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.util.ClassUtils;

/**
 * Adds Belay's {@link HibernateMetadataCapture} to the integrators of the auto-configured
 * {@code EntityManagerFactory}. Hibernate reads one {@code hibernate.integrator_provider}, so an
 * application's own provider (an instance, a class or a class name, as Hibernate accepts them)
 * is wrapped, not replaced: its integrators come first, then Belay's.
 */
final class MetadataCaptureCustomizer implements HibernatePropertiesCustomizer {

    private final HibernateMetadataCapture capture;

    private final @Nullable ClassLoader classLoader;

    MetadataCaptureCustomizer(HibernateMetadataCapture capture, @Nullable ClassLoader classLoader) {
        this.capture = capture;
        this.classLoader = classLoader;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        Object existing = hibernateProperties.get(JpaSettings.INTEGRATOR_PROVIDER);
        if (existing instanceof CapturingIntegratorProvider provider && provider.capture == this.capture) {
            return;
        }
        hibernateProperties.put(JpaSettings.INTEGRATOR_PROVIDER,
                new CapturingIntegratorProvider(existing, this.capture, this.classLoader));
    }

    /** The application's integrators, if any, followed by the capture. */
    static final class CapturingIntegratorProvider implements IntegratorProvider {

        private final @Nullable Object delegate;

        private final HibernateMetadataCapture capture;

        private final @Nullable ClassLoader classLoader;

        CapturingIntegratorProvider(@Nullable Object delegate, HibernateMetadataCapture capture,
                @Nullable ClassLoader classLoader) {
            this.delegate = delegate;
            this.capture = capture;
            this.classLoader = classLoader;
        }

        @Override
        public List<Integrator> getIntegrators() {
            List<Integrator> integrators = new ArrayList<>();
            if (this.delegate != null) {
                integrators.addAll(resolve(this.delegate).getIntegrators());
            }
            integrators.add(this.capture);
            return integrators;
        }

        private IntegratorProvider resolve(Object delegate) {
            if (delegate instanceof IntegratorProvider provider) {
                return provider;
            }
            Class<?> type;
            if (delegate instanceof Class<?> providerClass) {
                type = providerClass;
            }
            else if (delegate instanceof String className) {
                try {
                    type = ClassUtils.forName(className.strip(), this.classLoader);
                }
                catch (ClassNotFoundException | LinkageError ex) {
                    throw new IllegalArgumentException(JpaSettings.INTEGRATOR_PROVIDER + " names class " + className
                            + ", which cannot be loaded", ex);
                }
            }
            else {
                throw new IllegalArgumentException(JpaSettings.INTEGRATOR_PROVIDER + " must be an IntegratorProvider, "
                        + "its class or its class name, not " + delegate.getClass().getName());
            }
            if (!IntegratorProvider.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(JpaSettings.INTEGRATOR_PROVIDER + " names " + type.getName()
                        + ", which does not implement " + IntegratorProvider.class.getName());
            }
            try {
                return (IntegratorProvider) type.getDeclaredConstructor().newInstance();
            }
            catch (ReflectiveOperationException ex) {
                Throwable cause = (ex instanceof InvocationTargetException target) ? target.getCause() : ex;
                throw new IllegalArgumentException(JpaSettings.INTEGRATOR_PROVIDER + " names " + type.getName()
                        + ", which cannot be created with its no-argument constructor", cause);
            }
        }

    }

}
