package dev.belay.autoconfigure.triplog;

import java.util.List;
import java.util.Map;

import dev.belay.autoconfigure.tripseed.SeederUser;
import dev.belay.autoconfigure.tripseed.TripSeeder;
import dev.belay.autoconfigure.tripseed.TripSeeders;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start that runs a {@code belay} command does not run the application's own
 * {@code CommandLineRunner} and {@code ApplicationRunner} beans ({@link TripSeeders}: a seeder
 * that counts trips, a report, a greeter): on a fresh database they would fail on the missing
 * table before the command ran, and after a rollback they would fail the command that succeeded.
 * A plain start runs them, after the migration. The runners stay beans of the application,
 * injectable by their own class.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class ApplicationRunnersTests {

    private static final String INIT = "20260101_000100_create_trips";

    private static final List<Class<?>> SEEDERS = List.of(TripSeeders.class);

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    ApplicationRunnersTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
        TripSeeders.RUNS.clear();
    }

    @Test
    void aBelayCommandOnAFreshDatabaseRunsWithoutTheApplicationsRunners(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("belay", "status")) {
            assertThat(output).contains(INIT + "  create trips  pending");
            assertThat(TripSeeders.RUNS).isEmpty();

            TripSeeder seeder = context.getBean(TripSeeder.class);
            assertThat(AopUtils.isAopProxy(seeder)).as("the transactional seeder stays a proxy of its own").isTrue();
            assertThat(context.getBean(SeederUser.class).seeder()).isSameAs(seeder);
            assertThat(seeder.seedName()).as("the runner's other methods are the runner's own")
                .isEqualTo("First ride");
        }
        assertThat(tables()).isEmpty();
    }

    @Test
    void everyCommandEndsWithItsOwnExitStatusAndNoRunnerRuns(CapturedOutput output) {
        assertThat(run("belay", "apply")).isZero();
        assertThat(run("belay", "check")).isZero();
        assertThat(run("belay", "rollback", "--yes")).isZero();
        assertThat(output).contains("Rolled back 1 revision");
        assertThat(tables()).containsExactly("belay_history");
        assertThat(run("belay", "rollback", "--target", "nonexistent")).isEqualTo(1);
        assertThat(run("belay", "nope")).isEqualTo(2);

        assertThat(TripSeeders.RUNS).isEmpty();
    }

    @Test
    void theCommandRunsOnceInAnApplicationWithoutRunnersWhereSpringShellHasARunnerOfItsOwn(CapturedOutput output) {
        assertThat(ShellRun.run(this.database, this.schema, Map.of(), "belay", "apply")).isZero();

        assertThat(output).contains("Applied 1 revision to schema " + this.schema).doesNotContain("Nothing to apply");
    }

    @Test
    void aPlainStartRunsTheApplicationsRunnersAfterTheMigration() {
        start().close();

        assertThat(TripSeeders.RUNS).containsExactlyInAnyOrder("seeder", "report", "greeter");
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + this.schema + ".trip", Long.class)).isOne();
    }

    private ConfigurableApplicationContext start(String... args) {
        return ShellRun.start(this.database, this.schema, properties(), SEEDERS, args);
    }

    private int run(String... args) {
        return ShellRun.run(this.database, this.schema, properties(), SEEDERS, args);
    }

    /** The application's own SQL, unqualified, reads the schema Belay migrates. */
    private Map<String, Object> properties() {
        return Map.of("spring.datasource.hikari.schema", this.schema);
    }

    private List<String> tables() {
        return this.jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ?", String.class,
                this.schema);
    }

}
