package dev.belay.schema.jpa;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.SchemaToolingSettings;

import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;

/**
 * A Hibernate boot model of some entity classes on a test database, named the way Spring Boot
 * names tables and columns: the cheap way to get {@link Metadata} without a Spring context.
 */
final class HibernateModel implements AutoCloseable {

    private final StandardServiceRegistry registry;

    private final Metadata metadata;

    private SessionFactory sessionFactory;

    private HibernateModel(StandardServiceRegistry registry, Metadata metadata) {
        this.registry = registry;
        this.metadata = metadata;
    }

    /** The boot model of the entities; nothing is done to the database. */
    static HibernateModel of(DataSource dataSource, Collection<Class<?>> entities) {
        return of(dataSource, entities, Map.of());
    }

    static HibernateModel of(DataSource dataSource, Collection<Class<?>> entities, Map<String, Object> settings) {
        ClassLoader classLoader = entities.isEmpty() ? HibernateModel.class.getClassLoader()
                : entities.iterator().next().getClassLoader();
        Map<String, Object> all = new HashMap<>();
        all.put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        all.put(MappingSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName());
        all.put(MappingSettings.IMPLICIT_NAMING_STRATEGY, SpringImplicitNamingStrategy.class.getName());
        all.put(SchemaToolingSettings.HBM2DDL_AUTO, "none");
        all.putAll(settings);
        // The entities' own class loader, so that generated entity classes are found by name too.
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(classLoader).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(all).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return new HibernateModel(registry, sources.buildMetadata());
        }
        catch (RuntimeException ex) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw ex;
        }
    }

    /**
     * Hibernate's own {@code create} (hbm2ddl) of the entities, run by building a session factory
     * on a data source whose {@code search_path} is the schema to fill; Hibernate stops at the
     * first failing statement.
     */
    static HibernateModel created(DataSource dataSource, Collection<Class<?>> entities) {
        HibernateModel model = of(dataSource, entities, Map.of(SchemaToolingSettings.HBM2DDL_AUTO, "create",
                SchemaToolingSettings.HBM2DDL_HALT_ON_ERROR, true));
        try {
            model.sessionFactory = model.metadata.buildSessionFactory();
        }
        catch (RuntimeException ex) {
            model.close();
            throw ex;
        }
        return model;
    }

    Metadata metadata() {
        return this.metadata;
    }

    @Override
    public void close() {
        if (this.sessionFactory != null) {
            this.sessionFactory.close();
        }
        StandardServiceRegistryBuilder.destroy(this.registry);
    }

}
