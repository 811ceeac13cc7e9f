package dev.belay.autoconfigure;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import dev.belay.autoconfigure.triplog.Trip;
import dev.belay.autoconfigure.triplog.migrations.V20260101_000100_CreateTrips;
import dev.belay.runner.MigrationRunner;
import dev.belay.schema.jpa.JpaDesiredSchema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.DriftDetector;
import dev.belay.workbench.MappingSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

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
 * with what its revisions built and the mapping with what the revisions were written for, by
 * fingerprint; warn logs what differs, fail stops the start with it, off does not compare. A
 * database changed by hand and a mapping changed without a revision are told apart, each with its
 * own fix.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class DriftCheckTests {

    private static final String INIT = "20260101_000100_create_trips";

    private final TestDatabase database;

    private ApplicationContextRunner app;

    private String schema;

    @TempDir
    Path resources;

    DriftCheckTests(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void applicationOnASchemaOfItsOwn(TestInfo test) throws IOException {
        this.schema = TestDatabase.schemaFor(test);
        this.app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, BelayAutoConfiguration.class, BelayJpaAutoConfiguration.class,
                    BelayWorkbenchAutoConfiguration.class))
            .withPropertyValues(this.database.springProperties())
            .withPropertyValues("belay.schema=" + this.schema)
            .withUserConfiguration(V20260101_000100_CreateTrips.class);
        recordMapping(TripEntities.class);
    }

    @Test
    void aDatabaseAndMappingAsTheRevisionsLeftThemStartWithoutAWord(CapturedOutput output) {
        trips().run((context) -> assertThat(context).hasNotFailed());
        trips().run((context) -> assertThat(context).hasNotFailed());

        assertThat(output).doesNotContain("differs from");
    }

    @Test
    void aColumnChangedByHandIsNamedAsDatabaseDriftWithoutAdvisingGenerate(CapturedOutput output) {
        trips().run((context) -> assertThat(context).hasNotFailed());
        this.database.execute("ALTER TABLE " + this.schema + ".trip ALTER COLUMN name TYPE varchar(100)");

        trips().run((context) -> assertThat(context).hasNotFailed());

        String log = output.toString();
        assertThat(log.split("differs from what its revisions built", -1)).hasSize(2);
        assertThat(log).contains("The database differs from what its revisions built (belay.drift=warn): schema "
                + this.schema + " is not as the last migration ('" + INIT + "') left it.")
            .contains("column trip.name changed from: ALTER TABLE trip ADD COLUMN name character varying(80) NOT "
                    + "NULL to: ALTER TABLE trip ADD COLUMN name character varying(100) NOT NULL")
            .contains("Undo that change")
            .contains("Do not run `belay generate` for it")
            .doesNotContain("Write a revision for the change with `belay generate`")
            .doesNotContain("The JPA mapping differs");
    }

    @Test
    void failStopsTheStartWithTheDatabaseDrift() {
        trips().run((context) -> assertThat(context).hasNotFailed());
        this.database.execute("ALTER TABLE " + this.schema + ".trip ADD COLUMN extra integer");

        trips().withPropertyValues("belay.drift=fail").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(SchemaDriftException.class)
                .hasMessageContaining("(belay.drift=fail)")
                .hasMessageContaining("column trip.extra was added: ALTER TABLE trip ADD COLUMN extra integer");
            FailureAnalysis analysis = new SchemaDriftFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("column trip.extra was added");
            assertThat(analysis.getAction()).startsWith("It was changed by other means than Belay's revisions");
        });
    }

    @Test
    void anEntityChangedWithoutARevisionIsNamedAsMappingDrift(CapturedOutput output) {
        trips().run((context) -> assertThat(context).hasNotFailed());

        withEntities(NotedTripEntities.class).run((context) -> assertThat(context).hasNotFailed());

        assertThat(output).contains("The JPA mapping differs from what the revisions build (belay.drift=warn): it is "
                + "not the mapping revision '" + INIT + "' was written for. Changed: table trip.")
            .contains("note varchar(255)")
            .contains("Write a revision for the change with `belay generate`")
            .doesNotContain("The database differs");
    }

    @Test
    void offDoesNotCompare(CapturedOutput output) {
        trips().run((context) -> assertThat(context).hasNotFailed());
        this.database.execute("ALTER TABLE " + this.schema + ".trip ADD COLUMN extra integer");

        withEntities(NotedTripEntities.class).withPropertyValues("belay.drift=off")
            .run((context) -> assertThat(context).hasNotFailed());

        assertThat(output).doesNotContain("differs from");
    }

    @Test
    void aStartWithoutAMappingSnapshotComparesTheDatabaseOnly(CapturedOutput output) {
        this.app.withUserConfiguration(NotedTripEntities.class).run((context) -> assertThat(context).hasNotFailed());

        assertThat(output).doesNotContain("differs from");
    }

    @Test
    void warnDoesNotStopTheStartWhenTheComparisonItselfFails(CapturedOutput output) {
        trips().withUserConfiguration(FailingComparison.class).run((context) -> assertThat(context).hasNotFailed());

        assertThat(output).contains("Belay could not compare the database schema with what its revisions built and "
                + "the JPA mapping (belay.drift=warn): the mapping cannot be read");
    }

    @Test
    void failStopsTheStartWhenTheComparisonItselfFails() {
        trips().withUserConfiguration(FailingComparison.class)
            .withPropertyValues("belay.drift=fail")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .hasMessageContaining("the mapping cannot be read"));
    }

    /** The trip log with the mapping snapshot that `belay generate` keeps for its revision. */
    private ApplicationContextRunner trips() {
        return withEntities(TripEntities.class);
    }

    private ApplicationContextRunner withEntities(Class<?> entities) {
        return this.app.withUserConfiguration(entities).withClassLoader(resourcesLoader());
    }

    /** Records the mapping of these entities as `belay generate` would for the first revision. */
    private void recordMapping(Class<?> entities) {
        this.app.withUserConfiguration(entities).withPropertyValues("belay.drift=off").run((context) -> {
            List<String> ddl = context.getBean(JpaDesiredSchema.class).ddl();
            MappingSnapshot.of(ddl).writeTo(this.resources, INIT);
        });
        this.database.execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
    }

    private ClassLoader resourcesLoader() {
        try {
            return new URLClassLoader(new URL[] { this.resources.toUri().toURL() }, getClass().getClassLoader());
        }
        catch (MalformedURLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Trip.class)
    static class TripEntities {

    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = dev.belay.autoconfigure.tripnote.Trip.class)
    static class NotedTripEntities {

    }

    /** A drift detector whose mapping cannot be read. */
    @Configuration(proxyBeanMethods = false)
    static class FailingComparison {

        @Bean
        DriftDetector failingDetector(MigrationRunner runner) {
            return new DriftDetector(runner, new SchemaInspector(), () -> {
                throw new IllegalStateException("the mapping cannot be read");
            }, getClass().getClassLoader());
        }

    }

}
