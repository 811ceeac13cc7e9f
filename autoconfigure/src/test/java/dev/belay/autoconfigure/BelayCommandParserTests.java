package dev.belay.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.DefaultCommandParser;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How a {@code belay} line is read into a command and its options: every option reaches the
 * command with its value, whatever the value looks like and whether or not the command declares
 * the option, so that the command can judge it. Lines of other commands are Spring Shell's.
 */
class BelayCommandParserTests {

    private final CommandRegistry registry = new CommandRegistry(Set.of(command("belay"),
            command("belay rollback", option("steps", Integer.class), option("target", String.class),
                    option("yes", boolean.class)),
            command("belay generate", option("message", String.class), option("shadow", boolean.class)),
            command("other", option("count", Integer.class))));

    private final BelayCommandParser parser = new BelayCommandParser(new DefaultCommandParser(this.registry),
            () -> this.registry);

    @Test
    void aNegativeNumberIsTheValueOfTheOptionBeforeIt() {
        ParsedInput input = this.parser.parse("belay rollback --steps -1 --yes");

        assertThat(input.subCommands()).containsExactly("rollback");
        assertThat(options(input)).containsExactly(Map.entry("steps", "-1"), Map.entry("yes", "true"));
        assertThat(options(this.parser.parse("belay rollback --steps=-3"))).containsExactly(Map.entry("steps", "-3"));
    }

    @Test
    void anUnknownOptionReachesTheCommandWithOrWithoutAValueWhereverItStands() {
        assertThat(options(this.parser.parse("belay rollback --bogus"))).containsExactly(Map.entry("bogus", ""));
        assertThat(options(this.parser.parse("belay rollback --bogus --yes"))).containsExactly(Map.entry("bogus", ""),
                Map.entry("yes", "true"));
        assertThat(options(this.parser.parse("belay rollback --yes --bogus 3"))).containsExactly(Map.entry("yes", "true"),
                Map.entry("bogus", "3"));
        assertThat(options(this.parser.parse("belay --bogus"))).containsExactly(Map.entry("bogus", ""));
    }

    @Test
    void aMissingValueIsEmptySoThatTheCommandAsksForIt() {
        assertThat(options(this.parser.parse("belay rollback --target"))).containsExactly(Map.entry("target", ""));
        assertThat(options(this.parser.parse("belay rollback --target --yes"))).containsExactly(Map.entry("target", ""),
                Map.entry("yes", "true"));
    }

    @Test
    void aFlagTakesAPlainWordAfterItAsItsValue() {
        assertThat(options(this.parser.parse("belay generate --shadow false --message x")))
            .containsExactly(Map.entry("shadow", "false"), Map.entry("message", "x"));
        assertThat(options(this.parser.parse("belay generate --shadow"))).containsExactly(Map.entry("shadow", "true"));
    }

    @Test
    void quotedValuesAndValuesWithAnEqualsSignStayWhole() {
        ParsedInput input = this.parser.parse("belay generate --message \"add a -1 = b\" --shadow");

        assertThat(options(input)).containsExactly(Map.entry("message", "add a -1 = b"), Map.entry("shadow", "true"));
        assertThat(options(this.parser.parse("belay generate --message=a=b"))).containsExactly(Map.entry("message", "a=b"));
    }

    @Test
    void helpIsAFlag() {
        assertThat(options(this.parser.parse("belay rollback --help"))).containsExactly(Map.entry("help", "true"));
        assertThat(options(this.parser.parse("belay --help"))).containsExactly(Map.entry("help", "true"));
        assertThat(this.parser.parse("belay rollback -h").options()).singleElement()
            .satisfies((option) -> assertThat(option.shortName()).isEqualTo('h'));
    }

    @Test
    void wordsAfterTheEndOfOptionsAreArguments() {
        ParsedInput input = this.parser.parse("belay rollback -- --steps -1");

        assertThat(input.options()).isEmpty();
        assertThat(input.arguments()).extracting(CommandArgument::value).containsExactly("--steps", "-1");
    }

    @Test
    void linesOfOtherCommandsAreSpringShells() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("other --count -1"))
            .withMessageContaining("requires a value");
        assertThat(options(this.parser.parse("other --count 2"))).containsExactly(Map.entry("count", "2"));
    }

    private static Map<String, String> options(ParsedInput input) {
        return input.options()
            .stream()
            .collect(Collectors.toMap(CommandOption::longName, CommandOption::value, (a, b) -> b,
                    java.util.LinkedHashMap::new));
    }

    private static BelayCommand command(String name, CommandOption... options) {
        return new BelayCommand(name, name, name, List.of(options), (context, input, out) -> ExitStatus.OK);
    }

    private static CommandOption option(String name, Class<?> type) {
        return CommandOption.with().longName(name).type(type).required(false).build();
    }

}
