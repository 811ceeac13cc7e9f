package dev.belay.autoconfigure.shell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application with a JPA entity ({@link Trip}), a revision generated for it
 * ({@code migrations}) and Spring Shell, to run Belay's commands the way users do:
 * {@code java -cp ... ShellTestApplication belay status}.
 */
@SpringBootApplication
public class ShellTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShellTestApplication.class, args);
    }

}
