package dev.belay.autoconfigure.triplog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.belay.test.TestDatabase;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs {@link TripLogApplication} (or another test application) with a command line,
 * non-interactively, as {@code java -jar app.jar belay status} would, and returns the exit status
 * Spring Boot would end the process with.
 */
public final class ShellRun {

    private ShellRun() {
    }

    static int run(TestDatabase database, String schema, Map<String, Object> properties, String... args) {
        return run(database, schema, properties, List.of(), args);
    }

    /**
     * Runs the application with more sources, such as revisions outside its packages (code that
     * has revisions another start does not).
     */
    static int run(TestDatabase database, String schema, Map<String, Object> properties, List<Class<?>> sources,
            String... args) {
        List<Class<?>> all = new ArrayList<>(sources);
        all.add(0, TripLogApplication.class);
        return runApplication(all, database, schema, properties, args);
    }

    /** Runs the first of the given sources as the application, with the others added. */
    public static int runApplication(List<Class<?>> sources, TestDatabase database, String schema,
            Map<String, Object> properties, String... args) {
        try {
            startApplication(sources, database, schema, properties, args).close();
            return 0;
        }
        catch (RuntimeException ex) {
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                if (cause instanceof ExitCodeGenerator generator) {
                    return generator.getExitCode();
                }
            }
            throw ex;
        }
    }

    /**
     * Runs the application as {@link #run} does and returns its context, still open, when the
     * run succeeded; a failed command is thrown.
     */
    static ConfigurableApplicationContext start(TestDatabase database, String schema, Map<String, Object> properties,
            List<Class<?>> sources, String... args) {
        List<Class<?>> all = new ArrayList<>(sources);
        all.add(0, TripLogApplication.class);
        return startApplication(all, database, schema, properties, args);
    }

    private static ConfigurableApplicationContext startApplication(List<Class<?>> sources, TestDatabase database,
            String schema, Map<String, Object> properties, String... args) {
        SpringApplication application = new SpringApplication(sources.get(0));
        application.addPrimarySources(sources.subList(1, sources.size()));
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.datasource.url", database.url());
        defaults.put("spring.datasource.username", database.user());
        defaults.put("spring.datasource.password", database.password());
        defaults.put("spring.shell.interactive.enabled", "false");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.main.web-application-type", "none");
        defaults.put("belay.schema", schema);
        defaults.putAll(properties);
        application.setDefaultProperties(defaults);
        return application.run(args);
    }

}
