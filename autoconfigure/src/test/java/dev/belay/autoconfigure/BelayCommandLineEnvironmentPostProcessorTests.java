package dev.belay.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start that runs a {@code belay} command has no web server: on the JVM the application is not
 * a web application for it; under Spring AOT, whose context type the build fixed, its server does
 * not listen, so the command does not need the port the running application holds.
 */
class BelayCommandLineEnvironmentPostProcessorTests {

    private static final String AOT = "spring.aot.enabled";

    @AfterEach
    void aotOff() {
        System.clearProperty(AOT);
    }

    @Test
    void aCommandRunIsNoWebApplication() {
        StandardEnvironment environment = postProcessed("belay", "status");

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
    }

    @Test
    void underAotACommandRunKeepsItsWebApplicationTypeButItsServersDoNotListen() {
        System.setProperty(AOT, "true");

        StandardEnvironment environment = postProcessed("belay", "status");

        assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
        assertThat(environment.getProperty("server.port")).isEqualTo("-1");
        assertThat(environment.getProperty("management.server.port")).isEqualTo("-1");
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
    }

    @Test
    void underAotAPlainStartKeepsItsPorts() {
        System.setProperty(AOT, "true");

        StandardEnvironment environment = postProcessed();

        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
        assertThat(environment.getProperty("management.server.port")).isEqualTo("8082");
    }

    private static StandardEnvironment postProcessed(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
            .addLast(new MapPropertySource("application",
                    Map.of("server.port", "8081", "management.server.port", "8082")));
        if (args.length > 0) {
            environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        }
        new BelayCommandLineEnvironmentPostProcessor().postProcessEnvironment(environment,
                new SpringApplication(BelayCommandLineEnvironmentPostProcessorTests.class));
        return environment;
    }

}
