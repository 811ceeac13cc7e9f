package dev.belay.autoconfigure;

import org.springframework.boot.SpringBootExceptionReporter;

/**
 * Reports a {@link ShellCommandFailedException} as the one line it is, instead of a stack trace
 * under "Application run failed": the command already printed what went wrong and what to do.
 */
final class ShellCommandFailureReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShellCommandFailedException failed) {
                System.err.println(failed.getMessage());
                return true;
            }
        }
        return false;
    }

}
