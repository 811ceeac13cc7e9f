/**
 * Applying and rolling back revisions: {@link dev.belay.runner.MigrationRunner} takes the
 * migration lock, reads the history table, runs what is pending in order and records it, and
 * reports the state of a database.
 */
@NullMarked
package dev.belay.runner;

import org.jspecify.annotations.NullMarked;
