package dev.belay.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import dev.belay.autoconfigure.triplog.migrations.V20260101_000100_CreateTrips;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code belay.*} property that is none of Belay's (a typo) is reported at startup with the
 * nearest of Belay's names, once, without stopping the start; Belay's own properties, in any of
 * Spring Boot's relaxed forms, are not. The known names come from the configuration metadata, and
 * these tests hold it to what {@link BelayProperties} binds.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class UnknownPropertiesWarningTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withInitializer(new UnknownPropertiesWarning());

    private final TestDatabase database;

    UnknownPropertiesWarningTests(TestDatabase database) {
        this.database = database;
    }

    @Test
    void aTypoIsReportedWithTheNearestOfBelaysNames(CapturedOutput output) {
        this.runner.withPropertyValues("belay.drfit=fail", "belay.generate.pakage=com.example.migrations")
            .run((context) -> assertThat(context).hasNotFailed());

        assertThat(output)
            .contains("WARN")
            .contains("Unknown property 'belay.drfit' (from property source 'test'): did you mean 'belay.drift'? "
                    + "Belay ignores it.")
            .contains("Unknown property 'belay.generate.pakage' (from property source 'test'): did you mean "
                    + "'belay.generate.package'?");
    }

    @Test
    void aNameNearNoneOfBelaysListsThemAndTheReadme(CapturedOutput output) {
        this.runner.withPropertyValues("belay.colour=red").run((context) -> assertThat(context).hasNotFailed());

        assertThat(output).contains("Unknown property 'belay.colour' (from property source 'test'). Belay ignores "
                + "it; its properties are belay.dev-url, belay.drift, belay.enabled, belay.generate.directory, ")
            .contains("belay.user (see \"Properties\" in Belay's README).")
            .doesNotContain("did you mean");
    }

    @Test
    void relaxedFormsOfBelaysPropertiesAreNotReported(CapturedOutput output) {
        List<String> relaxed = List.of("belay.devUrl", "belay.dev_url", "belay.DEV-URL", "belay.lockTimeout",
                "belay.generate.resources_directory", "belay.generate.resourcesDirectory", "belay.MigrateOnStartup");
        List<String> variables = List.of("BELAY_DEV_URL", "BELAY_DEVURL", "BELAY_LOCK_TIMEOUT",
                "BELAY_GENERATE_RESOURCES_DIRECTORY", "BELAY_GENERATE_PACKAGE", "BELAY_MIGRATEONSTARTUP");
        Map<String, Object> environment = new LinkedHashMap<>();
        variables.forEach((name) -> environment.put(name, "1s"));
        environment.put("BELAY_DRFIT", "fail");

        new ApplicationContextRunner()
            .withInitializer((context) -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment)))
            .withInitializer(new UnknownPropertiesWarning())
            .withPropertyValues(relaxed.stream().map((name) -> name + "=x").toArray(String[]::new))
            .run((context) -> assertThat(context).hasNotFailed());

        // The typo among them shows that environment variables are looked at.
        assertThat(output).contains("Unknown property 'BELAY_DRFIT' (from property source 'test-systemEnvironment'): did you mean "
                + "'belay.drift' (BELAY_DRIFT)?");
        relaxed.forEach((name) -> assertThat(output).doesNotContain("Unknown property '" + name + "'"));
        variables.forEach((name) -> assertThat(output).doesNotContain("Unknown property '" + name + "'"));
    }

    @Test
    void noPropertyOfBelayPropertiesIsReported(CapturedOutput output) {
        Map<String, String> values = bindableProperties();
        assertThat(values).containsKeys("belay.drift", "belay.dev-url", "belay.generate.package",
                "belay.generate.resources-directory");
        assertThat(boundNames(values)).as("what binding BelayProperties takes from the properties")
            .containsAll(values.keySet());

        this.runner
            .withPropertyValues(values.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
            .run((context) -> assertThat(context).hasNotFailed());

        BelayPropertyNames known = BelayPropertyNames.fromMetadata(getClass().getClassLoader()).orElseThrow();
        values.keySet()
            .forEach((name) -> assertThat(known.isKnown(ConfigurationPropertyName.of(name), false)).as(name).isTrue());
        values.keySet().forEach((name) -> assertThat(output).doesNotContain("Unknown property '" + name + "'"));
    }

    @Test
    void everyKnownNameBindsToBelayProperties() {
        BelayPropertyNames known = BelayPropertyNames.fromMetadata(getClass().getClassLoader()).orElseThrow();

        assertThat(known.names()).map(ConfigurationPropertyName::toString)
            .containsExactlyInAnyOrderElementsOf(bindableProperties().keySet());
    }

    @Test
    void everyKnownNameIsInTheReadmesPropertiesTable() throws IOException {
        // The warning sends readers there when no name is near.
        String readme = Files.readString(Path.of("..", "README.md"));
        String properties = readme.substring(readme.indexOf("\n## Properties\n"));
        properties = properties.substring(0, properties.indexOf("\n## ", 1));
        BelayPropertyNames known = BelayPropertyNames.fromMetadata(getClass().getClassLoader()).orElseThrow();

        for (ConfigurationPropertyName name : known.names()) {
            assertThat(properties).as(name.toString()).contains("\n| `" + name + "` |");
        }
    }

    @Test
    void namesBelowAMapOrListTypedPropertyAreItsEntries() {
        BelayPropertyNames known = new BelayPropertyNames(
                List.of(new BelayPropertyNames.Known(ConfigurationPropertyName.of("belay.labels"), true),
                        new BelayPropertyNames.Known(ConfigurationPropertyName.of("belay.drift"), false)));

        assertThat(known.isKnown(ConfigurationPropertyName.of("belay.labels.team"), false)).isTrue();
        assertThat(known.isKnown(ConfigurationPropertyName.of("belay.labels[0]"), false)).isTrue();
        assertThat(known.isKnown(ConfigurationPropertyName.adapt("BELAY_LABELS_TEAM", '_'), true)).isTrue();
        assertThat(known.isKnown(ConfigurationPropertyName.of("belay.drift.mode"), false)).isFalse();
        assertThat(known.isKnown(ConfigurationPropertyName.of("belay.label.team"), false)).isFalse();
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(BelayPropertyNames.distance("drift", "drift")).isZero();
        assertThat(BelayPropertyNames.distance("drfit", "drift")).isEqualTo(2);
        assertThat(BelayPropertyNames.distance("lock-timout", "lock-timeout")).isEqualTo(1);
        assertThat(BelayPropertyNames.distance("", "url")).isEqualTo(3);
        assertThat(BelayPropertyNames.distance("schema", "target")).isEqualTo(6);
    }

    @Test
    void anApplicationStartWarnsOnceWithTheFileAndLineEvenWhenOnlyWarningsAreLogged(@TempDir Path directory,
            CapturedOutput output) throws IOException {
        Path properties = directory.resolve("application.properties");
        Files.writeString(properties, "belay.enabled=true\nbelay.lock-timout=3s\n");
        SpringApplication application = new SpringApplication(NoBeans.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        LogLevel level = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getEffectiveLevel();

        try (ConfigurableApplicationContext context = application.run("--spring.config.location=file:" + properties,
                "--logging.level.root=warn", "--spring.main.banner-mode=off")) {
            assertThat(context.isActive()).isTrue();
        }
        finally {
            // The log level is the JVM's: give the next tests theirs back.
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, level);
        }

        String warning = "Unknown property 'belay.lock-timout' (from URL [file:" + properties + "], line 2): "
                + "did you mean 'belay.lock-timeout'? Belay ignores it.";
        assertThat(output).contains(warning);
        assertThat(output.toString().split("Unknown property 'belay.lock-timout'", -1)).hasSize(2);
    }

    @Test
    void aTypoDoesNotStopTheStartAndChangesNothing(TestInfo test, CapturedOutput output) {
        String schema = TestDatabase.schemaFor(test);
        this.runner
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, BelayAutoConfiguration.class))
            .withPropertyValues(this.database.springProperties())
            .withPropertyValues("belay.schema=" + schema, "belay.migrate-on-startp=false")
            .withUserConfiguration(V20260101_000100_CreateTrips.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                // The misspelt setting was not taken: the revision was applied at startup.
                assertThat(new JdbcTemplate(context.getBean(DataSource.class))
                    .queryForList("SELECT id FROM " + schema + ".belay_history", String.class))
                    .containsExactly("20260101_000100_create_trips");
            });

        assertThat(output).contains("Unknown property 'belay.migrate-on-startp' (from property source 'test'): did "
                + "you mean 'belay.migrate-on-startup'? Belay ignores it.");
    }

    /**
     * Every property binding sets on {@link BelayProperties}, found as the binder finds them (a
     * setter, or a getter of a nested object of Belay's), each with a value it converts.
     */
    private static Map<String, String> bindableProperties() {
        Map<String, String> values = new LinkedHashMap<>();
        collect("belay", BelayProperties.class, values);
        return values;
    }

    private static void collect(String prefix, Class<?> type, Map<String, String> values) {
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            String name = prefix + "." + DataObjectPropertyName.toDashedForm(property.getName());
            Class<?> valueType = property.getPropertyType();
            if (property.getWriteMethod() != null) {
                values.put(name, sample(valueType));
            }
            else if (property.getReadMethod() != null && valueType.getEnclosingClass() == BelayProperties.class
                    && !valueType.isEnum()) {
                collect(name, valueType, values);
            }
        }
    }

    private static String sample(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (type == int.class || type == Integer.class) {
            return "1";
        }
        if (type == Duration.class) {
            return "1s";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        return "x";
    }

    private static Set<String> boundNames(Map<String, String> values) {
        Set<String> bound = new LinkedHashSet<>();
        List<Exception> failures = new ArrayList<>();
        new Binder(new MapConfigurationPropertySource(values)).bind("belay", Bindable.ofInstance(new BelayProperties()),
                new AbstractBindHandler() {

                    @Override
                    public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                            Object result) {
                        bound.add(name.toString());
                        return result;
                    }

                    @Override
                    public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                            Exception error) throws Exception {
                        failures.add(error);
                        throw error;
                    }

                });
        assertThat(failures).isEmpty();
        return bound;
    }

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {

    }

}
