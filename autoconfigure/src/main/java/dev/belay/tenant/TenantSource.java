package dev.belay.tenant;

import java.util.List;

/**
 * Supplies tenants at runtime: implement it as a bean (reading a table of customers, say), and
 * Belay migrates every tenant it returns at startup, beside those that
 * {@code belay.tenants.schemas} names. It is asked again whenever Belay needs the list (every
 * start, {@code belay status}, the actuator endpoint), so a tenant added since is seen. It is
 * called while Belay migrates at startup, before the application's database users exist: it must
 * not inject JPA, the application's {@code JdbcTemplate} or {@code JdbcClient} (they wait for the
 * migration, which would wait for them); a {@code JdbcTemplate} of its own on the
 * {@code DataSource} is fine.
 */
@FunctionalInterface
public interface TenantSource {

    /** The tenants, in the order to migrate them (the first ones are the canaries). */
    List<Tenant> tenants();

}
