package dev.belay.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Warns, once per start and before anything runs, about each {@code belay.*} property that is
 * none of Belay's (a typo such as {@code belay.drfit=fail} that Spring Boot would otherwise bind to
 * nothing, silently), with the nearest of Belay's names. Like Spring Boot's own
 * {@code ConfigurationWarningsApplicationContextInitializer}, it is a context initializer: the
 * environment is complete and logging is set up, whatever the application runs (a {@code belay}
 * command too, whose log shows warnings), and whether or not Belay is enabled. It never stops
 * the start.
 */
final class UnknownPropertiesWarning implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    private static final Log logger = LogFactory.getLog(UnknownPropertiesWarning.class);

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!logger.isWarnEnabled()) {
            return;
        }
        Optional<BelayPropertyNames> known = BelayPropertyNames.fromMetadata(context.getClassLoader());
        if (known.isEmpty()) {
            logger.debug("No configuration metadata of Belay's properties on the class path: unknown belay.* "
                    + "properties are not reported");
            return;
        }
        try {
            for (String warning : warnings(context.getEnvironment(), known.get())) {
                logger.warn(warning);
            }
        }
        catch (RuntimeException ex) {
            // A property source that cannot be listed is no reason to stop a start over a warning.
            logger.debug("Could not look for unknown belay.* properties", ex);
        }
    }

    /** One warning for each belay.* property of the environment that Belay does not have. */
    static List<String> warnings(ConfigurableEnvironment environment, BelayPropertyNames known) {
        Map<String, String> warnings = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            boolean environmentVariables = isEnvironmentVariables(source);
            for (ConfigurationPropertyName name : iterable.filter(BelayPropertyNames.PREFIX::isAncestorOf)) {
                if (known.isKnown(name, environmentVariables)) {
                    continue;
                }
                ConfigurationProperty property = iterable.getConfigurationProperty(name);
                Origin origin = (property != null) ? property.getOrigin() : null;
                String typed = typed(name, origin);
                String from = from(source, origin);
                // Two spellings of one name in one source are one property to the binder: warn once.
                warnings.putIfAbsent(typed + " " + from,
                        warning(typed, from, known.nearest(name, environmentVariables), environmentVariables, known));
            }
        }
        return new ArrayList<>(warnings.values());
    }

    private static String warning(String typed, String from, Optional<ConfigurationPropertyName> nearest,
            boolean environmentVariable, BelayPropertyNames known) {
        String unknown = "Unknown property '" + typed + "' (from " + from + ")";
        if (nearest.isPresent()) {
            String name = nearest.get().toString();
            return unknown + ": did you mean '" + name + "'"
                    + (environmentVariable ? " (" + environmentVariableName(name) + ")" : "") + "? Belay ignores it.";
        }
        return unknown + ". Belay ignores it; its properties are "
                + known.names().stream().map(ConfigurationPropertyName::toString).collect(Collectors.joining(", "))
                + " (see \"Properties\" in Belay's README).";
    }

    /**
     * Whether Spring Boot reads the source as environment variables (BELAY_DEV_URL for
     * belay.dev-url), as it does the system environment and sources named after it.
     */
    private static boolean isEnvironmentVariables(ConfigurationPropertySource source) {
        if (!(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource variables)) {
            return false;
        }
        String name = variables.getName();
        return name.equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                || name.endsWith("-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    }

    /** The name as written, where the origin knows it: BELAY_DRFIT rather than its adapted form. */
    private static String typed(ConfigurationPropertyName name, @Nullable Origin origin) {
        return (origin instanceof PropertySourceOrigin propertySource) ? propertySource.getPropertyName()
                : name.toString();
    }

    /** The file and line where there is one, otherwise the property source's name. */
    private static String from(ConfigurationPropertySource source, @Nullable Origin origin) {
        Origin located = (origin instanceof PropertySourceOrigin propertySource) ? propertySource.getOrigin()
                : origin;
        if (located instanceof TextResourceOrigin text && text.getResource() != null) {
            return text.getResource().getDescription()
                    + ((text.getLocation() != null) ? ", line " + (text.getLocation().getLine() + 1) : "");
        }
        if (source.getUnderlyingSource() instanceof PropertySource<?> propertySource) {
            return "property source '" + propertySource.getName() + "'";
        }
        return String.valueOf(source.getUnderlyingSource());
    }

    /** Spring Boot's environment variable for a property: dots to underscores, no dashes, upper case. */
    private static String environmentVariableName(String name) {
        return name.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

}
