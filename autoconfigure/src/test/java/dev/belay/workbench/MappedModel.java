package dev.belay.workbench;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.belay.schema.Identifiers;
import dev.belay.schema.jpa.JpaDesiredSchema;
import dev.belay.test.TestDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;

/**
 * The Hibernate boot model of some entity classes, named the way Spring Boot names tables and
 * columns, as the desired schema's source; or, with {@link #createdByHibernate}, the schema that
 * Hibernate's own {@code ddl-auto=create} builds, as a database adopted by Belay has it.
 */
final class MappedModel implements AutoCloseable {

    private final StandardServiceRegistry registry;

    private final Metadata metadata;

    private SessionFactory sessionFactory;

    private MappedModel(StandardServiceRegistry registry, Metadata metadata) {
        this.registry = registry;
        this.metadata = metadata;
    }

    static MappedModel of(DataSource dataSource, Class<?>... entities) {
        return of(dataSource, List.of(entities), Map.of());
    }

    /**
     * Builds the entities' session factory with {@code ddl-auto=create} on a data source whose
     * {@code search_path} leads to the schema to fill.
     */
    static MappedModel createdByHibernate(DataSource dataSource, Class<?>... entities) {
        MappedModel model = of(dataSource, List.of(entities), Map.of(SchemaToolingSettings.HBM2DDL_AUTO, "create",
                SchemaToolingSettings.HBM2DDL_HALT_ON_ERROR, true));
        model.sessionFactory = model.metadata.buildSessionFactory();
        return model;
    }

    /** Creates {@code schema} in the test database and has Hibernate's {@code ddl-auto=create} fill it. */
    static MappedModel createdByHibernate(TestDatabase database, String schema, Class<?>... entities) {
        database.execute("CREATE SCHEMA " + Identifiers.quote(schema));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setCurrentSchema(schema);
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return createdByHibernate(dataSource, entities);
    }

    /**
     * Has Hibernate's {@code ddl-auto=update} bring an existing schema of the test database to
     * the entities, as an application that never had migrations does at each start.
     */
    static MappedModel updatedByHibernate(TestDatabase database, String schema, Class<?>... entities) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setCurrentSchema(schema);
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        MappedModel model = of(dataSource, List.of(entities), Map.of(SchemaToolingSettings.HBM2DDL_AUTO, "update",
                SchemaToolingSettings.HBM2DDL_HALT_ON_ERROR, true, "hibernate.default_schema", schema));
        model.sessionFactory = model.metadata.buildSessionFactory();
        return model;
    }

    static MappedModel of(DataSource dataSource, Collection<Class<?>> entities, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        settings.put(MappingSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName());
        settings.put(MappingSettings.IMPLICIT_NAMING_STRATEGY, SpringImplicitNamingStrategy.class.getName());
        settings.put(SchemaToolingSettings.HBM2DDL_AUTO, "none");
        settings.putAll(extra);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(MappedModel.class.getClassLoader()).build())
            .applySettings(settings)
            .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return new MappedModel(registry, sources.buildMetadata());
        }
        catch (RuntimeException ex) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw ex;
        }
    }

    /** The desired schema of these entities. */
    DesiredSchemaSource desired() {
        return DesiredSchemaSource.of(new JpaDesiredSchema(this.metadata));
    }

    @Override
    public void close() {
        if (this.sessionFactory != null) {
            this.sessionFactory.close();
        }
        StandardServiceRegistryBuilder.destroy(this.registry);
    }

}
