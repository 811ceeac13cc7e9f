package dev.belay.autoconfigure.triplog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small application that uses Belay as users do: a JPA entity ({@link Trip}), the revision
 * {@code belay generate} wrote for it ({@code migrations}), Spring Shell for the commands
 * ({@code java -cp ... TripLogApplication belay status}) and, in the endpoint's tests, Actuator over
 * HTTP.
 */
@SpringBootApplication
public class TripLogApplication {

    public static void main(String[] args) {
        SpringApplication.run(TripLogApplication.class, args);
    }

}
