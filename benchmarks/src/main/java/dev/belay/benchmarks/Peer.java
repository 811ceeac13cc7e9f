package dev.belay.benchmarks;

import java.util.Map;

import javax.sql.DataSource;

import dev.belay.autoconfigure.BelayAutoConfiguration;
import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A migration tool as the benchmarks use it: called directly, and as a Spring Boot application
 * with the tool's auto-configuration.
 */
enum Peer {

    /** No migration tool: the baseline of a Spring Boot start. */
    NONE("no tool", PlainApplication.class, "") {

        @Override
        void migrate(DataSource dataSource, MigrationFixtures fixtures) {
        }

        @Override
        Map<String, Object> properties(MigrationFixtures fixtures) {
            return Map.of();
        }

    },

    BELAY("Belay", BelayApplication.class, "belay") {

        @Override
        void migrate(DataSource dataSource, MigrationFixtures fixtures) {
            new MigrationRunner(dataSource, MigrationSettings.defaults(), Revisions.of(fixtures.revisionInstances()))
                .apply();
        }

        @Override
        Map<String, Object> properties(MigrationFixtures fixtures) {
            return Map.of();
        }

    },

    FLYWAY("Flyway", FlywayApplication.class, "flyway") {

        @Override
        void migrate(DataSource dataSource, MigrationFixtures fixtures) {
            Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + fixtures.flywayDirectory)
                .load()
                .migrate();
        }

        @Override
        Map<String, Object> properties(MigrationFixtures fixtures) {
            return Map.of("spring.flyway.locations", "filesystem:" + fixtures.flywayDirectory);
        }

    },

    LIQUIBASE("Liquibase", LiquibaseApplication.class, "liquibase") {

        @Override
        void migrate(DataSource dataSource, MigrationFixtures fixtures) throws Exception {
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setDataSource(dataSource);
            liquibase.setChangeLog(changeLog(fixtures));
            liquibase.setResourceLoader(new DefaultResourceLoader());
            liquibase.afterPropertiesSet();
        }

        @Override
        Map<String, Object> properties(MigrationFixtures fixtures) {
            return Map.of("spring.liquibase.change-log", changeLog(fixtures));
        }

        private String changeLog(MigrationFixtures fixtures) {
            return fixtures.liquibaseChangelog.toUri().toString();
        }

    };

    final String title;

    final Class<?> application;

    /** How the tool's own bean names start, to find its steps in the start-up timeline. */
    final String beanPrefix;

    Peer(String title, Class<?> application, String beanPrefix) {
        this.title = title;
        this.application = application;
        this.beanPrefix = beanPrefix;
    }

    /** Brings the database up to date, the way an application would call the tool. */
    abstract void migrate(DataSource dataSource, MigrationFixtures fixtures) throws Exception;

    /** What the tool's Spring Boot application needs to find its migrations. */
    abstract Map<String, Object> properties(MigrationFixtures fixtures);

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class PlainApplication {

    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, BelayAutoConfiguration.class })
    @ComponentScan(MigrationFixtures.PACKAGE)
    static class BelayApplication {

    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
    static class FlywayApplication {

    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, LiquibaseAutoConfiguration.class })
    static class LiquibaseApplication {

    }

}
