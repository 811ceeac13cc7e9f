package dev.belay.runner;

import java.sql.SQLException;

/**
 * What running a revision needs of the migration lock: a condition for every history write, so
 * that a revision is recorded only by a session that holds the lock, and a check before each
 * statement that commits on its own. A rehearsal in a scratch schema needs neither.
 */
interface LockGuard {

    /** No lock: for rehearsals and dry runs, which touch only a scratch schema. */
    LockGuard NONE = new LockGuard() {

        @Override
        public String condition() {
            return "true";
        }

        @Override
        public void check() {
        }

    };

    /** An SQL condition that holds only in a session that holds the lock. */
    String condition();

    /**
     * Checks that the session still holds the lock.
     * @throws dev.belay.revision.MigrationException saying how it was lost
     */
    void check() throws SQLException;

}
