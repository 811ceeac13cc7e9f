package dev.belay.autoconfigure;

import java.io.PrintWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
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
 */
final class BelayCommandRunner implements ApplicationRunner, Ordered {

    private final ObjectProvider<CommandParser> parser;

    private final ObjectProvider<CommandRegistry> registry;

    private final boolean commandRun;

    BelayCommandRunner(ObjectProvider<CommandParser> parser, ObjectProvider<CommandRegistry> registry,
            Environment environment) {
        this.parser = parser;
        this.registry = registry;
        this.commandRun = environment instanceof ConfigurableEnvironment configurable
                && BelayCommandLine.runsBelayCommandAndEnds(configurable);
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
    }

}
