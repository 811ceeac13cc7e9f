package dev.belay.autoconfigure.triplog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Belay's commands in a process of their own, as {@code java -jar app.jar belay check} runs in a
 * build: the process's exit status is the command's, and a failure reads as the command's message
 * and one line, not as a crash with a stack trace. The application is a web application, and is
 * given nothing but the command: a belay command starts neither the web server nor the
 * interactive shell on its own.
 */
@PostgresTest
class ShellProcessTests {

    private final TestDatabase database;

    ShellProcessTests(TestDatabase database) {
        this.database = database;
    }

    @Test
    void aPassingCommandExitsWith0AndAFailingCheckWith1AndItsDifferences() throws Exception {
        Result status = launch("status_and_check", "belay", "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("20260101_000100_create_trips  create trips  pending");
        assertThat(status.out()).as("a command-line run is quiet: no banner, no INFO log")
            .doesNotContain(":: Spring Boot ::")
            .doesNotContain(" INFO ");

        assertThat(launch("status_and_check", "belay", "apply").exitCode()).isZero();
        new JdbcTemplate(this.database.dataSource()).execute("ALTER TABLE status_and_check.trip DROP COLUMN mode");
        Result check = launch("status_and_check", "belay", "check");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).contains("The database differs from what its revisions built: schema status_and_check")
            .contains("column trip.mode is gone (was: ALTER TABLE trip ADD COLUMN mode character varying(255))");
        assertThat(check.err()).contains("Command 'belay check' failed (exit status 1)").doesNotContain("\tat ")
            .doesNotContain("Exception")
            .doesNotContain("Error starting ApplicationContext");
    }

    @Test
    void anUnknownCommandExitsWith2() throws Exception {
        Result result = launch("unknown_command", "belay", "nope");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).contains("There is no command 'belay nope'.");
    }

    @Test
    void anUnknownOptionExitsWith2AndNamesTheOptionsTheCommandTakes() throws Exception {
        Result result = launch("unknown_option", "belay", "apply", "--bogus");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).contains("'belay apply' has no option --bogus; it takes --target, --dry-run, "
                + "--tenant, --all-tenants, --format.");
        assertThat(result.err()).contains("Command 'belay apply' failed (exit status 2)").doesNotContain("\tat ");
    }

    private Result launch(String schema, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dspring.datasource.url=" + this.database.url());
        command.add("-Dspring.datasource.username=" + this.database.user());
        command.add("-Dspring.datasource.password=" + this.database.password());
        command.add("-Dbelay.schema=" + schema);
        command.add(TripLogApplication.class.getName());
        command.addAll(List.of(args));
        // Standard error goes to a file, so that neither stream can fill up while the other is read.
        Path err = Files.createTempFile("belay-command", ".err");
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {

    }

}
