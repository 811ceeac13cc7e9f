package dev.belay.diff;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;

import dev.belay.schema.Schema;
import dev.belay.schema.jpa.JpaDesiredSchema;
import dev.belay.schema.jpa.corpus.Corpus;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN's invariant for the diff's part, on the JPA mapping corpus (every mapping feature
 * Belay reads, in one model): planned on an empty database and run, the plan leaves exactly the
 * desired schema, so planning again finds nothing; planned back, the database is empty again.
 */
@PostgresTest
class JpaModelRoundTripTests {

    @Test
    void aJpaModelPlannedOnAnEmptyDatabaseAndRunLeavesNothingToPlan(TestDatabase database) throws SQLException {
        DiffDatabase diffDatabase = new DiffDatabase(database);
        DiffOptions options = DiffOptions.defaults().withServerVersion(diffDatabase.majorVersion());
        // Until the desired schema is settled where it is made, settle it here (see the test below).
        Schema desired = settle(diffDatabase, desiredSchema(database), options);
        Schema empty = diffDatabase.build("jpa_model");

        MigrationPlan create = SchemaDiff.between(empty, desired, options);
        diffDatabase.apply("jpa_model", create);
        Schema created = diffDatabase.inspect("jpa_model");
        assertThat(created).as("%s", create).isEqualTo(desired);
        assertThat(SchemaDiff.between(created, desired, options).isEmpty()).isTrue();

        diffDatabase.apply("jpa_model", create.reverse());
        assertThat(diffDatabase.inspect("jpa_model").isEmpty()).isTrue();
    }

    /**
     * PostgreSQL does not always read a check back the same after it is created from its own
     * rendering: Hibernate's check for an enum stored as {@code varchar} renders as
     * {@code ... = ANY ((ARRAY['A'::character varying, ...])::text[])}, and a check created from
     * that text renders as {@code ... = ANY (ARRAY[('A'::character varying)::text, ...])}. A
     * desired schema read straight after Hibernate's DDL would so differ from every database a
     * plan builds, and the diff would never be empty. One more pass settles it: the schema that
     * the plan from an empty database builds reads back as itself.
     */
    @Test
    void aCheckCreatedFromPostgresRenderingMayReadBackDifferentlyButSettlesAfterOnePass(TestDatabase database)
            throws SQLException {
        DiffDatabase diffDatabase = new DiffDatabase(database);
        DiffOptions options = DiffOptions.defaults().withServerVersion(diffDatabase.majorVersion());
        Schema hibernate = diffDatabase.build("check_hibernate", "CREATE TABLE task (by_name character varying(255), "
                + "CONSTRAINT task_by_name_check CHECK (by_name IN ('LOW', 'HIGH')))");
        Schema once = settle(diffDatabase, hibernate, options);
        Schema twice = settle(diffDatabase, once, options);
        assertThat(expression(once)).isNotEqualTo(expression(hibernate));
        assertThat(twice).isEqualTo(once);
    }

    private static String expression(Schema schema) {
        return schema.tables().get("task").checkConstraints().get("task_by_name_check").expression();
    }

    /** The schema that the plan from an empty database to {@code schema} builds, as PostgreSQL reads it back. */
    private static Schema settle(DiffDatabase database, Schema schema, DiffOptions options) throws SQLException {
        database.build("settle");
        database.apply("settle", SchemaDiff.between(Schema.empty(), schema, options));
        Schema settled = database.inspect("settle");
        database.drop("settle");
        return settled;
    }

    private static Schema desiredSchema(TestDatabase database) throws SQLException {
        Map<String, Object> settings = Map.of(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource(),
                MappingSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName(),
                MappingSettings.IMPLICIT_NAMING_STRATEGY, SpringImplicitNamingStrategy.class.getName(),
                SchemaToolingSettings.HBM2DDL_AUTO, "none");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(Corpus.class.getClassLoader()).build())
            .applySettings(settings)
            .build();
        try (Connection connection = database.connect()) {
            MetadataSources sources = new MetadataSources(registry);
            Corpus.allEntities().forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            return new JpaDesiredSchema(metadata).desiredSchema(connection);
        }
        finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

}
