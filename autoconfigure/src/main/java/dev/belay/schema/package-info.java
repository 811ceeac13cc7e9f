/**
 * A neutral, immutable model of one PostgreSQL schema: what Belay compares.
 * <p>
 * Both sides of a comparison are values of {@link dev.belay.schema.Schema}: the current state
 * read from {@code pg_catalog} and the desired state built from the JPA mapping. Names are
 * stored as PostgreSQL keeps them (unquoted, case preserved); types, defaults and expressions
 * are SQL text as PostgreSQL renders them, with names in the schema itself left unqualified, so
 * a value never depends on the schema's own name.
 */
@NullMarked
package dev.belay.schema;

import org.jspecify.annotations.NullMarked;
