package dev.belay.adoption;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.SchemaToolingSettings;

import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;

import dev.belay.schema.Identifiers;
import dev.belay.schema.Schema;
import dev.belay.schema.jpa.JpaDesiredSchema;

/**
 * Databases as teams bring them to Belay, built by the real tools, and the mappings they were
 * built for:
 * <ul>
 * <li>{@link #LIQUIBASE_CHANGELOG}, a changelog in JHipster's style (its {@code sequence_generator}
 * at 1050, {@code timestamp} columns, {@code fk_}/{@code ux_} names, a join table whose key lists
 * its columns in the other order than Hibernate's, a few rows), run by Liquibase
 * ({@link #liquibase}); its mapping is {@link #liquibaseEntities()}, mapped as JHipster maps
 * ({@link #hibernateSettings()});</li>
 * <li>{@link #FLYWAY_LOCATION}, two SQL migrations written by hand, run by Flyway
 * ({@link #flyway}); its mapping is {@link #flywayEntities()}.</li>
 * </ul>
 * Each tool leaves its history tables in the schema it migrated ({@link #LIQUIBASE_TABLES},
 * {@link #FLYWAY_TABLES}).
 */
public final class AdoptionFixtures {

    /** The JHipster-style changelog, on the class path. */
    public static final String LIQUIBASE_CHANGELOG = "adoption/liquibase/master.xml";

    /** The Flyway migrations, as a Flyway location. */
    public static final String FLYWAY_LOCATION = "classpath:adoption/flyway";

    /** The tables Liquibase keeps its history and lock in. */
    public static final List<String> LIQUIBASE_TABLES = List.of("databasechangelog", "databasechangeloglock");

    /** The table Flyway keeps its history in. */
    public static final List<String> FLYWAY_TABLES = List.of("flyway_schema_history");

    private AdoptionFixtures() {
    }

    /** The entities the Liquibase changelog was written for. */
    public static List<Class<?>> liquibaseEntities() {
        return List.of(User.class, Authority.class, Blog.class, Post.class);
    }

    /** The entities the Flyway migrations were written for. */
    public static List<Class<?>> flywayEntities() {
        return List.of(Owner.class, Pet.class, Visit.class);
    }

    /**
     * Hibernate's settings as a JHipster application has them: Spring's naming, and an
     * {@code Instant} stored as {@code timestamp} (without time zone), which JHipster sets with
     * {@code hibernate.type.preferred_instant_jdbc_type: TIMESTAMP}.
     */
    public static Map<String, Object> hibernateSettings() {
        return Map.of(MappingSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName(),
                MappingSettings.IMPLICIT_NAMING_STRATEGY, SpringImplicitNamingStrategy.class.getName(),
                MappingSettings.PREFERRED_INSTANT_JDBC_TYPE, "TIMESTAMP", SchemaToolingSettings.HBM2DDL_AUTO, "none");
    }

    /** Creates {@code schema} if needed and runs the Liquibase changelog in it, history tables included. */
    public static void liquibase(DataSource dataSource, String schema) throws SQLException {
        createSchema(dataSource, schema);
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            try (Liquibase liquibase = new Liquibase(LIQUIBASE_CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
                liquibase.update();
            }
        }
        catch (LiquibaseException ex) {
            throw new IllegalStateException("Liquibase could not run " + LIQUIBASE_CHANGELOG + " in schema " + schema,
                    ex);
        }
    }

    /** Creates {@code schema} if needed and runs the Flyway migrations in it, history table included. */
    public static void flyway(DataSource dataSource, String schema) throws SQLException {
        createSchema(dataSource, schema);
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema)
            .locations(FLYWAY_LOCATION)
            .load()
            .migrate();
    }

    /**
     * The schema that {@code entities} want, as Belay reads a mapping (Hibernate's DDL built in a
     * scratch schema and read back), with {@link #hibernateSettings()}.
     */
    public static Schema desiredSchema(DataSource dataSource, List<Class<?>> entities) throws SQLException {
        Map<String, Object> settings = new java.util.HashMap<>(hibernateSettings());
        settings.put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(AdoptionFixtures.class.getClassLoader()).build())
            .applySettings(settings)
            .build();
        try (Connection connection = dataSource.getConnection()) {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            return new JpaDesiredSchema(metadata).desiredSchema(connection);
        }
        finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static void createSchema(DataSource dataSource, String schema) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
        }
    }

}
