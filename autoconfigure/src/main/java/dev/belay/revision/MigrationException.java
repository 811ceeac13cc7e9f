package dev.belay.revision;

import org.jspecify.annotations.Nullable;

/**
 * Belay cannot migrate: the message says what is wrong, naming the revisions involved, and
 * {@link #fix()} says what to do about it. Whatever was being applied when it was thrown has been
 * rolled back, unless the message says otherwise.
 */
public class MigrationException extends RuntimeException {

    private final String problem;

    private final String fix;

    public MigrationException(String problem, String fix) {
        this(problem, fix, null);
    }

    public MigrationException(String problem, String fix, @Nullable Throwable cause) {
        super(problem + " " + fix, cause);
        this.problem = problem;
        this.fix = fix;
    }

    /** What is wrong. */
    public String problem() {
        return this.problem;
    }

    /** What to do about it. */
    public String fix() {
        return this.fix;
    }

}
