package dev.belay.tenant;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import dev.belay.revision.MigrationException;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.tenant.TenantOutcome.State;
import dev.belay.tenant.TenantSettings.OnFailure;
import dev.belay.tenant.TenantStatus.Standing;
import dev.belay.test.PostgresTest;
import dev.belay.test.RoundTripCounter;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest
class BelayTenantsTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    BelayTenantsTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void noTenantsYet() {
        // The tests share the database: each starts from no tenant schemas and no runs.
        List<String> schemas = this.jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%' "
                + "OR nspname IN ('newco', 'app')", String.class);
        schemas.forEach((schema) -> this.jdbc.execute("DROP SCHEMA \"" + schema + "\" CASCADE"));
        this.jdbc.execute(TenantRevisions.runsTable());
        this.jdbc.execute("TRUNCATE public.runs");
    }

    @Test
    void fiftyTenantSchemasMigrateEachWithItsOwnHistory() {
        List<String> schemas = names(50);
        BelayTenants tenants = tenants(this.database.dataSource(), schemas, new TenantSettings(4, 0, OnFailure.STOP));

        TenantsResult result = tenants.migrateAll();

        assertThat(result.passed()).isTrue();
        assertThat(result.inState(State.MIGRATED)).hasSize(50);
        for (String schema : schemas) {
            assertThat(this.jdbc.queryForList("SELECT id FROM \"" + schema + "\".belay_history ORDER BY applied_rank",
                    String.class))
                .as("history of %s", schema)
                .containsExactlyElementsOf(TenantRevisions.IDS);
            assertThat(this.jdbc.queryForObject("SELECT count(*) FROM information_schema.columns WHERE table_schema = ? "
                    + "AND table_name = 'ride'", Integer.class, schema)).isEqualTo(2);
        }
        assertThat(runs()).isEqualTo(50 * 3);
        assertThat(tenants.status().in(Standing.AT_HEAD)).hasSize(50);
    }

    @Test
    void aStartWithEveryTenantUpToDateReadsTheirHistoriesInAFixedNumberOfRoundTrips() throws SQLException {
        List<String> schemas = names(60);
        tenants(this.database.dataSource(), schemas, new TenantSettings(4, 0, OnFailure.STOP)).migrateAll();

        int few = roundTripsOfAnUpToDateStart(schemas.subList(0, 5));
        int many = roundTripsOfAnUpToDateStart(schemas);

        assertThat(many).isEqualTo(few).isLessThanOrEqualTo(4);
    }

    private int roundTripsOfAnUpToDateStart(List<String> schemas) throws SQLException {
        try (RoundTripCounter.Counted counted = RoundTripCounter.open(this.database)) {
            BelayTenants tenants = tenants(new SingleConnectionDataSource(counted.connection(), true), schemas,
                    new TenantSettings(4, 0, OnFailure.STOP));
            counted.counter().reset();
            TenantsResult result = tenants.migrateAll();
            assertThat(result.inState(State.UP_TO_DATE)).hasSize(schemas.size());
            assertThat(result.historyQueries()).isEqualTo(2);
            return counted.counter().roundTrips();
        }
    }

    @Test
    void withStopAFailedTenantFailsTheRunNamingItAndLeavesTheTenantsNotStartedUntouched() {
        List<String> schemas = names(8);
        breakTenant("tenant03");
        BelayTenants tenants = tenants(this.database.dataSource(), schemas, new TenantSettings(1, 0, OnFailure.STOP));

        assertThatExceptionOfType(TenantMigrationException.class).isThrownBy(tenants::migrateAll)
            .withMessageContaining("tenant03: Applying revision 'r1_rides' (test.r1_rides) failed in up()")
            .withMessageContaining("relation \"ride\" already exists")
            .withMessageContaining("Not started (left as they were): tenant04, tenant05, tenant06, tenant07, tenant08. ")
            .satisfies((ex) -> {
                assertThat(ex.result().inState(State.MIGRATED)).extracting(TenantOutcome::tenant)
                    .containsExactly("tenant01", "tenant02");
                assertThat(ex.result().inState(State.FAILED)).extracting(TenantOutcome::tenant)
                    .containsExactly("tenant03");
            });
        for (String untouched : schemas.subList(3, 8)) {
            assertThat(schemaExists(untouched)).as("schema %s", untouched).isFalse();
        }
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tenant03.belay_history", Integer.class))
            .as("the failed tenant's revision was rolled back with its history row")
            .isZero();
    }

    @Test
    void withContinueEveryOtherTenantReachesHeadAndStatusNamesTheFailedOne() {
        List<String> schemas = names(8);
        breakTenant("tenant03");
        BelayTenants tenants = tenants(this.database.dataSource(), schemas,
                new TenantSettings(3, 0, OnFailure.CONTINUE));

        TenantsResult result = tenants.migrateAll();

        assertThat(result.passed()).isFalse();
        assertThat(result.inState(State.FAILED)).extracting(TenantOutcome::tenant).containsExactly("tenant03");
        assertThat(result.inState(State.MIGRATED)).hasSize(7);
        TenantsStatus status = tenants.status();
        assertThat(status.notAtHead()).extracting(TenantStatus::tenant).containsExactly("tenant03");
        assertThat(status.notAtHead().get(0).standing()).isEqualTo(Standing.FAILED);
        assertThat(status.notAtHead().get(0).error()).contains("relation \"ride\" already exists");
        assertThat(status.notAtHead().get(0).pending()).isEqualTo(3);
    }

    @Test
    void aFailedCanaryTouchesNoOtherTenantWhateverOnFailureSays() {
        List<String> schemas = names(10);
        breakTenant("tenant02");
        BelayTenants tenants = tenants(this.database.dataSource(), schemas,
                new TenantSettings(4, 2, OnFailure.CONTINUE));

        assertThatExceptionOfType(TenantMigrationException.class).isThrownBy(tenants::migrateAll)
            .withMessageStartingWith("Canary tenant tenant02 failed to migrate, so no other tenant was touched.")
            .satisfies((ex) -> assertThat(ex.result().inState(State.NOT_STARTED)).hasSize(8));
        for (String untouched : schemas.subList(2, 10)) {
            assertThat(schemaExists(untouched)).as("schema %s", untouched).isFalse();
        }
    }

    @Test
    void canariesAreTheFirstTenantsWithPendingRevisions() {
        List<String> schemas = names(6);
        tenants(this.database.dataSource(), schemas.subList(0, 3), new TenantSettings(1, 0, OnFailure.STOP))
            .migrateAll();
        breakTenant("tenant06");
        BelayTenants tenants = tenants(this.database.dataSource(), schemas, new TenantSettings(1, 2, OnFailure.STOP));

        assertThatExceptionOfType(TenantMigrationException.class).isThrownBy(tenants::migrateAll)
            .satisfies((ex) -> {
                assertThat(ex.result().inState(State.UP_TO_DATE)).extracting(TenantOutcome::tenant)
                    .containsExactly("tenant01", "tenant02", "tenant03");
                assertThat(ex.result().inState(State.MIGRATED)).extracting(TenantOutcome::tenant)
                    .containsExactly("tenant04", "tenant05");
                assertThat(ex.result().inState(State.FAILED)).extracting(TenantOutcome::tenant)
                    .containsExactly("tenant06");
            });
    }

    @Test
    void aTenantAddedAtRuntimeIsCreatedAndMigrated() {
        BelayTenants tenants = tenants(this.database.dataSource(), names(2), new TenantSettings(2, 0, OnFailure.STOP));
        tenants.migrateAll();

        MigrationResult result = tenants.migrate("newco");

        assertThat(result.ids()).containsExactlyElementsOf(TenantRevisions.IDS);
        assertThat(result.schema()).isEqualTo("newco");
        assertThat(tenants.tenants()).extracting(Tenant::name).containsExactly("tenant01", "tenant02", "newco");
        assertThat(tenants.status().in(Standing.AT_HEAD)).extracting(TenantStatus::tenant)
            .containsExactly("tenant01", "tenant02", "newco");
        assertThat(tenants.migrate("newco").revisions()).as("migrating it again does nothing").isEmpty();
    }

    @Test
    void tenantsInDatabasesOfTheirOwnMigrateIndependently() {
        try (TestDatabase east = TestDatabase.create(); TestDatabase west = TestDatabase.create()) {
            for (TestDatabase each : List.of(east, west)) {
                each.execute(TenantRevisions.runsTable());
            }
            west.execute("CREATE TABLE public.ride (id int)");
            TenantSource source = () -> List.of(Tenant.database("east", east.dataSource()),
                    Tenant.database("west", west.dataSource()), Tenant.database("east-archive", east.dataSource(),
                            "archive"));
            BelayTenants tenants = new BelayTenants(runner(this.database.dataSource()), List.of(), List.of(source),
                    new TenantSettings(2, 0, OnFailure.CONTINUE), null);

            TenantsResult result = tenants.migrateAll();

            assertThat(result.inState(State.MIGRATED)).extracting(TenantOutcome::tenant, TenantOutcome::schema)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("east", "public"),
                        org.assertj.core.groups.Tuple.tuple("east-archive", "archive"));
            assertThat(result.inState(State.FAILED)).extracting(TenantOutcome::tenant).containsExactly("west");
            assertThat(new JdbcTemplate(east.dataSource()).queryForList("SELECT current_schema() || ':' || id FROM "
                    + "public.belay_history UNION ALL SELECT 'archive:' || id FROM archive.belay_history ORDER BY 1",
                    String.class)).hasSize(6);
            assertThat(new JdbcTemplate(west.dataSource())
                .queryForObject("SELECT count(*) FROM public.belay_history", Integer.class)).isZero();
            assertThat(tenants.status("west").inState(dev.belay.runner.RevisionState.PENDING)).hasSize(3);
        }
    }

    @Test
    void twoInstancesStartingAtOnceMigrateEachTenantExactlyOnce() throws Exception {
        List<String> schemas = names(20);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<TenantsResult>> instances = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            BelayTenants tenants = tenants(this.database.dataSource(), schemas,
                    new TenantSettings(4, 0, OnFailure.STOP));
            instances.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return tenants.migrateAll();
            }));
        }
        start.countDown();

        for (CompletableFuture<TenantsResult> instance : instances) {
            assertThat(instance.get().passed()).isTrue();
        }
        assertThat(this.jdbc.queryForList("SELECT tenant || ':' || revision || ':' || count(*) FROM public.runs "
                + "GROUP BY tenant, revision HAVING count(*) <> 1", String.class))
            .as("revisions that ran more than once")
            .isEmpty();
        assertThat(runs()).isEqualTo(20 * 3);
    }

    @Test
    void twoTenantsOfOneNameAreRefusedNamingThem() {
        BelayTenants tenants = new BelayTenants(runner(this.database.dataSource()), List.of("tenant01"),
                List.of(() -> List.of(Tenant.schema("tenant01", "other"))), TenantSettings.defaults(), null);

        assertThatExceptionOfType(MigrationException.class).isThrownBy(tenants::migrateAll)
            .withMessageStartingWith("Two tenants are named 'tenant01'");
        assertThat(schemaExists("other")).isFalse();
    }

    @Test
    void anUnknownTenantIsNamedWithTheTenantsThereAre() {
        BelayTenants tenants = tenants(this.database.dataSource(), names(2), TenantSettings.defaults());

        assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> tenants.status("nope"))
            .withMessage("There is no tenant 'nope'. The tenants are tenant01, tenant02; tenants come from "
                    + "belay.tenants.schemas and the application's TenantSource beans.");
    }

    @Test
    void everyTenantRollsBackOnItsOwn() {
        List<String> schemas = names(5);
        BelayTenants tenants = tenants(this.database.dataSource(), schemas, new TenantSettings(2, 0, OnFailure.STOP));
        tenants.migrateAll();

        TenantsResult result = tenants.forEach(tenants.tenants(), "roll back", (runner) -> runner.rollback(1));

        assertThat(result.passed()).isTrue();
        assertThat(tenants.status().tenants()).allSatisfy((status) -> {
            assertThat(status.standing()).isEqualTo(Standing.BEHIND);
            assertThat(status.current()).containsExactly("r2_name");
        });
    }

    @Test
    void sharedRevisionsBuildTheApplicationsSchemaFirstAndTheTenantsRevisionsMayUseIt() {
        MigrationRunner application = new MigrationRunner(this.database.dataSource(),
                MigrationSettings.defaults().withSchema("app"), TenantRevisions.shared());
        BelayTenants tenants = new BelayTenants(runner(this.database.dataSource()).withRevisions(
                TenantRevisions.usingShared()), application, names(3), List.of(), TenantSettings.defaults(), null);

        TenantsResult result = tenants.migrateAll();

        assertThat(result.application().ids()).containsExactly("s1_plans");
        assertThat(result.inState(State.MIGRATED)).hasSize(3);
        assertThat(this.jdbc.queryForList("SELECT id FROM app.belay_history", String.class))
            .containsExactly("s1_plans");
        assertThat(this.jdbc.queryForList("SELECT id FROM tenant02.belay_history", String.class))
            .containsExactly("t1_rides_on_plans");
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND "
                + "conrelid = 'tenant02.ride'::regclass AND confrelid = 'app.plan'::regclass", Integer.class))
            .isOne();
        TenantsStatus status = tenants.status();
        assertThat(status.application().upToDate()).isTrue();
        assertThat(status.allAtHead()).isTrue();
    }

    @Test
    void aSharedRevisionThatFailsTouchesNoTenant() {
        this.jdbc.execute("CREATE SCHEMA app");
        this.jdbc.execute("CREATE TABLE app.plan (id int)");
        MigrationRunner application = new MigrationRunner(this.database.dataSource(),
                MigrationSettings.defaults().withSchema("app"), TenantRevisions.shared());
        BelayTenants tenants = new BelayTenants(runner(this.database.dataSource()).withRevisions(
                TenantRevisions.usingShared()), application, names(3), List.of(), TenantSettings.defaults(), null);

        assertThatExceptionOfType(MigrationException.class).isThrownBy(tenants::migrateAll)
            .withMessageContaining("Applying revision 's1_plans'")
            .withMessageContaining("relation \"plan\" already exists");
        assertThat(names(3)).noneMatch(this::schemaExists);
    }

    private BelayTenants tenants(DataSource dataSource, List<String> schemas, TenantSettings settings) {
        return new BelayTenants(runner(dataSource), schemas, List.of(), settings, null);
    }

    private static MigrationRunner runner(DataSource dataSource) {
        return new MigrationRunner(dataSource, MigrationSettings.defaults().withLockRetries(0), TenantRevisions.all());
    }

    private void breakTenant(String schema) {
        this.jdbc.execute("CREATE SCHEMA " + schema);
        this.jdbc.execute("CREATE TABLE " + schema + ".ride (id int)");
    }

    private boolean schemaExists(String schema) {
        return Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = ?)",
                Boolean.class, schema));
    }

    private int runs() {
        return this.jdbc.queryForObject("SELECT count(*) FROM public.runs", Integer.class);
    }

    private static List<String> names(int count) {
        return IntStream.rangeClosed(1, count).mapToObj((i) -> String.format("tenant%02d", i)).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
