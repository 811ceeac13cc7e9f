package dev.belay.sample;

import org.jspecify.annotations.Nullable;

/**
 * The embedded PostgreSQL could not start on its data directory; {@link #action()} says what to
 * do about it. {@link EmbeddedDatabaseFailureAnalyzer} shows both instead of a stack trace.
 */
class EmbeddedDatabaseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    EmbeddedDatabaseException(String message, String action, @Nullable Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    String action() {
        return this.action;
    }

}
