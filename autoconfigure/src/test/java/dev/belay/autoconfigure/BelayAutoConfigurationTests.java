package dev.belay.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.belay.revision.MigrationException;
import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionGraphException;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.autoconfigure.ride.Ride;
import dev.belay.test.PostgresTest;
import dev.belay.test.RideRevisions.AddRideName;
import dev.belay.test.RideRevisions.CreateRide;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class BelayAutoConfigurationTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(BelayAutoConfiguration.class, DataSourceAutoConfiguration.class));

    BelayAutoConfigurationTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BelayAutoConfiguration.class))
            .withUserConfiguration(CreateRide.class)
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationRunner.class));
    }

    @Test
    void backsOffWhenDisabled() {
        this.contextRunner.withPropertyValues(properties("disabled"))
            .withPropertyValues("belay.enabled=false")
            .withUserConfiguration(CreateRide.class)
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(MigrationRunner.class)
                .doesNotHaveBean(BelayMigrationInitializer.class));
        assertThat(tables("disabled")).isEmpty();
    }

    @Test
    void backsOffWithoutTheJdbcClassesItNeeds() {
        this.contextRunner.withPropertyValues(properties("no_jdbc"))
            .withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(JdbcTemplate.class))
            .run((context) -> assertThat(context).doesNotHaveBean(MigrationRunner.class));
    }

    @Test
    void migratesOnStartupWithTheApplicationsRevisions() {
        this.contextRunner.withPropertyValues(properties("on_startup"))
            .withUserConfiguration(CreateRide.class, AddRideName.class)
            .run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(MigrationRunner.class);
                assertThat(context.getBean(MigrationRunner.class).status().upToDate()).isTrue();
            });
        assertThat(tables("on_startup")).containsExactlyInAnyOrder("ride", "belay_history");
        assertThat(columns("on_startup", "ride")).containsExactly("id", "name");
    }

    @Test
    void migratesOnlyToTheConfiguredTarget() {
        this.contextRunner.withPropertyValues(properties("target"))
            .withPropertyValues("belay.target=20260101_ride")
            .withUserConfiguration(CreateRide.class, AddRideName.class)
            .run((context) -> assertThat(context.getBean(MigrationRunner.class).status().inState(RevisionState.PENDING))
                .extracting(RevisionStatus::id)
                .containsExactly("20260102_name"));
        assertThat(columns("target", "ride")).containsExactly("id");
    }

    @Test
    void leavesTheDatabaseAloneWhenMigrateOnStartupIsOff() {
        this.contextRunner.withPropertyValues(properties("not_on_startup"))
            .withPropertyValues("belay.migrate-on-startup=false")
            .withUserConfiguration(CreateRide.class)
            .run((context) -> {
                assertThat(context).hasSingleBean(MigrationRunner.class).doesNotHaveBean(BelayMigrationInitializer.class);
                assertThat(tables("not_on_startup")).isEmpty();
                context.getBean(MigrationRunner.class).apply();
            });
        assertThat(tables("not_on_startup")).containsExactlyInAnyOrder("ride", "belay_history");
    }

    @Test
    void bindsEveryPropertyIntoTheRunnersSettings() {
        this.contextRunner.withPropertyValues(properties("Bound Schema"))
            .withPropertyValues("belay.history-table=Revision History", "belay.lock-timeout=3s", "belay.lock-wait=2m")
            .withUserConfiguration(CreateRide.class)
            .run((context) -> assertThat(context.getBean(MigrationRunner.class).settings()).isEqualTo(
                    new MigrationSettings("Bound Schema", "Revision History", Duration.ofSeconds(3),
                            Duration.ofMinutes(2))));
        assertThat(tables("Bound Schema")).containsExactlyInAnyOrder("ride", "Revision History");
    }

    @Test
    void leavesAloneTheTablesOfOtherToolsUnderTheNamesTheApplicationGivesThem() {
        this.contextRunner.withPropertyValues(properties("Other Tools"))
            .withPropertyValues("spring.flyway.table=schema_version",
                    "spring.liquibase.database-change-log-table=changelog",
                    "spring.liquibase.database-change-log-lock-table=changelog_lock", "belay.ignored-tables=shedlock")
            .run((context) -> assertThat(context.getBean(MigrationRunner.class).settings().unmanagedTables())
                .containsExactly("belay_history", "changelog", "changelog_lock", "databasechangelog",
                        "databasechangeloglock", "flyway_schema_history", "schema_version", "shedlock"));
    }

    @Test
    void backsOffFromARunnerOfTheApplicationsOwn() {
        this.contextRunner.withPropertyValues(properties("own_runner"))
            .withUserConfiguration(OwnRunner.class)
            .run((context) -> assertThat(context).hasSingleBean(MigrationRunner.class).hasBean("ownRunner"));
        assertThat(tables("own_runner")).containsExactlyInAnyOrder("ride", "belay_history");
    }

    @Test
    void createsOnlyTheRevisionsThatRun() {
        CountedRevision.created.set(0);
        this.contextRunner.withPropertyValues(properties("lazy"))
            .withUserConfiguration(CountedRevision.class)
            .run((context) -> assertThat(context).hasNotFailed());
        assertThat(CountedRevision.created).hasValue(1);
        this.contextRunner.withPropertyValues(properties("lazy"))
            .withUserConfiguration(CountedRevision.class)
            .run((context) -> assertThat(context).hasNotFailed());
        assertThat(CountedRevision.created).as("an applied revision is not created again").hasValue(1);
    }

    @Test
    void findsRevisionsRegisteredAsBeansAndCreatesThemOnlyToRunThemToo() {
        CountedRevision.created.set(0);
        this.contextRunner.withPropertyValues(properties("registered"))
            .withBean(CountedRevision.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                String name = context.getBeanNamesForType(CountedRevision.class)[0];
                assertThat(context.getBeanFactory().getBeanDefinition(name).isLazyInit()).isTrue();
                assertThat(context.getBean(MigrationRunner.class).status().current())
                    .containsExactly("20260101_counted");
            });
        assertThat(CountedRevision.created).hasValue(1);
        this.contextRunner.withPropertyValues(properties("registered"))
            .withBean(CountedRevision.class)
            .run((context) -> assertThat(context).hasNotFailed());
        assertThat(CountedRevision.created).hasValue(1);
    }

    @Test
    void jdbcTemplateUsersStartAfterTheMigration() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
            .withPropertyValues(properties("jdbc_waits"))
            .withUserConfiguration(CreateRide.class, RideCounter.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(RideCounter.class).ridesAtStartup).isZero();
                assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
                    .contains("belayMigrationInitializer");
            });
    }

    @Test
    void hibernateValidatesTheMigratedSchemaAndIsToldBelayManagesIt() {
        this.contextRunner
            .withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class,
                    TransactionAutoConfiguration.class))
            .withPropertyValues(properties("jpa_waits"))
            .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
            .withUserConfiguration(CreateRide.class, AddRideName.class, RideEntities.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
                    .contains("belayMigrationInitializer");
                DataSource dataSource = context.getBean(DataSource.class);
                assertThat(context.getBeansOfType(SchemaManagementProvider.class).values())
                    .anySatisfy((provider) -> assertThat(provider.getSchemaManagement(dataSource))
                        .isEqualTo(SchemaManagement.MANAGED))
                    .allSatisfy((provider) -> assertThat(provider.getSchemaManagement(this.database.dataSource()))
                        .isEqualTo(SchemaManagement.UNMANAGED));
            });
    }

    @Test
    void aRevisionThatInjectsAJdbcTemplateFailsBeforeItIsCreated() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
            .withPropertyValues(properties("injects_jdbc"))
            .withUserConfiguration(CreateRide.class, InjectsJdbcTemplate.class)
            .run((context) -> {
                assertThat(context).hasFailed();
                MigrationException failure = findCause(context.getStartupFailure(), MigrationException.class);
                assertThat(failure.problem()).contains(
                        "Revision '20260102_jdbc' (" + InjectsJdbcTemplate.class.getName() + ") injects a JdbcTemplate "
                                + "[org.springframework.jdbc.core.JdbcTemplate] (constructor parameter 1 'jdbc')");
                assertThat(failure.fix()).contains("migrator.jdbc()");
            });
        // The revisions before it are applied; it is refused when its turn comes.
        assertThat(this.jdbc.queryForList("SELECT id FROM injects_jdbc.belay_history", String.class))
            .containsExactly("20260101_ride");
    }

    @Test
    void aRevisionThatInjectsRepositoriesOrJpaIsNamedWithEachInjectionPoint() {
        this.contextRunner.withPropertyValues(properties("injects_jpa"))
            .withUserConfiguration(CreateRide.class, InjectsJpa.class)
            .run((context) -> assertThat(findCause(context.getStartupFailure(), MigrationException.class).problem())
                .contains("a Spring Data repository [" + RideRepository.class.getName() + "] (constructor parameter 1")
                .contains("an EntityManagerFactory [jakarta.persistence.EntityManagerFactory] (field 'factory')")
                .contains("a JdbcTemplate [org.springframework.jdbc.core.JdbcTemplate] (constructor parameter 2"));
    }

    @Test
    void aRevisionThatNeedsAJdbcTemplateThroughAnotherBeanIsNamedWithTheChain() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
            .withPropertyValues(properties("indirect_jdbc"))
            .withUserConfiguration(CreateRide.class, RideService.class, UsesRideService.class)
            .run((context) -> {
                MigrationException failure = findCause(context.getStartupFailure(), MigrationException.class);
                assertThat(failure.problem())
                    .contains("Revision '20260102_service' (" + UsesRideService.class.getName() + ") cannot be created "
                            + "before the migration: through")
                    .contains("'belayAutoConfigurationTests.RideService'")
                    .contains("JdbcTemplate, repositories and JPA wait for Belay");
                FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).startsWith("Belay could not migrate the database. Revision "
                        + "'20260102_service'");
                assertThat(analysis.getAction()).contains("migrator.jdbc()");
            });
        assertThat(tables("indirect_jdbc")).containsExactlyInAnyOrder("ride", "belay_history");
    }

    @Test
    void anAnnotatedClassThatIsNotARevisionIsNamed() {
        this.contextRunner.withPropertyValues(properties("not_a_revision"))
            .withUserConfiguration(NotARevision.class)
            .run((context) -> assertThat(findCause(context.getStartupFailure(), MigrationException.class).problem())
                .isEqualTo(NotARevision.class.getName() + " is annotated @MigrationRevision but does not implement "
                        + Revision.class.getName() + "."));
    }

    @Test
    void aBrokenRevisionGraphStopsTheStartWithItsExplanation() {
        this.contextRunner.withPropertyValues(properties("broken_graph"))
            .withUserConfiguration(CreateRide.class, Orphan.class)
            .run((context) -> {
                RevisionGraphException failure = findCause(context.getStartupFailure(), RevisionGraphException.class);
                assertThat(failure.problem()).contains("'20260103_orphan' (" + Orphan.class.getName()
                        + ") comes after 'nowhere', but no revision has that id");
                assertThat(new MigrationFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
                    .isEqualTo(failure.fix());
            });
    }

    private String[] properties(String schema) {
        return new String[] { "spring.datasource.url=" + this.database.url(),
                "spring.datasource.username=" + this.database.user(),
                "spring.datasource.password=" + this.database.password(),
                "spring.datasource.hikari.maximum-pool-size=3", "belay.schema=" + schema,
                // The application's own connections look in the same schema.
                "spring.datasource.hikari.schema=" + schema };
    }

    private List<String> tables(String schema) {
        return this.jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ?", String.class, schema);
    }

    private List<String> columns(String schema, String table) {
        return this.jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND "
                + "table_name = ? ORDER BY ordinal_position", String.class, schema, table);
    }

    static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " in", failure);
    }

    @MigrationRevision(id = "20260101_counted")
    static class CountedRevision implements Revision {

        static final AtomicInteger created = new AtomicInteger();

        CountedRevision() {
            created.incrementAndGet();
        }

        @Override
        public void up(Migrator migrator) {
        }

        @Override
        public void down(Migrator migrator) {
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRunner {

        @Bean
        MigrationRunner ownRunner(DataSource dataSource) {
            return new MigrationRunner(dataSource, MigrationSettings.defaults().withSchema("own_runner"),
                    dev.belay.revision.Revisions.of(List.of(new CreateRide())));
        }

    }

    /** Reads the migrated table while the context starts. */
    static class RideCounter {

        final int ridesAtStartup;

        RideCounter(JdbcTemplate jdbc) {
            this.ridesAtStartup = jdbc.queryForObject("SELECT count(*) FROM ride", Integer.class);
        }

    }

    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.persistence.autoconfigure.EntityScan(basePackageClasses = Ride.class)
    static class RideEntities {

    }

    @MigrationRevision(id = "20260102_jdbc", after = "20260101_ride")
    static class InjectsJdbcTemplate implements Revision {

        private final JdbcTemplate jdbc;

        InjectsJdbcTemplate(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void up(Migrator migrator) {
            this.jdbc.execute("SELECT 1");
        }

        @Override
        public void down(Migrator migrator) {
        }

    }

    interface RideRepository extends org.springframework.data.repository.Repository<Ride, Long> {

    }

    @MigrationRevision(id = "20260102_jpa", after = "20260101_ride")
    static class InjectsJpa implements Revision {

        @jakarta.persistence.PersistenceUnit
        private jakarta.persistence.EntityManagerFactory factory;

        InjectsJpa(RideRepository rides, ObjectProvider<JdbcTemplate> jdbc) {
        }

        @Override
        public void up(Migrator migrator) {
        }

        @Override
        public void down(Migrator migrator) {
        }

    }

    @Service
    static class RideService {

        RideService(JdbcTemplate jdbc) {
        }

    }

    @MigrationRevision(id = "20260102_service", after = "20260101_ride")
    static class UsesRideService implements Revision {

        UsesRideService(RideService rides) {
        }

        @Override
        public void up(Migrator migrator) {
        }

        @Override
        public void down(Migrator migrator) {
        }

    }

    @MigrationRevision(id = "20260101_nothing")
    static class NotARevision {

    }

    @MigrationRevision(id = "20260103_orphan", after = "nowhere")
    static class Orphan implements Revision {

        @Override
        public void up(Migrator migrator) {
        }

        @Override
        public void down(Migrator migrator) {
        }

    }

}
