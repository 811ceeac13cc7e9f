package dev.belay.autoconfigure;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.shell.core.ShellRunner;

/**
 * Runs the {@code belay} command of the command line, in an application started to run one.
 * Spring Shell has a runner of its own for this, but registers it only when the application has
 * no {@link ApplicationRunner} bean: an application with one would start, run its runner and end
 * without running the command, with exit status 0. This one is there whatever the application
 * defines; Spring Shell's, when there is one, is skipped like the application's runners (see
 * {@link ApplicationRunnersSkippingPostProcessor}), so the command runs once.
 */
final class BelayCommandRunner implements ApplicationRunner, Ordered {

    private final ShellRunner shell;

    BelayCommandRunner(ShellRunner shell) {
        this.shell = shell;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        this.shell.run(args.getSourceArgs());
    }

}
