package dev.belay.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.belay.schema.Schema;
import dev.belay.schema.jpa.HibernateMetadataCapture;
import dev.belay.schema.jpa.JpaDesiredSchema;
import dev.belay.schema.jpa.corpus.Corpus;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class BelayJpaAutoConfigurationTests {

    private static final List<Metadata> recorded = new CopyOnWriteArrayList<>();

    private final TestDatabase database;

    private final ApplicationContextRunner runner;

    BelayJpaAutoConfigurationTests(TestDatabase database) {
        this.database = database;
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, BelayJpaAutoConfiguration.class))
            .withPropertyValues(database.springProperties())
            .withPropertyValues("spring.jpa.hibernate.ddl-auto=none");
    }

    @BeforeEach
    void forgetRecordedIntegrations() {
        recorded.clear();
    }

    @Test
    void offersTheSchemaThatDdlAutoCreateWouldBuild() throws SQLException {
        this.database.execute("CREATE SCHEMA spring_created");
        ApplicationContextRunner corpus = this.runner.withUserConfiguration(CorpusEntities.class);
        corpus.withPropertyValues("spring.datasource.url=" + this.database.url() + "?currentSchema=spring_created",
                "spring.jpa.hibernate.ddl-auto=create")
            .run((context) -> assertThat(context).hasNotFailed());
        Schema created;
        try (Connection connection = this.database.connect()) {
            created = new SchemaInspector().inspect(connection, "spring_created");
        }
        assertThat(created.tables()).hasSizeGreaterThan(Corpus.values().length);
        corpus.run((context) -> {
            assertThat(context).hasSingleBean(JpaDesiredSchema.class).hasSingleBean(HibernateMetadataCapture.class);
            Metadata metadata = context.getBean(HibernateMetadataCapture.class).get();
            assertThat(metadata.getEntityBindings()).hasSameSizeAs(Corpus.allEntities());
            JpaDesiredSchema desired = context.getBean(JpaDesiredSchema.class);
            assertThat(desired.ddl())
                .contains("create table named_enum_ride (id bigint not null, kind RideKind, primary key (id))");
            assertThat(desired.desiredSchema(context.getBean(DataSource.class))).isEqualTo(created);
        });
    }

    @Test
    void keepsAnIntegratorProviderNamedInTheProperties() {
        this.runner
            .withPropertyValues("spring.jpa.properties.hibernate.integrator_provider="
                    + RecordingIntegratorProvider.class.getName())
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(recorded).containsExactly(context.getBean(HibernateMetadataCapture.class).get());
            });
    }

    @Test
    void keepsAnIntegratorProviderThatAnotherCustomizerSets() {
        this.runner.withUserConfiguration(OwnIntegratorProvider.class).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(recorded).containsExactly(context.getBean(HibernateMetadataCapture.class).get());
        });
    }

    @Test
    void keepsAnIntegratorProviderGivenAsAClass() {
        this.runner
            .withBean("ownIntegratorProviderClass", HibernatePropertiesCustomizer.class,
                    () -> (properties) -> properties.put("hibernate.integrator_provider",
                            RecordingIntegratorProvider.class))
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(recorded).containsExactly(context.getBean(HibernateMetadataCapture.class).get());
            });
    }

    @Test
    void namesAnIntegratorProviderThatCannotBeLoaded() {
        this.runner.withPropertyValues("spring.jpa.properties.hibernate.integrator_provider=com.example.Missing")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .hasStackTraceContaining("hibernate.integrator_provider names class com.example.Missing"));
    }

    @Test
    void backsOffWithoutHibernate() {
        this.runner.withClassLoader(new FilteredClassLoader("org.hibernate"))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(JpaDesiredSchema.class)
                .doesNotHaveBean(HibernateMetadataCapture.class)
                .doesNotHaveBean(HibernatePropertiesCustomizer.class));
    }

    @Test
    void backsOffWithoutAnEntityManagerFactory() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BelayJpaAutoConfiguration.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(JpaDesiredSchema.class)
                .doesNotHaveBean(HibernatePropertiesCustomizer.class));
    }

    @Test
    void backsOffWhenBelayIsDisabled() {
        this.runner.withPropertyValues("belay.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(JpaDesiredSchema.class)
                .doesNotHaveBean(HibernatePropertiesCustomizer.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Corpus.class)
    static class CorpusEntities {

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnIntegratorProvider {

        @Bean
        HibernatePropertiesCustomizer ownIntegratorProvider() {
            return (properties) -> properties.put("hibernate.integrator_provider", new RecordingIntegratorProvider());
        }

    }

    /** An application's own provider: its integrator records the models it sees. */
    public static class RecordingIntegratorProvider implements IntegratorProvider {

        @Override
        public List<Integrator> getIntegrators() {
            return List.of(new Integrator() {

                @Override
                public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                        SessionFactoryImplementor sessionFactory) {
                    recorded.add(metadata);
                }

            });
        }

    }

}
