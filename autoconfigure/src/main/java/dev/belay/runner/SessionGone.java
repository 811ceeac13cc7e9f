package dev.belay.runner;

import org.jspecify.annotations.Nullable;

/**
 * Whether a failure means that the database session itself is gone: the connection broke
 * (SQLSTATE class 08), or the server ended the session (57P01 {@code pg_terminate_backend} or a
 * shutdown, 57P02, 57P03). PostgreSQL then rolls back the session's open transaction and
 * releases its locks, the migration lock included.
 */
final class SessionGone {

    private SessionGone() {
    }

    static boolean is(@Nullable Throwable failure) {
        return isState(SqlFailures.state(failure));
    }

    static boolean isState(@Nullable String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

}
