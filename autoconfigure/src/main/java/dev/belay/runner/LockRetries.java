package dev.belay.runner;

import java.time.Duration;

import dev.belay.revision.MigrationException;

import org.jspecify.annotations.Nullable;

/**
 * How often a revision (or, in a non-transactional revision, a statement) whose statement timed
 * out waiting for a table lock ({@code lock_timeout}, SQLSTATE 55P03) is tried again, and how
 * long to pause before each try: 1 s, then twice as long each time, at most 30 s. As
 * strong_migrations does, a short {@code lock_timeout} and a few retries keep a migration from
 * queueing every query of a busy table behind it, without failing on the first long transaction
 * it meets.
 *
 * @param retries how many times to try again (0: never)
 */
record LockRetries(int retries) {

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    static final LockRetries NONE = new LockRetries(0);

    LockRetries {
        if (retries < 0) {
            throw new IllegalArgumentException("Lock retries must not be negative, but are " + retries);
        }
    }

    /** Whether another try may follow the given one (1 for the first). */
    boolean allowsAnother(int tries) {
        return tries <= this.retries;
    }

    /** The pause before the try after the given one (1 for the first try). */
    Duration pauseAfter(int tries) {
        long millis = FIRST_PAUSE.toMillis() << Math.min(tries - 1, 10);
        return Duration.ofMillis(Math.min(millis, LONGEST_PAUSE.toMillis()));
    }

    /** Sleeps before the next try. */
    void pause(int tries) {
        try {
            Thread.sleep(pauseAfter(tries).toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while pausing before trying a revision again.",
                    "Start again.");
        }
    }

    /** Whether a failure is a statement that timed out waiting for a lock. */
    static boolean isLockTimeout(@Nullable Throwable failure) {
        return "55P03".equals(SqlFailures.state(failure));
    }

}
