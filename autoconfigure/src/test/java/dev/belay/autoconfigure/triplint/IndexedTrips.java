package dev.belay.autoconfigure.triplint;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;

/**
 * Maps the trip log's entities with {@link Trip}'s index on its name: the application after a
 * developer indexed the entity and before a revision was written for it.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = Trip.class)
public class IndexedTrips {

}
