package dev.belay.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

/**
 * The options a {@code belay} command was given, checked against those it declares: an unknown
 * option, a stray argument or a value of the wrong kind is a usage error that names it, rather
 * than something silently ignored.
 */
final class CommandInput {

    private final String command;

    private final List<CommandOption> given;

    private CommandInput(String command, List<CommandOption> given) {
        this.command = command;
        this.given = given;
    }

    /**
     * @throws UsageException naming an unknown option or an argument the command does not take
     */
    static CommandInput of(CommandContext context, String command, List<CommandOption> declared) {
        Set<String> known = declared.stream().map(CommandOption::longName).collect(Collectors.toSet());
        List<CommandOption> given = new ArrayList<>();
        for (CommandOption option : context.parsedInput().options()) {
            boolean longName = option.longName() != null && !option.longName().isEmpty();
            if (!longName || !known.contains(option.longName())) {
                String name = longName ? "--" + option.longName() : "-" + option.shortName();
                throw new UsageException("'" + command + "' has no option " + name + "; it takes "
                        + (known.isEmpty() ? "no options" : declared.stream()
                            .map((each) -> "--" + each.longName())
                            .collect(Collectors.joining(", ")))
                        + ".");
            }
            given.add(option);
        }
        List<CommandArgument> arguments = context.parsedInput().arguments();
        if (!arguments.isEmpty()) {
            throw new UsageException("'" + command + "' takes no argument, but was given '" + arguments.stream()
                .map(CommandArgument::value)
                .collect(Collectors.joining("' '")) + "'. Quote a value that holds spaces, e.g. --message \"add author\".");
        }
        return new CommandInput(command, given);
    }

    /** The value of an option given once, or {@code null} when it is not given. */
    @Nullable String string(String name) {
        List<String> values = strings(name);
        if (values.size() > 1) {
            throw new UsageException("'" + this.command + "' takes --" + name + " once, but was given it "
                    + values.size() + " times.");
        }
        if (values.size() == 1 && values.get(0).isEmpty()) {
            throw new UsageException("--" + name + " needs a value.");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a repeatable option, in order. */
    List<String> strings(String name) {
        return this.given.stream()
            .filter((option) -> name.equals(option.longName()))
            .map((option) -> (option.value() != null) ? option.value() : "")
            .toList();
    }

    /** Whether a flag is on: given alone or as {@code true}. */
    boolean flag(String name) {
        List<String> values = strings(name);
        if (values.isEmpty()) {
            return false;
        }
        String value = values.get(values.size() - 1).toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new UsageException("--" + name + " is a flag: give it alone, or as --" + name + "=true or false, not '"
                + values.get(values.size() - 1) + "'.");
    }

    /** A positive whole number, or {@code null} when not given. */
    @Nullable Integer positive(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number > 0) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new UsageException("--" + name + " takes a whole number of 1 or more, not '" + value + "'.");
    }

    /** The command was used wrongly; the message says how to use it. */
    static final class UsageException extends RuntimeException {

        UsageException(String message) {
            super(message);
        }

    }

}
