package dev.belay.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;

import dev.belay.autoconfigure.triplog.Trip;
import dev.belay.autoconfigure.triplog.migrations.V20260101_000100_CreateTrips;
import dev.belay.runner.MigrationRunner;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.GenerateSettings;
import dev.belay.workbench.SchemaWorkbench;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code belay.drift}: once the application has started (and migrated), the database is compared
 * with the mapping; warn logs the differences as one block, fail stops the start with them, off
 * does not compare.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class DriftCheckTests {

    private final TestDatabase database;

    private ApplicationContextRunner app;

    private String schema;

    DriftCheckTests(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void applicationOnASchemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
        this.app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, BelayAutoConfiguration.class, BelayJpaAutoConfiguration.class,
                    BelayWorkbenchAutoConfiguration.class))
            .withPropertyValues(this.database.springProperties())
            .withPropertyValues("belay.schema=" + this.schema)
            .withUserConfiguration(TripEntities.class, V20260101_000100_CreateTrips.class);
    }

    @Test
    void aDatabaseThatMatchesTheMappingStartsWithoutAWord(CapturedOutput output) {
        this.app.run((context) -> assertThat(context).hasNotFailed());

        assertThat(output).doesNotContain("differs from the JPA mapping");
    }

    @Test
    void warnLogsTheDifferencesAsOneBlock(CapturedOutput output) {
        this.app.run((context) -> assertThat(context).hasNotFailed());
        drift();

        this.app.run((context) -> assertThat(context).hasNotFailed());

        String log = output.toString();
        assertThat(log.split("differs from the JPA mapping", -1)).hasSize(2);
        String block = log.substring(log.indexOf("WARN"));
        assertThat(block).contains("The database schema " + this.schema + " differs from the JPA mapping "
                + "(belay.drift=warn). What would bring the database to the mapping:")
            .contains("    -- DATA_LOSS column trip.extra: drops the column and its data")
            .contains("    ALTER TABLE trip DROP COLUMN extra;")
            .contains("Write these changes as a revision with `belay generate`");
    }

    @Test
    void failStopsTheStartWithTheDifferences() {
        this.app.run((context) -> assertThat(context).hasNotFailed());
        drift();

        this.app.withPropertyValues("belay.drift=fail").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(SchemaDriftException.class)
                .hasMessageContaining("(belay.drift=fail)")
                .hasMessageContaining("ALTER TABLE trip DROP COLUMN extra;");
            FailureAnalysis analysis = new SchemaDriftFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("ALTER TABLE trip DROP COLUMN extra;");
            assertThat(analysis.getAction()).startsWith("Write these changes as a revision with `belay generate`");
        });
    }

    @Test
    void offDoesNotCompare(CapturedOutput output) {
        this.app.run((context) -> assertThat(context).hasNotFailed());
        drift();

        this.app.withPropertyValues("belay.drift=off").run((context) -> assertThat(context).hasNotFailed());

        assertThat(output).doesNotContain("differs from the JPA mapping");
    }

    @Test
    void pendingRevisionsAreNamedWhenTheStartDoesNotMigrate(CapturedOutput output) {
        this.app.withPropertyValues("belay.migrate-on-startup=false").run((context) -> assertThat(context).hasNotFailed());

        assertThat(output).contains("1 revision is not applied (20260101_000100_create_trips), which may account for "
                + "some of it.").contains("Apply the pending revisions (`belay apply`) and compare again");
    }

    @Test
    void warnDoesNotStopTheStartWhenTheComparisonItselfFails(CapturedOutput output) {
        this.app.withUserConfiguration(FailingComparison.class).run((context) -> assertThat(context).hasNotFailed());

        assertThat(output).contains("Belay could not compare the database schema with the JPA mapping "
                + "(belay.drift=warn): the mapping cannot be read");
    }

    @Test
    void failStopsTheStartWhenTheComparisonItselfFails() {
        this.app.withUserConfiguration(FailingComparison.class)
            .withPropertyValues("belay.drift=fail")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .hasMessageContaining("the mapping cannot be read"));
    }

    private void drift() {
        this.database.execute("ALTER TABLE " + this.schema + ".trip ADD COLUMN extra integer");
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Trip.class)
    static class TripEntities {

    }

    /** A workbench whose desired schema cannot be read. */
    @Configuration(proxyBeanMethods = false)
    static class FailingComparison {

        @Bean
        SchemaWorkbench failingWorkbench(MigrationRunner runner) {
            return new SchemaWorkbench(runner, (connection) -> {
                throw new IllegalStateException("the mapping cannot be read");
            }, new SchemaInspector(), new GenerateSettings(Path.of("."), null), Clock.systemUTC());
        }

    }

}
