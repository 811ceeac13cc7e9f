package dev.belay.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Whether the application was started to run a {@code belay} command
 * ({@code java -jar app.jar belay status}). Such a start neither migrates nor compares the schema
 * with the mapping on its own: the command is there to look at the database as it is, and to
 * apply or roll back revisions when asked.
 */
final class BelayCommandLine {

    static final String INTERACTIVE = "spring.shell.interactive.enabled";

    private BelayCommandLine() {
    }

    static boolean runsBelayCommand(ObjectProvider<ApplicationArguments> arguments) {
        ApplicationArguments given = arguments.getIfAvailable();
        if (given == null) {
            return false;
        }
        List<String> words = given.getNonOptionArgs();
        return !words.isEmpty() && words.get(0).equals("belay");
    }

    /** Whether the command line the environment was given starts with the word {@code belay}. */
    static boolean runsBelayCommand(ConfigurableEnvironment environment) {
        PropertySource<?> arguments = environment.getPropertySources()
            .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        if (!(arguments instanceof CommandLinePropertySource<?> commandLine)) {
            return false;
        }
        String words = commandLine.getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
        return words != null && (words.equals("belay") || words.startsWith("belay,"));
    }

    /**
     * Whether the application was started to run a {@code belay} command and end: the word
     * {@code belay} first on the command line, and Spring Shell not interactive (a start that asks
     * for Spring Shell's prompt is a session, whatever its arguments).
     */
    static boolean runsBelayCommandAndEnds(ConfigurableEnvironment environment) {
        return runsBelayCommand(environment) && !isInteractive(environment);
    }

    private static boolean isInteractive(Environment environment) {
        return environment.getProperty(INTERACTIVE, Boolean.class, true);
    }

}
