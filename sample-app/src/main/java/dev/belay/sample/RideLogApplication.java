package dev.belay.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A ride log whose PostgreSQL schema Belay keeps. */
@SpringBootApplication
public class RideLogApplication {

    public static void main(String[] args) {
        SpringApplication.run(RideLogApplication.class, args);
    }

}
