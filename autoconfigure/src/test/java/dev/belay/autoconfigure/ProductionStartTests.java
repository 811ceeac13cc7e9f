package dev.belay.autoconfigure;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dev.belay.autoconfigure.triplog.Trip;
import dev.belay.autoconfigure.triplog.migrations.V20260101_000100_CreateTrips;
import dev.belay.schema.jpa.JpaDesiredSchema;
import dev.belay.test.PostgresTest;
import dev.belay.test.StatementLog;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.MappingSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production start with nothing pending runs no DDL and needs no right beyond reading the
 * catalog and the history table: the application connects as a role with only {@code USAGE} on
 * the schema and the rights to read and write rows, {@code belay.drift=fail} compares both kinds
 * of drift by fingerprint, and {@code pg_stat_statements} shows every statement the role ran.
 */
@PostgresTest
class ProductionStartTests {

    private static final String SCHEMA = "production";

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private final String role = "app_" + UUID.randomUUID().toString().substring(0, 8);

    private ApplicationContextRunner app;

    @TempDir
    Path resources;

    ProductionStartTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void migratedByTheOwnerThenUsedByARoleThatOnlyReadsAndWritesRows() throws MalformedURLException {
        this.app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, BelayAutoConfiguration.class, BelayJpaAutoConfiguration.class,
                    BelayWorkbenchAutoConfiguration.class))
            .withUserConfiguration(TripEntities.class, V20260101_000100_CreateTrips.class)
            .withPropertyValues("belay.schema=" + SCHEMA, "spring.datasource.url=" + this.database.url())
            .withClassLoader(new URLClassLoader(new URL[] { this.resources.toUri().toURL() },
                    getClass().getClassLoader()));
        // The owner migrates, as a deployment's migration step (or belay.user) would; the mapping
        // snapshot is the one belay generate keeps beside the revision.
        owner().run((context) -> {
            assertThat(context).hasNotFailed();
            MappingSnapshot.of(context.getBean(JpaDesiredSchema.class).ddl())
                .writeTo(this.resources, "20260101_000100_create_trips");
        });
        this.jdbc.execute("CREATE ROLE " + this.role + " LOGIN");
        this.jdbc.execute("GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + this.role);
        this.jdbc.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + SCHEMA + " TO "
                + this.role);
        this.jdbc.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    }

    @AfterEach
    void dropTheRole() {
        this.jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        this.jdbc.execute("DROP OWNED BY " + this.role);
        this.jdbc.execute("DROP ROLE " + this.role);
    }

    @Test
    void aStartWithNothingPendingAndDriftFailRunsNoDdlAsARoleThatOnlyReadsAndWritesRows() {
        StatementLog log = StatementLog.start(this.database);

        application().run((context) -> assertThat(context).hasNotFailed());

        List<String> ran = log.ofRole(this.role);
        assertThat(ran).as("the role's statements were counted").isNotEmpty();
        assertThat(ran).as("statements the application's role ran").noneMatch(StatementLog::isDdl);
        assertThat(ran).anyMatch((query) -> query.contains("pg_catalog") || query.contains("pg_class"));
    }

    @Test
    void aColumnChangedByHandStopsThatStartWithTheDatabaseDriftNamingTheColumn() {
        this.jdbc.execute("ALTER TABLE " + SCHEMA + ".trip ALTER COLUMN name TYPE varchar(120)");

        application().run((context) -> assertThat(context).hasFailed()
            .getFailure()
            .isInstanceOf(SchemaDriftException.class)
            .hasMessageContaining("The database differs from what its revisions built (belay.drift=fail)")
            .hasMessageContaining("column trip.name changed from")
            .hasMessageContaining("character varying(120)")
            .hasMessageNotContaining("Write a revision for the change with `belay generate`"));
    }

    private ApplicationContextRunner owner() {
        return this.app.withPropertyValues("spring.datasource.username=" + this.database.user(),
                "spring.datasource.password=" + this.database.password());
    }

    private ApplicationContextRunner application() {
        return this.app.withPropertyValues("spring.datasource.username=" + this.role, "spring.datasource.password=",
                "belay.drift=fail", "spring.datasource.hikari.schema=" + SCHEMA);
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Trip.class)
    static class TripEntities {

    }

}
