/**
 * Many tenants, one chain of revisions: {@link dev.belay.tenant.TenantSource} says which tenants
 * there are (schemas of the application's database, or databases of their own), and
 * {@link dev.belay.tenant.BelayTenants} brings each to the target with its own history table and
 * its own lock, a few at a time, canaries first.
 */
@NullMarked
package dev.belay.tenant;

import org.jspecify.annotations.NullMarked;
