package dev.belay.autoconfigure;

import java.nio.file.Path;

import dev.belay.autoconfigure.triplog.Trip;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.SchemaWorkbench;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.shell.core.command.Command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which of Belay's surfaces an application gets: the workbench with JPA, the shell commands with
 * Spring Shell, the endpoint with the actuator, each only with what it needs, and where
 * revisions are written.
 */
@PostgresTest
class BelayWorkbenchAutoConfigurationTests {

    private final TestDatabase database;

    private ApplicationContextRunner app;

    private String schema;

    BelayWorkbenchAutoConfigurationTests(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void applicationOnASchemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
        this.app = app(HibernateJpaAutoConfiguration.class,
                org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration.class);
    }

    /** An application with Belay's auto-configurations, the data source's, and the given others. */
    private ApplicationContextRunner app(Class<?>... others) {
        java.util.List<Class<?>> configurations = new java.util.ArrayList<>(java.util.List.of(
                DataSourceAutoConfiguration.class, BelayAutoConfiguration.class, BelayJpaAutoConfiguration.class,
                BelayWorkbenchAutoConfiguration.class, BelayShellAutoConfiguration.class,
                BelayEndpointAutoConfiguration.class));
        configurations.addAll(java.util.List.of(others));
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(configurations.toArray(Class<?>[]::new)))
            .withPropertyValues(this.database.springProperties())
            .withPropertyValues("belay.schema=" + this.schema, "belay.drift=off",
                    "management.endpoints.web.exposure.include=belay");
    }

    @Test
    void withJpaShellAndActuatorEverySurfaceIsThere() {
        this.app.withUserConfiguration(TripEntities.class).run((context) -> {
            assertThat(context).hasNotFailed()
                .hasSingleBean(SchemaWorkbench.class)
                .hasSingleBean(BelayEndpoint.class)
                .hasSingleBean(BelayEndpointWebExtension.class);
            assertThat(context.getBeansOfType(Command.class).values()).extracting(Command::getName)
                .containsExactlyInAnyOrder("belay", "belay status", "belay generate", "belay merge", "belay apply",
                        "belay rollback", "belay stamp", "belay baseline", "belay diff", "belay check", "belay verify",
                        "belay lint");
        });
    }

    @Test
    void withoutAnEntityManagerFactoryThereIsNoWorkbenchButTheCommandsAndEndpointRemain() {
        app(org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration.class).run((context) -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(SchemaWorkbench.class).hasSingleBean(BelayEndpoint.class);
            assertThat(context.getBeansOfType(Command.class)).hasSize(12);
        });
    }

    @Test
    void withoutSpringShellThereAreNoCommands() {
        this.app.withUserConfiguration(TripEntities.class)
            .withClassLoader(new FilteredClassLoader("org.springframework.shell"))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(BelayCommands.class)
                .hasSingleBean(SchemaWorkbench.class));
    }

    @Test
    void theEndpointIsThereOnlyWhenExposed() {
        this.app.withUserConfiguration(TripEntities.class)
            .withPropertyValues("management.endpoints.web.exposure.include=health")
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(BelayEndpoint.class)
                .doesNotHaveBean(BelayEndpointWebExtension.class));
    }

    @Test
    void overJmxAloneTheEndpointAnswersWithoutTheWebExtensionAndARefusalKeepsItsReason() {
        this.app.withUserConfiguration(TripEntities.class)
            .withPropertyValues("management.endpoints.web.exposure.include=health", "spring.jmx.enabled=true",
                    "management.endpoints.jmx.exposure.include=belay")
            .run((context) -> {
                assertThat(context).hasNotFailed()
                    .hasSingleBean(BelayEndpoint.class)
                    .doesNotHaveBean(BelayEndpointWebExtension.class);
                assertThatExceptionOfType(InvalidEndpointRequestException.class)
                    .isThrownBy(() -> context.getBean(BelayEndpoint.class).apply("nope", null))
                    .withMessageStartingWith("There is no revision 'nope'. Give the id of one of the application's "
                            + "revisions");
            });
    }

    @Test
    void withoutTheActuatorThereIsNoEndpoint() {
        app(HibernateJpaAutoConfiguration.class).withUserConfiguration(TripEntities.class)
            .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BelayEndpoint.class));
    }

    @Test
    void whenBelayIsDisabledNoneOfItIsThere() {
        this.app.withUserConfiguration(TripEntities.class)
            .withPropertyValues("belay.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(SchemaWorkbench.class)
                .doesNotHaveBean(BelayCommands.class)
                .doesNotHaveBean(BelayEndpoint.class));
    }

    @Test
    void revisionsGoToSrcMainJavaInTheApplicationsPackageFollowedByMigrations() {
        this.app.withUserConfiguration(TripEntities.class).run((context) -> {
            SchemaWorkbench workbench = context.getBean(SchemaWorkbench.class);
            assertThat(workbench.settings().directory()).isEqualTo(Path.of("src/main/java"));
            assertThat(workbench.settings().packageName()).isEqualTo("dev.belay.autoconfigure.triplog.migrations");
        });
    }

    @Test
    void theDirectoryAndPackageCanBeSet() {
        this.app.withUserConfiguration(TripEntities.class)
            .withPropertyValues("belay.generate.directory=app/src/main/java", "belay.generate.package=com.example.db")
            .run((context) -> {
                SchemaWorkbench workbench = context.getBean(SchemaWorkbench.class);
                assertThat(workbench.settings().directory()).isEqualTo(Path.of("app/src/main/java"));
                assertThat(workbench.settings().packageName()).isEqualTo("com.example.db");
            });
    }

    @Test
    void aBelayCommandLineDefaultsToNoWebServerAndNoInteractiveShell() {
        StandardEnvironment command = environment("--spring.profiles.active=dev", "belay", "status");
        assertThat(command.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(command.getProperty("spring.shell.interactive.enabled")).isEqualTo("false");

        StandardEnvironment chosen = environment("belay", "status", "--spring.main.web-application-type=servlet");
        assertThat(chosen.getProperty("spring.main.web-application-type")).isEqualTo("servlet");

        StandardEnvironment plain = environment("--server.port=8080");
        assertThat(plain.getPropertySources().contains(BelayCommandLineEnvironmentPostProcessor.PROPERTY_SOURCE))
            .isFalse();
        StandardEnvironment other = environment("other", "belay");
        assertThat(other.getProperty("spring.main.web-application-type")).isNull();
    }

    private static StandardEnvironment environment(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        new BelayCommandLineEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Trip.class)
    @AutoConfigurationPackage(basePackageClasses = Trip.class)
    static class TripEntities {

    }

}
