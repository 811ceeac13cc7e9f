package dev.belay.autoconfigure.tripseed;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reports how many trips there are at startup: a runner whose class is a record, so final. */
public record TripReport(JdbcTemplate jdbc) implements ApplicationRunner {

    @Override
    public void run(ApplicationArguments args) {
        this.jdbc.queryForObject("SELECT count(*) FROM trip", Long.class);
        TripSeeders.RUNS.add("report");
    }

}
