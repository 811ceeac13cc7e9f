/**
 * The desired schema from the JPA mapping: Hibernate's boot-time model, turned into Hibernate's
 * own {@code create} DDL, run in a scratch schema and read back with the
 * {@link dev.belay.schema.postgres.SchemaInspector}, so that it compares like with like against
 * the schema in the database.
 */
@NullMarked
package dev.belay.schema.jpa;

import org.jspecify.annotations.NullMarked;
