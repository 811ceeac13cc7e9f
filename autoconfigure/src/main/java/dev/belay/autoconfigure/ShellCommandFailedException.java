package dev.belay.autoconfigure;

import org.springframework.boot.ExitCodeGenerator;

/**
 * A command run from the command line ({@code java -jar app.jar belay check}) failed, was misused
 * or does not exist. Thrown out of the application's run so that Spring Boot ends the process with
 * {@link #getExitCode()}; the command has already said what went wrong, so
 * {@link ShellCommandFailureReporter} keeps Spring Boot from printing it again as a crash.
 */
public class ShellCommandFailedException extends RuntimeException implements ExitCodeGenerator {

    private final int exitCode;

    public ShellCommandFailedException(String message, int exitCode) {
        super(message);
        if (exitCode == 0) {
            throw new IllegalArgumentException("A failed command's exit code is not 0");
        }
        this.exitCode = exitCode;
    }

    @Override
    public int getExitCode() {
        return this.exitCode;
    }

}
