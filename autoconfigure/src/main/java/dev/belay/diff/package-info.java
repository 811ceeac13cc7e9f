/**
 * The diff engine: {@link dev.belay.diff.SchemaDiff} compares a current and a desired
 * {@link dev.belay.schema.Schema} and orders the differences, through the dependencies between
 * objects, into a {@link dev.belay.diff.MigrationPlan} of {@link dev.belay.diff.Change}s, each
 * one call of the {@link dev.belay.actions.DatabaseActions} recipe book, with its
 * {@link dev.belay.diff.Hazard}s.
 */
@NullMarked
package dev.belay.diff;

import org.jspecify.annotations.NullMarked;
