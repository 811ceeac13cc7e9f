package dev.belay.test;

import java.io.Serial;

/**
 * A check of the revision chain that did not hold: a test failure (not an error), with a message
 * that names the revision and shows the difference as SQL.
 */
final class RevisionCheckFailure extends AssertionError {

    @Serial
    private static final long serialVersionUID = 1L;

    RevisionCheckFailure(String message) {
        super(message);
    }

    RevisionCheckFailure(String message, Throwable cause) {
        super(message, cause);
    }

}
