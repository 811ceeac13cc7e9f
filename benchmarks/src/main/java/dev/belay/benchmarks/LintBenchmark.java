package dev.belay.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.belay.lint.LintReport;
import dev.belay.lint.RevisionLinter;
import dev.belay.revision.Migrator;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.test.LambdaRevision;
import dev.belay.test.TestDatabase;

/**
 * What {@code belay lint} costs beside applying the same revisions: a chain of
 * {@code -Drevisions=20} revisions over {@code -Dtables=100} tables (the first creates them, each
 * of the others changes five of them: a column, an index, a check, a backfill, a type), linted
 * from an empty schema (every revision pending, as in CI), beside a dry run of the chain (one
 * rolled-back transaction, no catalog reads) and a real apply to an empty schema. Each is the
 * median of {@code -Drounds=5} rounds after one warm-up round, on the same embedded PostgreSQL and
 * pool, which counts round trips; the ratios are to the real apply of the same round.
 */
public final class LintBenchmark {

    private final int tables;

    private final int revisions;

    private LintBenchmark(int tables, int revisions) {
        this.tables = tables;
        this.revisions = revisions;
    }

    public static void main(String[] args) throws Exception {
        new LintBenchmark(Integer.getInteger("tables", 100), Integer.getInteger("revisions", 20))
            .run(Integer.getInteger("rounds", 5));
    }

    private void run(int rounds) throws Exception {
        try (TestDatabase database = TestDatabase.create(); CountedPool pool = new CountedPool(database, 2)) {
            List<Long> lint = new ArrayList<>();
            List<Long> dryRun = new ArrayList<>();
            List<Long> apply = new ArrayList<>();
            List<Long> lintTrips = new ArrayList<>();
            List<Long> applyTrips = new ArrayList<>();
            String findings = "";
            int statements = 0;
            for (int round = 0; round <= rounds; round++) {
                MigrationRunner runner = runner(pool, "lint_" + round);
                pool.reset();
                long started = System.nanoTime();
                LintReport report = new RevisionLinter(runner, runner, "benchmark", (id) -> Optional.empty(),
                        (info) -> List.of()).lint(null);
                long lintNanos = System.nanoTime() - started;
                long lintRoundTrips = pool.counts().roundTrips();
                started = System.nanoTime();
                runner.apply(null, true);
                long dryRunNanos = System.nanoTime() - started;
                pool.reset();
                started = System.nanoTime();
                runner.apply();
                long applyNanos = System.nanoTime() - started;
                long applyRoundTrips = pool.counts().roundTrips();
                if (round == 0) {
                    continue;
                }
                findings = report.findings().size() + " findings (" + report.findings().stream()
                    .collect(java.util.stream.Collectors.groupingBy((f) -> f.rule().id(), java.util.TreeMap::new,
                            java.util.stream.Collectors.counting())) + ")";
                statements = this.tables + (this.revisions - 1) * 5;
                lint.add(lintNanos);
                dryRun.add(dryRunNanos);
                apply.add(applyNanos);
                lintTrips.add(lintRoundTrips);
                applyTrips.add(applyRoundTrips);
            }
            long applyMs = Stats.median(apply) / 1_000_000;
            System.out.printf("%d revisions, %d statements over %d tables, median of %d rounds%n", this.revisions,
                    statements, this.tables, rounds);
            System.out.printf("%-40s %10s %10s %12s%n", "", "ms", "x apply", "round trips");
            row("belay lint (every revision pending)", Stats.median(lint), applyMs, Stats.median(lintTrips));
            row("belay apply --dry-run", Stats.median(dryRun), applyMs, -1);
            row("belay apply (real, empty schema)", Stats.median(apply), applyMs, Stats.median(applyTrips));
            System.out.printf("lint: %s; %.2f ms per statement%n", findings,
                    Stats.median(lint) / 1_000_000.0 / statements);
        }
    }

    private static void row(String name, long nanos, long applyMs, long trips) {
        long ms = nanos / 1_000_000;
        System.out.printf("%-40s %10d %10.1f %12s%n", name, ms, (double) ms / Math.max(1, applyMs),
                (trips < 0) ? "" : String.valueOf(trips));
    }

    private MigrationRunner runner(CountedPool pool, String schema) {
        List<Revisions.Entry> entries = new ArrayList<>();
        entries.add(entry("r0", null, (m) -> {
            for (int t = 0; t < this.tables; t++) {
                m.actions().execute("CREATE TABLE t" + t + " (id bigint PRIMARY KEY, name varchar(100), n integer)");
            }
        }));
        for (int r = 1; r < this.revisions; r++) {
            int t = (r * 7) % this.tables;
            int revision = r;
            entries.add(entry("r" + r, "r" + (r - 1), (m) -> {
                m.actions().execute("ALTER TABLE t" + t + " ADD COLUMN c" + revision + " integer DEFAULT 0");
                m.actions().execute("CREATE INDEX t" + t + "_c" + revision + " ON t" + t + " (c" + revision + ")");
                m.actions().execute("ALTER TABLE t" + t + " ADD CONSTRAINT t" + t + "_c" + revision
                        + "_check CHECK (c" + revision + " >= 0) NOT VALID");
                m.actions().execute("UPDATE t" + t + " SET n = 0 WHERE n IS NULL");
                m.actions().execute("ALTER TABLE t" + t + " ALTER COLUMN name TYPE varchar(200)");
            }));
        }
        return new MigrationRunner(pool, new MigrationSettings(schema, "belay_history", Duration.ofSeconds(10),
                Duration.ofSeconds(10)), Revisions.ofEntries(entries));
    }

    private static Revisions.Entry entry(String id, String after, Consumer<Migrator> up) {
        return LambdaRevision.entry(new RevisionInfo(id, (after != null) ? List.of(after) : List.of(), id, true,
                "bench." + id), up);
    }

}
