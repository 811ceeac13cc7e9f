package dev.belay.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.shell.core.FileInputProvider;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.utils.Utils;

/**
 * Spring Shell's non-interactive runner, with failures that reach the process's exit status:
 * it parses and executes the command line (or an {@code @script}) as Spring Shell's own
 * {@code NonInteractiveShellRunner} does, but a parse error, an unknown command or a non-zero exit
 * status ends the application with a {@link ShellCommandFailedException} (exit status 2 for a
 * parse error or an unknown command, else the command's status) rather than only a log line. With
 * no command it does nothing, so an application started without arguments just runs.
 * <p>
 * Arguments that set Spring properties are left out of the command line: {@code --name=value}
 * before the command, and {@code --name.with.dots=value} anywhere (command options have no dots).
 * Words are put back together quoted where they hold spaces, so that
 * {@code --message "add author"} stays one value.
 */
final class BelayNonInteractiveShellRunner implements ShellRunner {

    /** The input of a shell that cannot ask: every question finds nobody to answer it. */
    static final InputReader NOBODY = new InputReader() {
    };

    private final CommandParser parser;

    private final CommandRegistry registry;

    private final CommandExecutor executor;

    private final PrintWriter out;

    BelayNonInteractiveShellRunner(CommandParser parser, CommandRegistry registry, PrintWriter out) {
        this.parser = parser;
        this.registry = registry;
        this.executor = new CommandExecutor(registry);
        this.out = out;
    }

    @Override
    public void run(String[] args) {
        List<String> words = commandWords(args);
        if (words.isEmpty()) {
            return;
        }
        if (words.get(0).startsWith("@")) {
            runScript(new File(words.get(0).substring(1)));
        }
        else {
            execute(line(words));
        }
    }

    private void runScript(File script) {
        try (FileInputProvider lines = new FileInputProvider(script)) {
            for (String line = lines.readInput(); line != null; line = lines.readInput()) {
                if (!line.isBlank()) {
                    execute(line);
                }
            }
        }
        catch (IOException ex) {
            throw fail("Could not read script " + script + ": " + ex.getMessage(), 2);
        }
    }

    private void execute(String line) {
        ParsedInput input;
        try {
            input = this.parser.parse(line);
        }
        catch (RuntimeException ex) {
            throw fail("Could not read command '" + line + "': " + ex.getMessage(), 2);
        }
        CommandContext context = new CommandContext(input, this.registry, this.out, NOBODY);
        ExitStatus status;
        try {
            status = this.executor.execute(context);
        }
        catch (CommandNotFoundException ex) {
            this.out.println("There is no command '" + ex.getCommandName() + "'.");
            this.out.println(Utils.formatAvailableCommands(this.registry));
            throw fail("Unknown command '" + ex.getCommandName() + "'", 2);
        }
        catch (CommandExecutionException ex) {
            Throwable cause = ex;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw fail("Command '" + name(input) + "' failed: " + cause, 1);
        }
        finally {
            this.out.flush();
        }
        if (status.code() != ExitStatus.OK.code()) {
            throw fail("Command '" + name(input) + "' failed (exit status " + exitCode(status) + "): "
                    + status.description(), exitCode(status));
        }
    }

    private static ShellCommandFailedException fail(String message, int exitCode) {
        return new ShellCommandFailedException(message, exitCode);
    }

    /** Spring Shell's own statuses are negative; a process's exit status is 1 to 255. */
    private static int exitCode(ExitStatus status) {
        int code = Math.abs(status.code());
        return (code > 255) ? 1 : code;
    }

    private static String name(ParsedInput input) {
        List<String> words = new ArrayList<>();
        words.add(input.commandName());
        words.addAll(input.subCommands());
        return String.join(" ", words);
    }

    /** The arguments without those that set Spring properties. */
    static List<String> commandWords(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            boolean property = arg.startsWith("--") && arg.contains("=")
                    && (words.isEmpty() || arg.substring(2, arg.indexOf('=')).contains("."));
            if (!property) {
                words.add(arg);
            }
        }
        return words;
    }

    /** The words as one line for Spring Shell's parser, quoting those that hold spaces or quotes. */
    static String line(List<String> words) {
        return words.stream().map(BelayNonInteractiveShellRunner::quoted).collect(Collectors.joining(" "));
    }

    private static String quoted(String word) {
        if (word.isEmpty()) {
            return "\"\"";
        }
        if (!word.matches(".*[\\s\"].*")) {
            return word;
        }
        int equals = word.indexOf('=');
        if (word.startsWith("-") && equals > 0) {
            return word.substring(0, equals + 1) + quoted(word.substring(equals + 1));
        }
        return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
