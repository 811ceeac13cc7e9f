package dev.belay.autoconfigure;

import java.io.PrintWriter;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Runs the {@code belay} command of the command line, in an application started to run one
 * ({@link BelayCommandLine#runsBelayCommandAndEnds}), and does nothing in any other start.
 * Spring Shell has a runner of its own for this, but registers it only when the application has
 * no {@link ApplicationRunner} bean: an application with one would start, run its runner and end
 * without running the command, with exit status 0. This one is there whatever the application
 * defines; Spring Shell's, when there is one, is skipped like the application's runners (see
 * {@link ApplicationRunnersSkippingPostProcessor}), so the command runs once.
 * <p>
 * The command runs in a {@link BelayNonInteractiveShellRunner} of its own, on the application's
 * parser and registry, rather than in the {@code ShellRunner} bean: which runner Spring Shell
 * defines is a condition on {@code spring.shell.interactive.enabled}, and a context generated
 * ahead of time (Spring AOT) has the one its build chose, an interactive one unless the
 * application turned it off.
 * <p>
 * Under Spring AOT the web application type cannot be switched off for a command (see
 * {@link BelayCommandLineEnvironmentPostProcessor}), and the web server's thread would keep the
 * process running after the command; so there the command, once done, closes the context, as the
 * end of a run without a web server does.
 */
final class BelayCommandRunner implements ApplicationRunner, ApplicationContextAware, Ordered {

    private final ObjectProvider<CommandParser> parser;

    private final ObjectProvider<CommandRegistry> registry;

    private final boolean commandRun;

    private @Nullable ApplicationContext context;

    BelayCommandRunner(ObjectProvider<CommandParser> parser, ObjectProvider<CommandRegistry> registry,
            Environment environment) {
        this.parser = parser;
        this.registry = registry;
        this.commandRun = environment instanceof ConfigurableEnvironment configurable
                && BelayCommandLine.runsBelayCommandAndEnds(configurable);
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!this.commandRun) {
            return;
        }
        new BelayNonInteractiveShellRunner(this.parser.getObject(), this.registry.getObject(),
                new PrintWriter(System.out, true))
            .run(args.getSourceArgs());
        if (AotDetector.useGeneratedArtifacts() && this.context instanceof ConfigurableApplicationContext configurable) {
            configurable.close();
        }
    }

}
