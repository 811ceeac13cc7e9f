package dev.belay.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.RecordingStatementSink;
import dev.belay.actions.SqlStatement;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.SchemaDiff;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.TestDatabase;

/**
 * Planning a 1,000-table model (20 enum types; each table with 12 columns, primary key, foreign
 * key to the previous table, unique constraint, check, index and comment) against an empty
 * database, against one where 10% of the tables differ (a column added, one dropped, a type
 * widened, a default changed, an index added, a unique constraint dropped), and against itself.
 * <p>
 * Both sides are real: built with DDL in an embedded PostgreSQL and read back by the
 * {@link SchemaInspector}. What is timed is {@link SchemaDiff#between} (diff and ordering
 * through the dependency graph) and, separately, rendering the plan's SQL. Beside them, in the
 * same rounds: reading the model with the {@link SchemaInspector} (which {@code belay diff} does
 * before planning; the ratios are against it) and, as a floor, {@link Schema#equals} on two
 * separate reads of the model, one walk over both. The 10% plan is then run on the database
 * and the result compared with the model, so the figures are for plans that work.
 * Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl benchmarks exec:java -Dbenchmark=DiffBenchmark}.
 */
public final class DiffBenchmark {

    private static final int ENUM_TYPES = 20;

    private DiffBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = Integer.getInteger("tables", 1000);
        int warmups = Integer.getInteger("warmups", 5);
        int rounds = Integer.getInteger("rounds", 15);
        try (TestDatabase database = TestDatabase.create()) {
            System.out.printf("Building %d tables twice in PostgreSQL %d ...%n", tables, database.server().majorVersion());
            build(database, "model", model(tables));
            build(database, "changed", model(tables));
            build(database, "changed", changes(tables));
            build(database, "empty", List.of());
            Schema model = inspect(database, "model");
            Schema modelAgain = inspect(database, "model");
            Schema changed = inspect(database, "changed");
            Schema empty = inspect(database, "empty");

            Map<String, Supplier<Object>> work = new LinkedHashMap<>();
            work.put("plan: empty database → model", () -> SchemaDiff.between(empty, model));
            work.put("plan: 10% of tables differ → model", () -> SchemaDiff.between(changed, model));
            work.put("plan: model → model (no change)", () -> SchemaDiff.between(modelAgain, model));
            MigrationPlan creation = SchemaDiff.between(empty, model);
            work.put("render SQL: empty database → model", () -> render(creation));
            work.put("peer: SchemaInspector reads the model", () -> inspectQuietly(database, "model"));
            work.put("floor: Schema.equals on two reads", () -> modelAgain.equals(model));
            Map<String, List<Long>> samples = new LinkedHashMap<>();
            work.keySet().forEach((name) -> samples.put(name, new ArrayList<>()));
            // Round-robin, so that a busy moment on a shared machine hits every line alike.
            for (int round = -warmups; round < rounds; round++) {
                for (Map.Entry<String, Supplier<Object>> entry : work.entrySet()) {
                    long start = System.nanoTime();
                    Object result = entry.getValue().get();
                    long elapsed = System.nanoTime() - start;
                    if (result == null) {
                        throw new IllegalStateException("Nothing was computed");
                    }
                    if (round >= 0) {
                        samples.get(entry.getKey()).add(elapsed);
                    }
                }
            }
            long peer = Stats.median(samples.get("peer: SchemaInspector reads the model"));
            System.out.printf("%nPlanning %d tables on PostgreSQL %d, medians of %d rounds after %d warm-ups "
                    + "(load average %.1f on %d cores)%n%n", tables, database.server().majorVersion(), rounds, warmups,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("%-42s %9s %12s %12s %13s%n", "", "changes", "statements", "median ms", "× inspector");
            for (Map.Entry<String, List<Long>> entry : samples.entrySet()) {
                String name = entry.getKey();
                long median = Stats.median(entry.getValue());
                String changes = "";
                String statements = "";
                if (name.startsWith("plan")) {
                    MigrationPlan plan = (MigrationPlan) work.get(name).get();
                    changes = String.valueOf(plan.changes().size());
                    statements = String.valueOf(plan.statements().size());
                }
                System.out.printf("%-42s %9s %12s %12.1f %13.2f%n", name, changes, statements, median / 1e6,
                        (double) median / peer);
            }

            MigrationPlan plan = SchemaDiff.between(changed, model);
            apply(database, "changed", plan);
            boolean equal = inspect(database, "changed").equals(model);
            System.out.printf("%nThe 10%% plan run on the database gives the model: %s%n", equal ? "yes" : "NO");
            if (!equal) {
                throw new IllegalStateException("The plan did not reach the model");
            }
        }
    }

    /** The plan's SQL, recorded afresh (a plan keeps the SQL it recorded once). */
    private static List<SqlStatement> render(MigrationPlan plan) {
        RecordingStatementSink sink = new RecordingStatementSink();
        DatabaseActions actions = new DatabaseActions(sink);
        plan.changes().forEach((change) -> change.applyTo(actions));
        return sink.statements();
    }

    private static Schema inspectQuietly(TestDatabase database, String schema) {
        try {
            return inspect(database, schema);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> model(int tables) {
        List<String> ddl = new ArrayList<>();
        for (int e = 0; e < ENUM_TYPES; e++) {
            ddl.add("CREATE TYPE status_" + e + " AS ENUM ('new', 'active', 'done', 'archived')");
        }
        for (int t = 0; t < tables; t++) {
            String name = "t" + t;
            ddl.add("CREATE TABLE " + name + " (id bigint GENERATED BY DEFAULT AS IDENTITY, "
                    + "parent_id bigint, code character varying(40) NOT NULL, title text, amount numeric(12,2) DEFAULT 0, "
                    + "quantity integer NOT NULL DEFAULT 1, status status_" + (t % ENUM_TYPES) + " DEFAULT 'new', "
                    + "created_at timestamp with time zone NOT NULL DEFAULT now(), updated_at timestamp with time zone, "
                    + "data jsonb, tags text[], active boolean NOT NULL DEFAULT true)");
            ddl.add("ALTER TABLE " + name + " ADD CONSTRAINT " + name + "_pkey PRIMARY KEY (id)");
            ddl.add("ALTER TABLE " + name + " ADD CONSTRAINT " + name + "_code_key UNIQUE (code)");
            ddl.add("ALTER TABLE " + name + " ADD CONSTRAINT " + name + "_amount_check CHECK (amount >= 0)");
            ddl.add("CREATE INDEX " + name + "_created_idx ON " + name + " (created_at DESC)");
            ddl.add("COMMENT ON TABLE " + name + " IS 'table " + t + "'");
            if (t > 0) {
                ddl.add("ALTER TABLE " + name + " ADD CONSTRAINT " + name + "_parent_fk FOREIGN KEY (parent_id) REFERENCES t"
                        + (t - 1) + " (id)");
            }
        }
        return ddl;
    }

    /** Changes to every tenth table, run on a copy of the model. */
    private static List<String> changes(int tables) {
        List<String> ddl = new ArrayList<>();
        for (int t = 0; t < tables; t += 10) {
            String name = "t" + t;
            ddl.add("ALTER TABLE " + name + " ADD COLUMN legacy text");
            ddl.add("ALTER TABLE " + name + " DROP COLUMN tags");
            ddl.add("ALTER TABLE " + name + " ALTER COLUMN quantity TYPE smallint");
            ddl.add("ALTER TABLE " + name + " ALTER COLUMN amount SET DEFAULT 1");
            ddl.add("ALTER TABLE " + name + " DROP CONSTRAINT " + name + "_code_key");
            ddl.add("CREATE INDEX " + name + "_title_idx ON " + name + " (lower(title))");
        }
        return ddl;
    }

    private static void build(TestDatabase database, String schema, List<String> ddl) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            statement.execute("SET search_path = " + schema);
            for (String sql : ddl) {
                statement.addBatch(sql);
            }
            statement.executeBatch();
        }
    }

    private static void apply(TestDatabase database, String schema, MigrationPlan plan) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = " + schema);
            for (String sql : plan.statements()) {
                statement.execute(sql);
            }
        }
    }

    private static Schema inspect(TestDatabase database, String schema) throws SQLException {
        try (Connection connection = database.connect()) {
            return new SchemaInspector().inspect(connection, schema);
        }
    }

}
