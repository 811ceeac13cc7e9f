package dev.belay.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which starts run a {@code belay} command and end, and so skip the application's runners: the
 * word {@code belay} first on a non-interactive command line; not a plain start, not another
 * command line, and not an interactive Spring Shell session.
 */
class BelayCommandLineTests {

    @Test
    void aBelayCommandLineRunsACommandAndEnds() {
        assertThat(BelayCommandLine.runsBelayCommandAndEnds(environment(false, "belay", "status"))).isTrue();
        assertThat(BelayCommandLine.runsBelayCommandAndEnds(environment(false, "--spring.profiles.active=dev",
                "belay", "generate", "--message", "add note"))).isTrue();
    }

    @Test
    void aPlainStartOrAnotherCommandLineDoesNot() {
        assertThat(BelayCommandLine.runsBelayCommandAndEnds(environment(false))).isFalse();
        assertThat(BelayCommandLine.runsBelayCommandAndEnds(environment(false, "--server.port=8081"))).isFalse();
        assertThat(BelayCommandLine.runsBelayCommandAndEnds(environment(false, "import", "belay"))).isFalse();
        assertThat(BelayCommandLine.runsBelayCommandAndEnds(environment(false, "belayed"))).isFalse();
    }

    @Test
    void anInteractiveSessionDoesNotWhateverItsArguments() {
        assertThat(BelayCommandLine.runsBelayCommandAndEnds(environment(true, "belay", "status"))).isFalse();
    }

    private static StandardEnvironment environment(boolean interactive, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        if (args.length > 0) {
            environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        }
        environment.getPropertySources()
            .addLast(new MapPropertySource("shell", Map.of(BelayCommandLine.INTERACTIVE, String.valueOf(interactive))));
        return environment;
    }

}
