package dev.belay.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Makes {@code java -jar app.jar belay status} a command-line run: when the first word on the
 * command line is {@code belay} and Spring Shell is on the class path, the application defaults to
 * no web server ({@code spring.main.web-application-type=none}, so that the command does not need
 * the application's port, nor keeps running once it is done), to Spring Shell's non-interactive
 * mode, and to the quiet of a command-line tool: no banner, warnings and errors only in the log,
 * and no hint about the condition evaluation report when a command fails (the command says what
 * went wrong itself). All are defaults of the lowest precedence: any setting of the
 * application's wins. Except for the schema tools, which are off whatever the application says
 * (Hibernate's {@code ddl-auto}, {@code schema.sql} and {@code data.sql}): a command works on the
 * schema as its revisions left it.
 */
final class BelayCommandLineEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "belayCommandLine";

    static final String SCHEMA_TOOLS_OFF = "belayCommandLineSchemaToolsOff";

    private static final String SHELL = "org.springframework.shell.core.command.Command";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (BelayCommandLine.runsBelayCommand(environment)
                && ClassUtils.isPresent(SHELL, application.getClassLoader())) {
            environment.getPropertySources()
                .addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of("spring.main.web-application-type", "none",
                        "spring.shell.interactive.enabled", "false", "spring.main.banner-mode", "off",
                        "logging.level.root", "warn",
                        "logging.level.org.springframework.boot.autoconfigure.logging", "off")));
            // Of the highest precedence: a command looks at the schema as it is, so Hibernate's
            // ddl-auto neither validates it (a field not migrated yet would stop every command)
            // nor changes it behind the command's back, and no schema.sql or data.sql runs.
            environment.getPropertySources()
                .addFirst(new MapPropertySource(SCHEMA_TOOLS_OFF, Map.of("spring.jpa.hibernate.ddl-auto", "none",
                        "spring.jpa.properties.hibernate.hbm2ddl.auto", "none",
                        "spring.jpa.properties.jakarta.persistence.schema-generation.database.action", "none",
                        "spring.sql.init.mode", "never")));
        }
    }

}
