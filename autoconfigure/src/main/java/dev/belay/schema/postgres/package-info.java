/**
 * The current state of a schema, read from {@code pg_catalog} by
 * {@link dev.belay.schema.postgres.SchemaInspector}.
 */
@NullMarked
package dev.belay.schema.postgres;

import org.jspecify.annotations.NullMarked;
