package dev.belay.sample.rides;

/**
 * The tenant the current request is for, as the schema that holds its rides: a bean only when
 * the ride log has tenants (the {@code tenants} package provides it), so that {@link GpxStorage}
 * keeps each tenant's tracks apart. Without it the ride log has one schema and one directory.
 */
@FunctionalInterface
public interface CurrentTenant {

    /** The schema of the current request's tenant. */
    String schema();

}
