package dev.belay.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Spring Shell's command parser with the options of a {@code belay} line read against the options
 * the command declares, so that a misused option reaches the command, which names it and says
 * what it takes, instead of ending as a parse error.
 * <p>
 * Spring Shell 4.0's {@code DefaultCommandParser} decides whether an option has a value from the
 * word after it alone: a word that starts with {@code -} is taken for the next option, so
 * {@code --steps -1} is "--steps without a value"; and when no value follows, it asks whether the
 * option is a flag of the line's first word's command ({@code belay}), not of the command given,
 * so {@code belay apply --bogus} fails with "Option '--bogus' requires a value". Both are thrown
 * before any command runs, as a parse error with nothing about the command.
 * <p>
 * Rather than parse the line again, this parser gives every option of a {@code belay} line its
 * value explicitly, as {@code --name=value}, and hands the line to the parser it wraps (which
 * then splits, unquotes and finds the command as it always does, with nothing left to guess):
 * <ul>
 * <li>an option that takes a value takes the next word unless that word is itself a long option
 * ({@code --name}): {@code --steps -1} gives {@code -1} to the command, which says what
 * {@code --steps} takes;</li>
 * <li>a flag takes the next word only when it does not start with {@code -}
 * ({@code --dry-run false}), and is {@code true} otherwise;</li>
 * <li>an option the command does not declare is read as one that takes a value, so that the
 * command names it whether or not a value follows and wherever it stands;</li>
 * <li>a missing value is given as empty, which the command reports as a value it needs.</li>
 * </ul>
 * Lines of other commands go to the wrapped parser unchanged. The interactive shell and
 * {@link BelayNonInteractiveShellRunner} share the parser bean, so both read a line alike.
 */
final class BelayCommandParser implements CommandParser {

    static final String ROOT = "belay";

    /** How Spring Shell's parser splits a line into words: at spaces outside double quotes. */
    private static final Pattern WORDS = Pattern.compile("\\s+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");

    /** Everything after it is an argument, never an option. */
    private static final String END_OF_OPTIONS = "--";

    private final CommandParser parser;

    private final Supplier<CommandRegistry> registry;

    /**
     * @param parser the parser that does the parsing
     * @param registry the commands, looked up when a line is parsed (they are registered only once
     * every singleton exists)
     */
    BelayCommandParser(CommandParser parser, Supplier<CommandRegistry> registry) {
        this.parser = parser;
        this.registry = registry;
    }

    @Override
    public ParsedInput parse(String line) {
        List<String> words = List.of(WORDS.split(line));
        if (words.isEmpty() || !words.get(0).equals(ROOT)) {
            return this.parser.parse(line);
        }
        CommandRegistry commands = this.registry.get();
        int named = commandLength(words, commands);
        Command command = commands.getCommandByName(String.join(" ", words.subList(0, named)));
        if (command == null) {
            // A prefix of several commands ("belay ro"): Spring Shell lists them.
            return this.parser.parse(line);
        }
        return this.parser.parse(String.join(" ", explicit(words, named, command)));
    }

    /**
     * How many words name the command, found as Spring Shell's parser finds them: as long as the
     * words so far begin the name of some command.
     */
    private static int commandLength(List<String> words, CommandRegistry commands) {
        int named = 1;
        while (named < words.size()
                && !commands.getCommandsByPrefix(String.join(" ", words.subList(0, named + 1))).isEmpty()) {
            named++;
        }
        return named;
    }

    /** The words with every option given as {@code --name=value}. */
    private static List<String> explicit(List<String> words, int named, Command command) {
        List<String> explicit = new ArrayList<>(words.subList(0, named));
        for (int i = named; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals(END_OF_OPTIONS)) {
                explicit.addAll(words.subList(i, words.size()));
                break;
            }
            if (!word.startsWith("-") || word.contains("=")) {
                explicit.add(word);
                continue;
            }
            boolean flag = isFlag(command, word);
            @Nullable String next = (i + 1 < words.size()) ? words.get(i + 1) : null;
            if (next != null && (flag ? !next.startsWith("-") : !next.startsWith("--"))) {
                explicit.add(word + "=" + next);
                i++;
            }
            else {
                explicit.add(word + "=" + (flag ? "true" : ""));
            }
        }
        return explicit;
    }

    private static boolean isFlag(Command command, String word) {
        if (word.equals("--help") || word.equals("-h")) {
            return true;
        }
        return command.getOptions()
            .stream()
            .filter((option) -> option.isOptionEqual(word))
            .map(CommandOption::type)
            .anyMatch((type) -> type == boolean.class || type == Boolean.class);
    }

}
