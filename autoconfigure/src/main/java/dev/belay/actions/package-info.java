/**
 * The SQL recipe book: {@link dev.belay.actions.DatabaseActions} turns each kind of schema
 * change into PostgreSQL statements, used both by the diff (recording the statements of a plan)
 * and by revisions (executing them on the migration's connection).
 */
@NullMarked
package dev.belay.actions;

import org.jspecify.annotations.NullMarked;
