package dev.belay.autoconfigure;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import dev.belay.revision.MigrationException;

import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

/**
 * One {@code belay} command for Spring Shell: checks its options, runs, and turns what goes wrong
 * into a message on the command's output and an exit status: 1 when Belay refuses or fails (the
 * message says why and what to do), 2 for a usage error.
 */
final class BelayCommand extends AbstractCommand {

    static final String GROUP = "Belay";

    private final Action action;

    BelayCommand(String name, String description, String help, List<CommandOption> options, Action action) {
        super(name, description, GROUP, help, false);
        setOptions(options);
        this.action = action;
    }

    @Override
    public ExitStatus doExecute(CommandContext context) {
        PrintWriter out = context.outputWriter();
        try {
            CommandInput input = CommandInput.of(context, getName(), getOptions());
            return this.action.run(context, input, out);
        }
        catch (CommandInput.UsageException ex) {
            out.println(ex.getMessage());
            out.println("Run '" + getName() + " --help' for its options.");
            return usage(ex.getMessage());
        }
        catch (MigrationException ex) {
            out.println(ex.problem());
            out.println(ex.fix());
            return failed(ex.problem());
        }
        catch (RuntimeException ex) {
            out.println(getName() + " failed: " + ex.getMessage());
            return failed(String.valueOf(ex.getMessage()));
        }
        finally {
            out.flush();
        }
    }

    /** A failure: Belay refused or could not do it. */
    static ExitStatus failed(String why) {
        return new ExitStatus(1, firstSentence(why));
    }

    static ExitStatus usage(String why) {
        return new ExitStatus(2, firstSentence(why));
    }

    /**
     * Asks a yes-or-no question through the shell's input, or returns empty when there is nobody
     * to ask (the shell is not interactive). No answer, or anything but yes, is no.
     */
    static Optional<Boolean> ask(CommandContext context, String question) {
        try {
            String answer = context.inputReader().readInput(question + " [y/N] ");
            return Optional.of(answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y"));
        }
        catch (UnsupportedOperationException ex) {
            return Optional.empty();
        }
        catch (Exception ex) {
            // End of input or an interrupt (Ctrl-C, Ctrl-D): not a yes.
            return Optional.of(false);
        }
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String sentence = (end > 0) ? text.substring(0, end + 1) : text;
        return (sentence.length() > 200) ? sentence.substring(0, 199) + "…" : sentence;
    }

    /** What a command does once its options are checked. */
    @FunctionalInterface
    interface Action {

        ExitStatus run(CommandContext context, CommandInput input, PrintWriter out);

    }

}
