/**
 * The ride log with many tenants, one schema each ({@code belay.tenants.schemas=acme,globex}):
 * Belay migrates every tenant's schema and Hibernate's schema multi-tenancy points each request
 * at its tenant's schema, named by the {@code X-Tenant} header.
 */
@NullMarked
package dev.belay.sample.tenants;

import org.jspecify.annotations.NullMarked;
