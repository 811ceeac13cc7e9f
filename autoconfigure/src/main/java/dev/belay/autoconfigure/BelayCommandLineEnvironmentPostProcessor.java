package dev.belay.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.aot.AotDetector;
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
 * <p>
 * <b>Under Spring AOT</b> ({@code -Dspring.aot.enabled=true}) the type of the application context
 * was fixed when the build generated its bean definitions: a web application's context holds the
 * web server's beans, which fail without one, so the web application type is left as it is.
 * Instead its embedded server does not listen ({@code server.port=-1}, and the management port
 * when the application has one of its own), whatever the application says, so that a command does
 * not need a port the running application holds; and the command ends the application once it is
 * done ({@link BelayCommandRunner}), since a web server's thread would keep the process running.
 */
final class BelayCommandLineEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "belayCommandLine";

    static final String SCHEMA_TOOLS_OFF = "belayCommandLineSchemaToolsOff";

    static final String SERVER_CLOSED = "belayCommandLineServerClosed";

    static final String SHELL = "org.springframework.shell.core.command.Command";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (BelayCommandLine.runsBelayCommand(environment)
                && ClassUtils.isPresent(SHELL, application.getClassLoader())) {
            boolean aot = AotDetector.useGeneratedArtifacts();
            Map<String, Object> defaults = new LinkedHashMap<>();
            if (!aot) {
                defaults.put("spring.main.web-application-type", "none");
            }
            defaults.put("spring.shell.interactive.enabled", "false");
            defaults.put("spring.main.banner-mode", "off");
            defaults.put("logging.level.root", "warn");
            defaults.put("logging.level.org.springframework.boot.autoconfigure.logging", "off");
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
            // Of the highest precedence: a command looks at the schema as it is, so Hibernate's
            // ddl-auto neither validates it (a field not migrated yet would stop every command)
            // nor changes it behind the command's back, and no schema.sql or data.sql runs.
            environment.getPropertySources()
                .addFirst(new MapPropertySource(SCHEMA_TOOLS_OFF, Map.of("spring.jpa.hibernate.ddl-auto", "none",
                        "spring.jpa.properties.hibernate.hbm2ddl.auto", "none",
                        "spring.jpa.properties.jakarta.persistence.schema-generation.database.action", "none",
                        "spring.sql.init.mode", "never")));
            if (aot) {
                // Of the highest precedence too: the port the application sets is the one its
                // running instances hold.
                Map<String, Object> closed = new LinkedHashMap<>();
                closed.put("server.port", "-1");
                if (environment.containsProperty("management.server.port")) {
                    closed.put("management.server.port", "-1");
                }
                environment.getPropertySources().addFirst(new MapPropertySource(SERVER_CLOSED, closed));
            }
        }
    }

}
