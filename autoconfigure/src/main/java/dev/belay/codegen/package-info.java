/**
 * Revisions as Java source: {@link dev.belay.codegen.RevisionGenerator} renders a
 * {@link dev.belay.diff.MigrationPlan} as one readable revision class, each change one call of
 * {@link dev.belay.actions.DatabaseActions}. It knows neither Spring nor JDBC.
 */
@NullMarked
package dev.belay.codegen;

import org.jspecify.annotations.NullMarked;
