package dev.belay.lint;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.revision.Migrator;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.test.LambdaRevision;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hand-written revisions, each linted after a base revision that is already applied,
 * with the rules it must raise: exactly those, each as often as listed, no more. Pairs show that the same statement is fine
 * in one place and not in another (an index on a table the revision creates, or on one that
 * exists), which a linter of SQL text cannot tell apart. The previous release's mapping is the
 * base's (Hibernate-style DDL), or one that no longer maps {@code ride.note}.
 */
@PostgresTest
class LintCorpusTests {

    private static final List<String> BASE = List.of(
            "CREATE TABLE rider (id bigint PRIMARY KEY, name text)",
            "CREATE TABLE ride (id bigint PRIMARY KEY, name varchar(100), distance numeric(8,2), note text, "
                    + "rider_id bigint, created_at timestamptz)",
            "CREATE INDEX ride_rider ON ride (rider_id)",
            "CREATE UNIQUE INDEX rider_name_idx ON rider (name)",
            "CREATE TYPE kind AS ENUM ('road', 'gravel')",
            "CREATE TABLE tagging (ride_id bigint, label text)",
            "ALTER TABLE tagging ADD CONSTRAINT tagging_label_present CHECK (label IS NOT NULL)");

    /** The mapping of the release that built the base, as Hibernate's DDL. */
    private static final List<String> BASE_MAPPING = List.of(
            "create table rider (id bigint not null, name text, primary key (id))",
            "create table ride (id bigint not null, name varchar(100), distance numeric(8,2), note text, "
                    + "rider_id bigint, created_at timestamp(6) with time zone, primary key (id))",
            "create table tagging (ride_id bigint, label text)");

    /** The same release after it stopped mapping {@code ride.note}: the contract step may drop it. */
    private static final List<String> MAPPING_WITHOUT_NOTE = List.of(
            "create table rider (id bigint not null, name text, primary key (id))",
            "create table ride (id bigint not null, name varchar(100), distance numeric(8,2), "
                    + "rider_id bigint, created_at timestamp(6) with time zone, primary key (id))",
            "create table tagging (ride_id bigint, label text)");

    private final TestDatabase database;

    LintCorpusTests(TestDatabase database) {
        this.database = database;
    }

    static Stream<Case> corpus() {
        return Stream.of(
                // Indexes
                sql("index on an existing table", "CREATE INDEX ride_name ON ride (name)")
                    .raises("index-not-concurrent"),
                sql("index on an existing table, then more work on it",
                        "CREATE INDEX ride_name ON ride (name)", "ALTER TABLE ride ADD CONSTRAINT ride_name_known "
                                + "CHECK (name IS NOT NULL) NOT VALID", "COMMENT ON TABLE ride IS 'rides'")
                    .raises("index-not-concurrent"),
                sql("index on a table the revision creates", "CREATE TABLE tag (id bigint PRIMARY KEY, label text)",
                        "CREATE INDEX tag_label ON tag (label)"),
                concurrently("index built concurrently in an idempotent non-transactional revision",
                        "CREATE INDEX CONCURRENTLY IF NOT EXISTS ride_name ON ride (name)")
                    .nonTransactional(true),
                concurrently("concurrent index in a non-transactional revision not declared idempotent",
                        "CREATE INDEX CONCURRENTLY ride_name ON ride (name)")
                    .nonTransactional(false)
                    .raises("non-transactional-not-idempotent"),
                concurrently("concurrent index in a transactional revision",
                        "CREATE INDEX CONCURRENTLY ride_name ON ride (name)")
                    .raises("concurrently-in-transaction"),
                jdbc("concurrent index sent through jdbc() in a transactional revision",
                        "CREATE INDEX CONCURRENTLY ride_name ON ride (name)")
                    .raises("concurrently-in-transaction"),
                sql("index dropped without CONCURRENTLY", "DROP INDEX ride_rider").raises("drop-index-not-concurrent"),
                concurrently("index dropped concurrently", "DROP INDEX CONCURRENTLY IF EXISTS ride_rider")
                    .nonTransactional(true),
                sql("wide index on an existing table", "CREATE INDEX ride_wide ON ride (name, distance, note, rider_id)")
                    .raises("index-not-concurrent", "wide-index"),
                // Types
                sql("numeric scale change rewrites the table",
                        "ALTER TABLE ride ALTER COLUMN distance TYPE numeric(12,3)")
                    .raises("column-type-change"),
                sql("varchar made longer rewrites nothing", "ALTER TABLE ride ALTER COLUMN name TYPE varchar(200)"),
                sql("varchar made shorter, a column the previous release writes",
                        "ALTER TABLE ride ALTER COLUMN name TYPE varchar(50)")
                    .raises("column-type-change", "narrowing-type-change"),
                sql("type change on a table the revision creates", "CREATE TABLE t2 (x int)",
                        "ALTER TABLE t2 ALTER COLUMN x TYPE bigint"),
                // Columns and defaults
                sql("column with a constant default", "ALTER TABLE ride ADD COLUMN rating int DEFAULT 0"),
                sql("column with a volatile default", "ALTER TABLE ride ADD COLUMN token uuid DEFAULT gen_random_uuid()")
                    .raises("volatile-default"),
                sql("NOT NULL column without a default", "ALTER TABLE ride ADD COLUMN rating int NOT NULL")
                    .raises("required-column-without-default", "not-null-breaks-previous-release"),
                sql("NOT NULL column with a default", "ALTER TABLE ride ADD COLUMN rating int NOT NULL DEFAULT 0"),
                sql("identity column added to an existing table",
                        "ALTER TABLE ride ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY")
                    .raises("table-rewrite"),
                sql("SET NOT NULL scans the table", "ALTER TABLE ride ALTER COLUMN name SET NOT NULL")
                    .raises("not-null-scan"),
                sql("SET NOT NULL behind a valid CHECK scans nothing",
                        "ALTER TABLE tagging ALTER COLUMN label SET NOT NULL"),
                sql("DROP NOT NULL", "ALTER TABLE ride DROP CONSTRAINT ride_pkey", "ALTER TABLE ride ALTER COLUMN id DROP NOT NULL")
                    .raises("drop-not-null"),
                // Constraints
                sql("CHECK validated at once", "ALTER TABLE ride ADD CONSTRAINT ride_distance_positive CHECK (distance > 0)")
                    .raises("check-without-not-valid"),
                sql("CHECK added NOT VALID",
                        "ALTER TABLE ride ADD CONSTRAINT ride_distance_positive CHECK (distance > 0) NOT VALID"),
                sql("CHECK added NOT VALID and validated in the same transaction",
                        "ALTER TABLE ride ADD CONSTRAINT ride_distance_positive CHECK (distance > 0) NOT VALID",
                        "ALTER TABLE ride VALIDATE CONSTRAINT ride_distance_positive")
                    .raises("validate-in-same-transaction", "access-exclusive-over-scan"),
                sql("foreign key validated at once",
                        "ALTER TABLE ride ADD CONSTRAINT ride_rider_fk FOREIGN KEY (rider_id) REFERENCES rider (id)")
                    .raises("foreign-key-without-not-valid"),
                sql("foreign key added NOT VALID", "ALTER TABLE ride ADD CONSTRAINT ride_rider_fk FOREIGN KEY (rider_id) "
                        + "REFERENCES rider (id) NOT VALID"),
                sql("foreign key of a table the revision creates",
                        "CREATE TABLE photo (id bigint PRIMARY KEY, ride_id bigint REFERENCES ride (id))"),
                sql("unique constraint builds its index",
                        "ALTER TABLE rider ADD CONSTRAINT rider_name_key UNIQUE (name)")
                    .raises("constraint-builds-index"),
                sql("unique constraint on an index built before",
                        "ALTER TABLE rider ADD CONSTRAINT rider_name_key UNIQUE USING INDEX rider_name_idx"),
                // Data work
                sql("backfill in the transaction that added the column", "ALTER TABLE ride ADD COLUMN rating int",
                        "UPDATE ride SET rating = 0")
                    .raises("access-exclusive-over-scan"),
                sql("batched backfill in the transaction that added the column", "ALTER TABLE ride ADD COLUMN rating int",
                        "UPDATE ride SET rating = 0 WHERE id IN (SELECT id FROM ride WHERE rating IS NULL LIMIT 1000)")
                    .raises("access-exclusive-over-scan"),
                sql("batched backfill after the column committed on its own", "ALTER TABLE ride ADD COLUMN rating int",
                        "UPDATE ride SET rating = 0 WHERE id IN (SELECT id FROM ride WHERE rating IS NULL LIMIT 1000)")
                    .nonTransactional(true),
                sql("whole-table update in one statement", "UPDATE ride SET note = ''").raises("unbatched-data-work"),
                sql("whole-table update in a WITH query",
                        "WITH stale AS (SELECT id FROM ride) UPDATE ride SET note = '' FROM stale WHERE stale.id = ride.id")
                    .raises("unbatched-data-work"),
                sql("a query that reads the whole table and writes nothing",
                        "WITH counted AS (SELECT count(*) FROM ride) SELECT * FROM counted"),
                sql("update in batches",
                        "UPDATE ride SET note = '' WHERE id IN (SELECT id FROM ride WHERE note IS NULL LIMIT 1000)"),
                sql("truncate", "TRUNCATE ride").raises("truncate"),
                // Rolling deploy
                sql("column renamed that the previous release uses", "ALTER TABLE ride RENAME COLUMN note TO remark")
                    .raises("rename-column"),
                sql("column dropped that the previous release uses", "ALTER TABLE ride DROP COLUMN note")
                    .raises("drop-column"),
                sql("column dropped that the previous release no longer maps", "ALTER TABLE ride DROP COLUMN note")
                    .previousMapping(MAPPING_WITHOUT_NOTE),
                sql("column dropped with no mapping kept: the schema before stands in for it",
                        "ALTER TABLE ride DROP COLUMN note")
                    .previousMapping(List.of())
                    .raises("drop-column"),
                sql("table dropped that the previous release uses", "DROP TABLE rider").raises("drop-table"),
                sql("table renamed that the previous release uses", "ALTER TABLE rider RENAME TO cyclist")
                    .raises("rename-table"),
                sql("NOT NULL on a column the previous release does not write",
                        "ALTER TABLE ride ADD COLUMN rating int", "ALTER TABLE ride ALTER COLUMN rating SET NOT NULL")
                    .raises("not-null-breaks-previous-release", "not-null-scan", "access-exclusive-over-scan"),
                // Transactions, timeouts, enums, types
                sql("enum value added and used in one transaction", "ALTER TYPE kind ADD VALUE 'mtb'",
                        "CREATE TABLE trail (id bigint PRIMARY KEY, k kind DEFAULT 'mtb')")
                    .raises("enum-value-used-in-transaction"),
                sql("enum value added alone", "ALTER TYPE kind ADD VALUE 'mtb'"),
                sql("lock_timeout turned off", "SET lock_timeout = 0", "ALTER TABLE ride ADD COLUMN rating int")
                    .raises("lock-timeout-reset"),
                sql("COMMIT in a transactional revision", "ALTER TABLE ride ADD COLUMN rating int", "COMMIT")
                    .raises("transaction-control"),
                sql("BEGIN and COMMIT grouping steps of a non-transactional revision", "BEGIN",
                        "ALTER TABLE ride ADD COLUMN rating int", "COMMIT")
                    .nonTransactional(true),
                jdbc("COMMIT sent through jdbc() in a non-transactional revision, which a rehearsal cannot leave out",
                        "COMMIT")
                    .nonTransactional(true)
                    .raises("rehearsal-failed"),
                sql("column types a reviewer should see",
                        "CREATE TABLE legacy (id integer PRIMARY KEY, code char(3), at timestamp, doc json, n serial)")
                    .raises("int-primary-key", "char-column", "timestamp-without-time-zone", "json-column",
                            "serial-column"),
                sql("bigint identity key and timestamptz",
                        "CREATE TABLE modern (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, at timestamptz, "
                                + "doc jsonb)"),
                sql("domain with a constraint", "CREATE DOMAIN positive AS int CHECK (VALUE > 0)")
                    .raises("domain-constraint"),
                // Suppressions
                sql("suppressed finding", "CREATE INDEX ride_name ON ride (name)")
                    .suppress("index-not-concurrent", "ride has a few hundred rows"),
                sql("suppression that matches nothing", "CREATE INDEX tag_x ON rider (id)")
                    .raises("index-not-concurrent", "unused-suppression")
                    .suppress("table-rewrite", "no reason to expect one"),
                sql("suppression without a reason", "CREATE INDEX ride_name ON ride (name)")
                    .suppress("index-not-concurrent", " ")
                    .raises("index-not-concurrent", "unused-suppression"),
                sql("rehearsal failure", "ALTER TABLE ride ADD COLUMN name text").raises("rehearsal-failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachRevisionRaisesExactlyTheRulesItShould(Case example) {
        String schema = "lint_" + Integer.toHexString(example.name.hashCode() & 0xfffffff);
        new JdbcTemplate(this.database.dataSource()).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        Revisions revisions = Revisions.ofEntries(List.of(
                LambdaRevision.entry(new RevisionInfo("base", List.of(), "base", true, "test.base"),
                        (m) -> BASE.forEach((sql) -> m.actions().execute(sql))),
                LambdaRevision.entry(new RevisionInfo("case", List.of("base"), example.name, example.transactional,
                        example.idempotent, "test.case"), example.up)));
        MigrationRunner runner = new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(schema, "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(10)),
                revisions);
        runner.apply("base");

        LintReport report = new RevisionLinter(runner, runner, "test",
                (id) -> id.equals("base") ? Optional.of(example.previousMapping) : Optional.empty(),
                (info) -> info.id().equals("case") ? example.suppressions : List.of())
            .lint(null);

        List<String> raised = report.of("case")
            .stream()
            .filter((finding) -> !finding.suppressed())
            .map((finding) -> finding.rule().id())
            .sorted()
            .toList();
        assertThat(raised).as(() -> example.name + ": " + report.of("case"))
            .isEqualTo(example.raises.stream().sorted().toList());
        assertThat(report.linted()).containsExactly("case");
        if (!example.suppressions.isEmpty() && example.raises.isEmpty()) {
            assertThat(report.of("case")).allMatch(Finding::suppressed);
            assertThat(report.passes()).isTrue();
        }
        assertThat(new JdbcTemplate(this.database.dataSource()).queryForObject(
                "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'belay_lint_%'", Integer.class))
            .as("scratch schemas left behind")
            .isZero();
    }

    private static Case sql(String name, String... statements) {
        return new Case(name, (m) -> {
            for (String statement : statements) {
                m.actions().execute(statement);
            }
        });
    }

    private static Case concurrently(String name, String statement) {
        return new Case(name, (m) -> m.actions().execute(new SqlStatement(statement, TransactionMode.NO_TRANSACTION)));
    }

    private static Case jdbc(String name, String statement) {
        return new Case(name, (m) -> m.jdbc().execute(statement));
    }

    /** One revision of the corpus and what it must raise. */
    static final class Case {

        private final String name;

        private final Consumer<Migrator> up;

        private boolean transactional = true;

        private boolean idempotent;

        private List<String> raises = List.of();

        private List<String> previousMapping = BASE_MAPPING;

        private final List<SuppressFinding> suppressions = new ArrayList<>();

        Case(String name, Consumer<Migrator> up) {
            this.name = name;
            this.up = up;
        }

        Case raises(String... rules) {
            this.raises = List.of(rules);
            return this;
        }

        Case nonTransactional(boolean idempotent) {
            this.transactional = false;
            this.idempotent = idempotent;
            return this;
        }

        Case previousMapping(List<String> mapping) {
            this.previousMapping = mapping;
            return this;
        }

        Case suppress(String rule, String reason) {
            this.suppressions.add(new SuppressFinding() {
                @Override
                public Class<? extends Annotation> annotationType() {
                    return SuppressFinding.class;
                }

                @Override
                public String rule() {
                    return rule;
                }

                @Override
                public String reason() {
                    return reason;
                }

                @Override
                public String table() {
                    return "";
                }
            });
            return this;
        }

        @Override
        public String toString() {
            return this.name;
        }

    }

}
