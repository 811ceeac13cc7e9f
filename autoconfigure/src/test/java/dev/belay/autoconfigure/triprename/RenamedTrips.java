package dev.belay.autoconfigure.triprename;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;

/** Maps the trip log with {@link Trip}'s name renamed to title. */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = Trip.class)
public class RenamedTrips {

}
