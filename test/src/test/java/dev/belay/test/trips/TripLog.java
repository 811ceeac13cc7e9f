package dev.belay.test.trips;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;

/** The trip log, with one of its two mappings: each test application adds its revisions. */
public final class TripLog {

    private TripLog() {
    }

    /** Trips with a title. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EntityScan(basePackageClasses = dev.belay.test.trips.plain.Trip.class)
    public static class Plain {

    }

    /** Trips with a title and notes, titles indexed. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EntityScan(basePackageClasses = dev.belay.test.trips.indexed.Trip.class)
    public static class Indexed {

    }

    /** Trips with a title and notes, without Hibernate: no mapping to compare the revisions with. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
    public static class WithoutMapping {

    }

    /** Trips with a title and notes. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EntityScan(basePackageClasses = dev.belay.test.trips.withnotes.Trip.class)
    public static class WithNotes {

    }

}
