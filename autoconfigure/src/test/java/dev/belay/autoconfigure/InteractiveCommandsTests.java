package dev.belay.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.belay.autoconfigure.triplog.TripLogApplication;
import dev.belay.autoconfigure.triprename.RenamedTrips;
import dev.belay.runner.MigrationRunner;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands in an interactive shell, where a person answers: rollback runs only after a yes,
 * generate asks whether a drop and an add of the same type are a rename, and a line typed at the
 * prompt is read as the same words on the command line are.
 */
@PostgresTest
class InteractiveCommandsTests {

    private final TestDatabase database;

    InteractiveCommandsTests(TestDatabase database) {
        this.database = database;
    }

    @Test
    void rollbackRunsOnlyWhenThePersonSaysYes() {
        try (ConfigurableApplicationContext context = start("interactive_rollback", Map.of())) {
            MigrationRunner runner = context.getBean(MigrationRunner.class);
            Command rollback = context.getBean("belayRollbackCommand", Command.class);
            Answers no = new Answers("n");

            assertThat(execute(rollback, no, List.of()).status()).isEqualTo(ExitStatus.OK);
            assertThat(no.prompts()).singleElement().asString().contains("Roll back 1 revision, running down():")
                .contains("20260101_000100_create_trips (create trips)").endsWith("Go ahead? [y/N] ");
            assertThat(runner.status().upToDate()).isTrue();

            Run yes = execute(rollback, new Answers("yes"), List.of());
            assertThat(yes.output()).contains("Rolled back 1 revision");
            assertThat(runner.status().upToDate()).isFalse();
        }
    }

    @Test
    void generateAsksWhetherADroppedAndAnAddedColumnAreARename(@TempDir Path sources) throws Exception {
        try (ConfigurableApplicationContext context = start("interactive_rename",
                Map.of("belay.generate.directory", sources.toString()), RenamedTrips.class)) {
            Command generate = context.getBean("belayGenerateCommand", Command.class);
            Answers answers = new Answers("y");

            Run run = execute(generate, answers, List.of());

            assertThat(run.status()).as(run.output()).isEqualTo(ExitStatus.OK);
            assertThat(answers.prompts()).singleElement().asString()
                .startsWith("Is column trip.name (character varying(80)) renamed to title");
            try (Stream<Path> files = Files.walk(sources)) {
                Path file = files.filter((each) -> each.toString().endsWith(".java")).findFirst().orElseThrow();
                assertThat(Files.readString(file)).contains("m.actions().renameColumn(\"trip\", \"name\", \"title\");")
                    .doesNotContain("dropColumn");
            }
        }
    }

    @Test
    void aLineAtThePromptIsReadAsOnTheCommandLineSoTheCommandJudgesItsOptions() {
        try (ConfigurableApplicationContext context = start("interactive_options", Map.of())) {
            Run negative = executeLine(context, "belay rollback --steps -1 --yes");
            assertThat(negative.status().code()).isEqualTo(2);
            assertThat(negative.output()).contains("--steps takes a whole number of 1 or more, not '-1'.");

            Run unknown = executeLine(context, "belay apply --bogus");
            assertThat(unknown.status().code()).isEqualTo(2);
            assertThat(unknown.output()).contains("'belay apply' has no option --bogus; it takes --target, --dry-run, "
                    + "--tenant, --all-tenants, --format.");
            assertThat(context.getBean(MigrationRunner.class).status().upToDate()).isTrue();
        }
    }

    private ConfigurableApplicationContext start(String schema, Map<String, Object> properties, Class<?>... sources) {
        SpringApplication application = new SpringApplication(TripLogApplication.class);
        application.addPrimarySources(List.of(sources));
        Map<String, Object> defaults = new java.util.HashMap<>(Map.of("spring.datasource.url", this.database.url(),
                "spring.datasource.username", this.database.user(), "spring.datasource.password",
                this.database.password(), "spring.shell.interactive.enabled", "false", "spring.main.banner-mode",
                "off", "spring.main.web-application-type", "none", "belay.schema", schema));
        defaults.putAll(properties);
        application.setDefaultProperties(defaults);
        return application.run();
    }

    private static Run execute(Command command, InputReader input, List<CommandOption> options) {
        StringWriter output = new StringWriter();
        ParsedInput.Builder parsed = ParsedInput.builder().commandName("belay");
        for (String word : command.getName().substring("belay ".length()).split(" ")) {
            parsed.addSubCommand(word);
        }
        options.forEach(parsed::addOption);
        try {
            ExitStatus status = command.execute(new CommandContext(parsed.build(), new CommandRegistry(),
                    new PrintWriter(output, true), input));
            return new Run(status, output.toString());
        }
        catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    /**
     * Reads a line with the application's parser, the one its interactive shell runner is given,
     * and executes it as that runner does.
     */
    private static Run executeLine(ConfigurableApplicationContext context, String line) {
        StringWriter output = new StringWriter();
        CommandRegistry registry = context.getBean(CommandRegistry.class);
        ParsedInput parsed = context.getBean(CommandParser.class).parse(line);
        try {
            ExitStatus status = new CommandExecutor(registry)
                .execute(new CommandContext(parsed, registry, new PrintWriter(output, true), new Answers()));
            return new Run(status, output.toString());
        }
        catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    private record Run(ExitStatus status, String output) {

    }

    /** A person at the keyboard who gives the answers in order and remembers the questions. */
    private static final class Answers implements InputReader {

        private final Deque<String> answers;

        private final List<String> prompts = new ArrayList<>();

        Answers(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public String readInput(String prompt) {
            this.prompts.add(prompt);
            return this.answers.poll();
        }

        List<String> prompts() {
            return this.prompts;
        }

    }

}
