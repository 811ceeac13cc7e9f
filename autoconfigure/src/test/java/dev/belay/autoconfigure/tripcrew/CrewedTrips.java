package dev.belay.autoconfigure.tripcrew;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;

import dev.belay.autoconfigure.triplog.Trip;

/**
 * Maps the trip log's entities and {@link CrewMember}: added to a start of the trip log, it is the
 * application after a developer mapped a table that a database already has.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = { Trip.class, CrewMember.class })
public class CrewedTrips {

}
