package dev.belay.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.tenant.BelayTenants;
import dev.belay.tenant.TenantOutcome;
import dev.belay.tenant.TenantOutcome.State;
import dev.belay.tenant.TenantSettings;
import dev.belay.tenant.TenantSettings.OnFailure;
import dev.belay.tenant.TenantsResult;
import dev.belay.test.TestDatabase;
import org.flywaydb.core.Flyway;

/**
 * Many tenants on one PostgreSQL: {@code -Dtenants=1000} schemas, each with the same 20
 * revisions ({@link TenantFixtures}), migrated by {@link BelayTenants} beside Flyway called in a
 * loop, one {@code Flyway.configure()...schemas(tenant)...migrate()} per schema, one after
 * another (Flyway has no mode for many tenants: each schema is a migration of its own, with its
 * own history table):
 * <ul>
 * <li>applying every revision to every tenant from an empty database, Belay with its default
 * parallelism of 4 and with 1 (one connection at a time, as the Flyway loop);</li>
 * <li>a start with every tenant at head: Belay's {@code migrateAll()} beside the loop's no-op
 * {@code migrate()} on every schema, the median of {@code -Drounds=5} rounds for Belay and
 * {@code -DflywayRounds=3} for the (much longer) loop, each after one warm-up round.</li>
 * </ul>
 * Each tool gets the same HikariCP pool of {@code parallelism + 1} connections (Belay's default
 * parallelism is the pool's size less one), opened before timing starts, that counts round
 * trips and connections.
 */
public final class TenantBenchmark {

    private static final int PARALLELISM = TenantSettings.MAX_DEFAULT_PARALLELISM;

    private static final int POOL_SIZE = PARALLELISM + 1;

    private static final int WARM_UP_TENANTS = 20;

    private final TenantFixtures fixtures;

    private final List<String> schemas;

    private TenantBenchmark(TenantFixtures fixtures, List<String> schemas) {
        this.fixtures = fixtures;
        this.schemas = schemas;
    }

    public static void main(String[] args) throws Exception {
        int tenants = Integer.getInteger("tenants", 1000);
        int rounds = Integer.getInteger("rounds", 5);
        int flywayRounds = Integer.getInteger("flywayRounds", 3);
        TenantBenchmark benchmark = new TenantBenchmark(TenantFixtures.create(), names(tenants));
        benchmark.run(rounds, flywayRounds);
    }

    private void run(int rounds, int flywayRounds) throws Exception {
        warmUp();
        int tenants = this.schemas.size();
        List<Row> apply = new ArrayList<>();
        List<Row> noOp = new ArrayList<>();
        try (TestDatabase belayDatabase = TestDatabase.create(); TestDatabase flywayDatabase = TestDatabase.create();
                CountedPool belayPool = new CountedPool(belayDatabase, POOL_SIZE);
                CountedPool flywayPool = new CountedPool(flywayDatabase, POOL_SIZE)) {
            progress("apply: Belay, parallelism " + PARALLELISM);
            Row belay = applyWithBelay(belayPool, this.schemas, PARALLELISM, "Belay migrateAll(), parallelism "
                    + PARALLELISM);
            requireAtHead(belayPool, tenants);
            progress("apply: Flyway loop");
            Row flyway = applyWithFlyway(flywayPool, this.schemas, "Flyway loop, one migrate() per schema");
            requireAtHead(flywayPool, tenants);
            Row single;
            try (TestDatabase singleDatabase = TestDatabase.create();
                    CountedPool singlePool = new CountedPool(singleDatabase, POOL_SIZE)) {
                progress("apply: Belay, parallelism 1");
                single = applyWithBelay(singlePool, this.schemas, 1, "Belay migrateAll(), parallelism 1");
                requireAtHead(singlePool, tenants);
            }
            apply.add(belay.against(flyway));
            apply.add(single.against(flyway));
            apply.add(flyway);

            progress("start at head: Belay, " + rounds + " rounds after one warm-up");
            Row belayNoOp = startsAtHead(rounds, "Belay migrateAll(), parallelism " + PARALLELISM,
                    () -> applyWithBelay(belayPool, this.schemas, PARALLELISM, ""));
            progress("start at head: Flyway loop, " + flywayRounds + " rounds after one warm-up");
            Row flywayNoOp = startsAtHead(flywayRounds, "Flyway loop, one no-op migrate() per schema",
                    () -> applyWithFlyway(flywayPool, this.schemas, ""));
            noOp.add(belayNoOp.against(flywayNoOp));
            noOp.add(flywayNoOp);
            print(tenants, rounds, flywayRounds, belayDatabase.server().majorVersion(), apply, noOp, belay);
        }
    }

    /**
     * Starts with every tenant at head, one warm-up round then {@code rounds} measured ones.
     * @return the times, and the counts of the last round
     */
    private static Row startsAtHead(int rounds, String title, Callable<Row> start) throws Exception {
        Samples times = new Samples();
        CountedPool.Counts counts = null;
        for (int round = -1; round < rounds; round++) {
            Row run = start.call();
            if (run.revisions != 0) {
                throw new IllegalStateException(title + " applied " + run.revisions + " revisions at head");
            }
            if (round >= 0) {
                times.add(run.nanos());
                counts = run.counts;
            }
        }
        return new Row(title, times, counts, 0, null, null);
    }

    /** A round of each tool on a few tenants, in a database of its own, to load and compile their code. */
    private void warmUp() throws Exception {
        List<String> few = this.schemas.subList(0, Math.min(WARM_UP_TENANTS, this.schemas.size()));
        try (TestDatabase database = TestDatabase.create(); CountedPool pool = new CountedPool(database, POOL_SIZE)) {
            progress("warm-up on " + few.size() + " tenants");
            applyWithBelay(pool, few.stream().map((name) -> "belay_" + name).toList(), PARALLELISM, "");
            applyWithFlyway(pool, few.stream().map((name) -> "flyway_" + name).toList(), "");
            applyWithBelay(pool, few.stream().map((name) -> "belay_" + name).toList(), PARALLELISM, "");
            applyWithFlyway(pool, few.stream().map((name) -> "flyway_" + name).toList(), "");
        }
    }

    /** Belay as a start calls it: a runner on the pool, then every tenant brought to head. */
    private static Row applyWithBelay(CountedPool pool, List<String> schemas, int parallelism, String title) {
        pool.reset();
        long started = System.nanoTime();
        MigrationRunner runner = new MigrationRunner(pool, MigrationSettings.defaults(), TenantFixtures.revisions());
        TenantsResult result = new BelayTenants(runner, schemas, List.of(),
                new TenantSettings(parallelism, 0, OnFailure.STOP), null)
            .migrateAll();
        long took = System.nanoTime() - started;
        CountedPool.Counts counts = pool.counts();
        if (!result.passed()) {
            throw new IllegalStateException("Belay did not bring every tenant to head: " + result.summary());
        }
        int revisions = result.outcomes().stream().mapToInt(TenantOutcome::revisionsRun).sum();
        List<Double> perTenant = result.inState(State.MIGRATED)
            .stream()
            .map((outcome) -> (double) outcome.totalMs())
            .toList();
        return new Row(title, once(took), counts, revisions, perTenant.isEmpty() ? null : perTenant, null);
    }

    /** Flyway in a loop: one configuration and one {@code migrate()} per schema, one schema after another. */
    private Row applyWithFlyway(CountedPool pool, List<String> schemas, String title) {
        pool.reset();
        long started = System.nanoTime();
        int revisions = 0;
        for (String schema : schemas) {
            revisions += Flyway.configure()
                .dataSource(pool)
                .schemas(schema)
                .locations("filesystem:" + this.fixtures.flywayDirectory)
                .load()
                .migrate().migrationsExecuted;
        }
        long took = System.nanoTime() - started;
        return new Row(title, once(took), pool.counts(), revisions, null, null);
    }

    /** Fails unless every tenant schema has every table of the chain and the rows of its data step. */
    private static void requireAtHead(CountedPool pool, int tenants) throws SQLException {
        try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname LIKE 'tenant%' AND tablename = ANY (?)), "
                        + "(SELECT coalesce(sum((xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c "
                        + "FROM %I.plan', nspname), false, true, '')))[1]::text::int), 0) FROM pg_namespace "
                        + "WHERE nspname LIKE 'tenant%')")) {
            statement.setArray(1, connection.createArrayOf("text", TenantFixtures.TABLES.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long tables = row.getLong(1);
                long plans = row.getLong(2);
                if (tables != (long) tenants * TenantFixtures.TABLES.size() || plans != (long) tenants
                        * TenantFixtures.PLANS) {
                    throw new IllegalStateException("Expected " + tenants + " tenants at head, but found " + tables
                            + " of their tables and " + plans + " rows of their data step");
                }
            }
        }
    }

    private static void print(int tenants, int rounds, int flywayRounds, int postgres, List<Row> apply,
            List<Row> noOp, Row belay) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Tenants: %d schemas on one database, %d revisions each (%d tables, columns, "
                + "indexes, one data step), PostgreSQL %d, %s %s, %d cores%n", tenants, TenantFixtures.count(),
                TenantFixtures.TABLES.size(), postgres, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "Each tool on a HikariCP pool of %d connections opened beforehand; "
                + "milliseconds; round trips and connection checkouts over all tenants%n%n", POOL_SIZE);
        String format = "%-52s %22s %10s %12s %10s %10s %8s %7s %13s%n";
        System.out.printf(Locale.ROOT, format, "", "time (ms)", "per tenant", "round trips", "per tenant",
                "checkouts", "at once", "opened", "Flyway/Belay");
        System.out.println("Apply all " + TenantFixtures.count() + " revisions to " + tenants
                + " empty tenants (one run)");
        apply.forEach((row) -> row.print(format, tenants));
        System.out.println("A start with every tenant at head (median of " + rounds + " rounds for Belay and "
                + flywayRounds + " for Flyway, each after one warm-up round; min-max in brackets)");
        noOp.forEach((row) -> row.print(format, tenants));
        System.out.println();
        List<Double> perTenant = belay.perTenant;
        int tenth = Math.max(1, perTenant.size() / 10);
        System.out.printf(Locale.ROOT, "Belay's apply, parallelism %d: each tenant's runner took %.0f ms median "
                + "(%.0f ms for the first tenth of the tenants, %.0f ms for the last tenth: a tenant should cost the same however many schemas the database holds), "
                + "%.0f ms of runner time in all over %d threads, for a wall time of %.0f ms.%n", PARALLELISM,
                Samples.median(perTenant), Samples.median(perTenant.subList(0, tenth)),
                Samples.median(perTenant.subList(perTenant.size() - tenth, perTenant.size())),
                perTenant.stream().mapToDouble(Double::doubleValue).sum(), PARALLELISM, belay.time.median());
        System.out.println("checkouts: connections taken from the pool; at once: the most checked out together; "
                + "opened: physical connections opened while running (the pool's own were open before).");
        System.out.println("Belay: new MigrationRunner + new BelayTenants(...).migrateAll(), histories read in a few "
                + "queries for all tenants, then only the tenants with pending revisions run.");
        System.out.println("Flyway: Flyway.configure().dataSource(pool).schemas(tenant).locations(filesystem:...)"
                + ".load().migrate() for each tenant, sequentially.");
    }

    private static Samples once(long nanos) {
        Samples samples = new Samples();
        samples.add(nanos);
        return samples;
    }

    private static List<String> names(int count) {
        return IntStream.rangeClosed(1, count).mapToObj((i) -> String.format(Locale.ROOT, "tenant%04d", i)).toList();
    }

    private static void progress(String what) {
        System.err.printf(Locale.ROOT, "%tT %s%n", System.currentTimeMillis(), what);
    }

    /** One line of the table. */
    private record Row(String title, Samples time, CountedPool.Counts counts, int revisions, List<Double> perTenant,
            Double ratio) {

        long nanos() {
            return (long) (this.time.median() * 1_000_000);
        }

        /** This row with the ratio of the Flyway row's time to its own. */
        Row against(Row flyway) {
            return new Row(this.title, this.time, this.counts, this.revisions, this.perTenant,
                    flyway.time.median() / this.time.median());
        }

        void print(String format, int tenants) {
            String time = (this.time.values().size() == 1) ? String.format(Locale.ROOT, "%.0f", this.time.median())
                    : String.format(Locale.ROOT, "%.0f [%.0f-%.0f]", this.time.median(), this.time.min(),
                            this.time.max());
            System.out.printf(Locale.ROOT, format, "  " + this.title, time,
                    String.format(Locale.ROOT, "%.2f", this.time.median() / tenants), this.counts.roundTrips(),
                    String.format(Locale.ROOT, "%.1f", (double) this.counts.roundTrips() / tenants),
                    this.counts.checkouts(), this.counts.peak(), this.counts.opened(),
                    (this.ratio != null) ? String.format(Locale.ROOT, "%.1fx", this.ratio) : "");
        }

    }

}
