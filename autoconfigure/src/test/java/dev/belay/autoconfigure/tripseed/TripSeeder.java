package dev.belay.autoconfigure.tripseed;

import org.springframework.boot.CommandLineRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a trip when there is none, as an application seeds its data at startup; in a transaction,
 * so that the bean is a Spring AOP proxy already.
 */
public class TripSeeder implements CommandLineRunner {

    private final JdbcTemplate jdbc;

    public TripSeeder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(String... args) {
        TripSeeders.RUNS.add("seeder");
        if (trips() == 0) {
            this.jdbc.update("INSERT INTO trip (name, mode) VALUES ('First ride', 'BIKE')");
        }
    }

    /** How many trips there are; used by other beans too. */
    public long trips() {
        return this.jdbc.queryForObject("SELECT count(*) FROM trip", Long.class);
    }

    /** What the seeder adds; a method other beans call. */
    public String seedName() {
        return "First ride";
    }

}
