package dev.belay.autoconfigure;

import dev.belay.runner.MigrationRunner;
import dev.belay.tenant.BelayTenants;
import dev.belay.workbench.DevDatabase;
import dev.belay.workbench.SchemaWorkbench;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Belay's Spring Shell commands ({@code belay status}, {@code generate}, {@code merge},
 * {@code apply}, {@code rollback}, {@code stamp}, {@code diff}, {@code check}) as {@link Command}
 * beans, which Spring Shell registers, a non-interactive runner whose failures set the process's
 * exit status, and a parser that lets each command judge its own options. A start that runs a
 * {@code belay} command runs it with a runner of Belay's and does not run the application's own
 * {@code CommandLineRunner} and {@code ApplicationRunner} beans. Active when Spring
 * Shell 4 is on the class path; the commands that compare with the mapping need the
 * {@link SchemaWorkbench} and say so when it is missing.
 * <p>
 * After Spring Shell's own auto-configuration, whose {@code ApplicationRunner} (the one that runs
 * an interactive session or a command that is not Belay's) is defined only when the application
 * has no other: Belay's {@link BelayCommandRunner} must not be the one that keeps it away.
 */
@AutoConfiguration(after = { BelayAutoConfiguration.class, BelayWorkbenchAutoConfiguration.class },
        afterName = "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration")
@ConditionalOnClass(name = { "org.springframework.shell.core.command.Command",
        "org.springframework.shell.core.NonInteractiveShellRunner" })
@ConditionalOnBean(MigrationRunner.class)
@ConditionalOnBooleanProperty(name = "belay.enabled", matchIfMissing = true)
public final class BelayShellAutoConfiguration {

    @Bean
    static BelayShellRunnerPostProcessor belayShellRunnerPostProcessor() {
        return new BelayShellRunnerPostProcessor();
    }

    @Bean
    static BelayCommandParserPostProcessor belayCommandParserPostProcessor() {
        return new BelayCommandParserPostProcessor();
    }

    /*
     * The runner of a start that runs a belay command, and the post-processor that keeps the
     * application's own runners from running in it, are there in every start and look at the
     * command line when the application runs, not in a condition: under Spring AOT conditions are
     * evaluated once, when the build generates the bean definitions, without the command line of
     * any later start.
     */

    @Bean
    static ApplicationRunnersSkippingPostProcessor belayApplicationRunnersSkippingPostProcessor() {
        return new ApplicationRunnersSkippingPostProcessor();
    }

    @Bean
    BelayCommandRunner belayCommandRunner(ObjectProvider<CommandParser> parser, ObjectProvider<CommandRegistry> registry,
            Environment environment) {
        return new BelayCommandRunner(parser, registry, environment);
    }

    @Bean
    BelayCommands belayCommands(MigrationRunner runner, ObjectProvider<SchemaWorkbench> workbench,
            ObjectProvider<DevDatabase> dev, ObjectProvider<BelayTenants> tenants) {
        return new BelayCommands(runner, workbench, dev, tenants);
    }

    @Bean
    Command belayCommand(BelayCommands commands) {
        return commands.root();
    }

    @Bean
    Command belayStatusCommand(BelayCommands commands) {
        return commands.status();
    }

    @Bean
    Command belayGenerateCommand(BelayCommands commands) {
        return commands.generate();
    }

    @Bean
    Command belayMergeCommand(BelayCommands commands) {
        return commands.merge();
    }

    @Bean
    Command belayApplyCommand(BelayCommands commands) {
        return commands.apply();
    }

    @Bean
    Command belayRollbackCommand(BelayCommands commands) {
        return commands.rollback();
    }

    @Bean
    Command belayStampCommand(BelayCommands commands) {
        return commands.stamp();
    }

    @Bean
    Command belayBaselineCommand(BelayCommands commands) {
        return commands.baseline();
    }

    @Bean
    Command belayDiffCommand(BelayCommands commands) {
        return commands.diff();
    }

    @Bean
    Command belayCheckCommand(BelayCommands commands) {
        return commands.check();
    }

    @Bean
    Command belayVerifyCommand(BelayCommands commands) {
        return commands.verify();
    }

    @Bean
    Command belayLintCommand(BelayCommands commands) {
        return commands.lint();
    }

}
