package dev.belay.autoconfigure.tripnote;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;

/**
 * Maps the trip log's entities with {@link Trip}'s note: added to a start of the trip log, it is
 * the application after a developer changed the entity and before a revision was written for it.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = Trip.class)
public class NotedTrips {

}
