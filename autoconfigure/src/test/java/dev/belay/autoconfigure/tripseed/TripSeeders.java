package dev.belay.autoconfigure.tripseed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start-up code of a real application, added to a start of the trip log: a seeder that counts
 * the trips and adds one when there are none ({@link TripSeeder}, a transactional class of its own
 * that another bean injects by that class), a report ({@link TripReport}, an {@link ApplicationRunner} record),
 * and a {@link CommandLineRunner} lambda of a {@code @Bean} method. Each notes in {@link #RUNS}
 * that it ran.
 */
@Configuration(proxyBeanMethods = false)
@Import({ TripSeeder.class, TripReport.class, SeederUser.class })
public class TripSeeders {

    /** The runners that ran, in the order they ran. */
    public static final List<String> RUNS = new CopyOnWriteArrayList<>();

    @Bean
    CommandLineRunner tripGreeter(JdbcTemplate jdbc) {
        return (args) -> {
            jdbc.queryForObject("SELECT count(*) FROM trip", Long.class);
            RUNS.add("greeter");
        };
    }

}
