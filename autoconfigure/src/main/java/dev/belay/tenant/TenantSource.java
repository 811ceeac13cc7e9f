package dev.belay.tenant;

import java.util.List;

/**
 * Supplies tenants at runtime: implement it as a bean (reading a table of customers, say), and
 * Belay migrates every tenant it returns at startup, beside those that
 * {@code belay.tenants.schemas} names. It is asked again whenever Belay needs the list (every
 * start, {@code belay status}, the actuator endpoint), so a tenant added since is seen. It must
 * not need JPA: it is called before the {@code EntityManagerFactory} exists, as Belay migrates
 * first (plain JDBC on the {@code DataSource} is fine).
 */
@FunctionalInterface
public interface TenantSource {

    /** The tenants, in the order to migrate them (the first ones are the canaries). */
    List<Tenant> tenants();

}
