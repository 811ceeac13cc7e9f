package dev.belay.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.belay.actions.SchemaSnapshot;
import dev.belay.actions.SqlStatement;
import dev.belay.revision.HistoryEntry;
import dev.belay.revision.HistoryState;
import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionGraph;
import dev.belay.revision.RevisionHistory;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationResult.Operation;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Applies and rolls back revisions on one schema of one database.
 * <p>
 * Applying first reads the history table without any lock: when everything wanted is applied
 * (the usual start of an application) that is all it does. Otherwise it takes the
 * {@linkplain MigrationLock migration lock} in its own session, reads the history again (another
 * instance may have done the work meanwhile) and runs what is still pending in that same
 * session, each transactional revision in one transaction with its history row. Every history
 * write is guarded by the lock, so work can only be recorded (and a transactional revision can
 * only commit) while this session holds it: if the session ends, its transaction is rolled back
 * and the next instance goes on from what the history records.
 * <p>
 * A plain class: Spring Boot makes one for the application's schema, and code that needs the
 * same revisions elsewhere (a scratch schema, say) makes another with {@link #forSchema}.
 */
public final class MigrationRunner {

    private static final Log logger = LogFactory.getLog(MigrationRunner.class);

    private final DataSource dataSource;

    private final MigrationSettings settings;

    private final Revisions revisions;

    public MigrationRunner(DataSource dataSource, MigrationSettings settings, Revisions revisions) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.revisions = Objects.requireNonNull(revisions, "revisions");
    }

    /**
     * A runner with the same revisions and settings on another database: the dev database, where
     * rehearsals build what the revisions build without touching the application's.
     */
    public MigrationRunner forDataSource(DataSource dataSource) {
        return new MigrationRunner(dataSource, this.settings, this.revisions);
    }

    /** A runner with the same data source and settings for other revisions. */
    public MigrationRunner withRevisions(Revisions revisions) {
        return new MigrationRunner(this.dataSource, this.settings, revisions);
    }

    /** A runner with the same data source, revisions and settings for another schema. */
    public MigrationRunner forSchema(String schema) {
        return new MigrationRunner(this.dataSource, this.settings.withSchema(schema), this.revisions);
    }

    public DataSource dataSource() {
        return this.dataSource;
    }

    public MigrationSettings settings() {
        return this.settings;
    }

    public Revisions revisions() {
        return this.revisions;
    }

    public RevisionGraph graph() {
        return this.revisions.graph();
    }

    /** Where the database stands: every revision with its state, the heads and the current revisions. */
    public MigrationStatus status() {
        try (Connection connection = connect()) {
            Located located = locate(connection);
            return status(located.history(), located.read(connection));
        }
        catch (SQLException ex) {
            throw databaseError("read the migration status", ex);
        }
    }

    /** Applies every pending revision, up to all heads. */
    public MigrationResult apply() {
        return apply(null, false);
    }

    /**
     * Applies the pending revisions that {@code target} needs (itself and its ancestors), or up
     * to all heads when it is {@code null}.
     */
    public MigrationResult apply(@Nullable String target) {
        return apply(target, false);
    }

    /**
     * Applies the pending revisions up to {@code target} (all heads when {@code null}), or with
     * {@code dryRun} shows what that would do without touching the managed schema: the pending
     * revisions are rehearsed on a copy of its tables (structure only, no rows) in a scratch schema,
     * in one transaction that is rolled back, and the result lists every statement they send. A dry
     * run takes no lock on any table of the managed schema.
     * @throws MigrationException naming the revision that failed, the revisions the code lacks, an
     * incomplete revision, or the session holding the lock when the wait ran out
     */
    public MigrationResult apply(@Nullable String target, boolean dryRun) {
        long started = System.nanoTime();
        RevisionGraph graph = graph();
        if (target != null) {
            graph.get(target);
        }
        if (dryRun) {
            return dryRun(target, started);
        }
        try (Connection connection = connect()) {
            Located located = locate(connection);
            RevisionHistory history = located.history();
            RevisionHistory.States states = located.exists() ? history.readStates(connection, located.fingerprints())
                    : new RevisionHistory.States(Map.of(), false, null);
            if (located.exists() ? upToDate(connection, states.states(), target, history) : graph.isEmpty()) {
                logUpToDate(history, states.states().keySet(), target);
                if (located.exists() && lacksSchemaRecord(connection, states)) {
                    recordMissingSchema(connection, history);
                }
                return new MigrationResult(Operation.APPLY, false, history.schema(), List.of(), millisSince(started));
            }
            try (MigrationLock lock = MigrationLock.acquire(connection, history, this.settings.lockWait())) {
                return applyLocked(connection, lock, history, target, started);
            }
        }
        catch (SQLException ex) {
            throw databaseError("apply revisions", ex);
        }
    }

    /**
     * Applies the whole revision chain, from nothing, to a new schema of the given name inside one
     * transaction, hands the connection to {@code inspection}, and rolls everything back: the
     * schema exists only for the inspection, and only inside that transaction. This is how
     * {@code belay generate --shadow} learns what the revisions build without touching the
     * managed schema.
     * <p>
     * It runs like a dry run: {@link dev.belay.revision.Migrator#dryRun()} is {@code true}, so a
     * revision that moves files or calls other services leaves them alone; statements that
     * cannot run in a transaction run in their transactional form ({@code CREATE INDEX} for
     * {@code CREATE INDEX CONCURRENTLY}) so that what they build is there, and those without one
     * are skipped. The migration lock is not taken: nothing else uses the scratch schema.
     * @param scratchSchema the name of a schema that does not exist
     * @param inspection what to read while the schema exists; it runs in the rehearsal's
     * transaction, with {@code search_path} set to the scratch schema
     * @throws MigrationException naming the revision that failed, or the scratch schema when it
     * cannot be created
     */
    public <T> T rehearse(String scratchSchema, Inspection<T> inspection) {
        return rehearse(scratchSchema, null, inspection);
    }

    /**
     * {@linkplain #rehearse(String, Inspection) Rehearses} the revisions that {@code target}
     * needs (itself and its ancestors), or the whole chain when it is {@code null}.
     */
    public <T> T rehearse(String scratchSchema, @Nullable String target, Inspection<T> inspection) {
        return rehearse(scratchSchema, graph().pending(Set.of(), target), (connection, revision) -> {
        }, inspection);
    }

    /**
     * {@linkplain #rehearse(String, Inspection) Rehearses} the given revisions in the given order
     * (each after those it comes after, as a history table recorded them, say), handing the
     * connection to {@code observer} after each one: {@code belay verify} reads there what each
     * revision built.
     * @param revisions the revisions to run, in order
     */
    public <T> T rehearse(String scratchSchema, List<RevisionInfo> revisions, RehearsalObserver observer,
            Inspection<T> inspection) {
        Objects.requireNonNull(scratchSchema, "scratchSchema");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(inspection, "inspection");
        RevisionHistory history = new RevisionHistory(scratchSchema, this.settings.historyTable());
        try (Connection connection = connect()) {
            SessionSettings previous = enterScratch(connection, scratchSchema);
            try {
                RevisionExecutor executor = new RevisionExecutor(this.revisions, history, this.settings.lockTimeout());
                return rolledBack(connection, () -> {
                    // Creates the schema too, so statements have somewhere to go.
                    history.create(connection);
                    executor.rehearse(connection, revisions, new ArrayList<>(), observer, false);
                    return inspection.inspect(connection);
                });
            }
            finally {
                restore(connection, previous);
            }
        }
        catch (SQLException ex) {
            throw databaseError("apply the revisions to scratch schema " + Identifiers.quote(scratchSchema), ex);
        }
    }

    /**
     * Rehearses the given revisions in the given order in a scratch schema that lives until they
     * have all run and is then dropped, committing each revision's work when it has run: each
     * revision meets the tables of those before it as committed tables, in a transaction of its
     * own, as it would in production, so that what it locks shows in {@code pg_locks} and a value
     * an earlier revision added to an enum may be used. {@code belay lint} reads there what
     * PostgreSQL did. The observer may commit too (between the statements of a non-transactional
     * revision, which commit one by one in production). A revision runs as in a dry run
     * ({@link dev.belay.revision.Migrator#dryRun()} is {@code true}). Nothing outside the scratch
     * schema is changed, unless a revision names another schema itself.
     * @param scratchSchema the name of a schema that does not exist
     * @throws MigrationException naming the revision that failed (the schema is dropped all the same)
     */
    public void rehearseStepwise(String scratchSchema, List<RevisionInfo> revisions, RehearsalObserver observer) {
        Objects.requireNonNull(scratchSchema, "scratchSchema");
        Objects.requireNonNull(observer, "observer");
        RevisionHistory history = new RevisionHistory(scratchSchema, this.settings.historyTable());
        try (Connection connection = connect()) {
            SessionSettings previous = enterScratch(connection, scratchSchema);
            try {
                connection.setAutoCommit(false);
                history.create(connection);
                connection.commit();
                new RevisionExecutor(this.revisions, history, this.settings.lockTimeout()).rehearse(connection,
                        revisions, new ArrayList<>(), observer, true);
            }
            finally {
                try {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                finally {
                    dropScratch(connection, scratchSchema);
                    restore(connection, previous);
                }
            }
        }
        catch (SQLException ex) {
            throw databaseError("rehearse the revisions in scratch schema " + Identifiers.quote(scratchSchema), ex);
        }
    }

    /**
     * Points the connection at a rehearsal's scratch schema, which must not exist yet, with the
     * lock timeout, and returns the settings to restore.
     */
    private SessionSettings enterScratch(Connection connection, String scratchSchema) throws SQLException {
        if (schemaExists(connection, scratchSchema)) {
            throw new IllegalArgumentException("Schema " + Identifiers.quote(scratchSchema)
                    + " exists; a rehearsal needs a new one");
        }
        return SessionSettings.apply(connection, scratchSchema, this.settings.lockTimeout());
    }

    private static void dropScratch(Connection connection, String schema) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(schema) + " CASCADE");
        }
        catch (SQLException ex) {
            logger.warn("Could not drop the rehearsal's scratch schema " + Identifiers.quote(schema)
                    + "; drop it by hand: DROP SCHEMA " + Identifiers.quote(schema) + " CASCADE", ex);
        }
    }

    /**
     * Looks at a {@linkplain #rehearse rehearsal}: before and after each revision, and before each
     * statement a revision sends.
     */
    @FunctionalInterface
    public interface RehearsalObserver {

        /**
         * @param connection the rehearsal's connection, in its transaction
         * @param revision the revision about to run
         */
        default void beforeRevision(Connection connection, RevisionInfo revision) throws SQLException {
        }

        /**
         * Called before each statement of a revision is sent (or only recorded): before each
         * statement of {@code actions()} and before each statement {@code jdbc()} executes or
         * prepares.
         * @param connection the rehearsal's connection, in its transaction
         * @param revision the revision that sends it
         * @param statement the statement as the revision wrote it
         * @param sent whether the rehearsal sends it (in its transactional form, for a statement
         * that cannot run in a transaction), rather than only recording a statement that has
         * no such form
         */
        default void beforeStatement(Connection connection, RevisionInfo revision, SqlStatement statement,
                boolean sent) throws SQLException {
        }

        /**
         * @param connection the rehearsal's connection, in its transaction
         * @param revision the revision that just ran
         */
        void afterRevision(Connection connection, RevisionInfo revision) throws SQLException;

    }

    /**
     * Reads what a {@linkplain #rehearse rehearsal} built, before it is rolled back.
     *
     * @param <T> what it reads
     */
    @FunctionalInterface
    public interface Inspection<T> {

        T inspect(Connection connection) throws SQLException;

    }

    /**
     * Records the pending revisions up to {@code target} (all heads when {@code null}) as applied
     * without running them, for a database that already has what they build: one whose schema was
     * built before Belay managed it, by Hibernate's {@code ddl-auto}, by hand or by another tool.
     * Like {@code alembic stamp} and Flyway's baseline, but {@code verification} runs first, while
     * the migration lock is held, and may refuse; the rows are written in one transaction after it
     * passes. Recorded revisions are kept, incomplete or unknown ones refused as {@link #apply}
     * refuses them.
     * @param target the revision to stamp up to, or {@code null} for every head
     * @param verification checks, with the revisions about to be recorded in graph order, that the
     * database has what they build; it throws to refuse, and then nothing is recorded
     * @return the revisions recorded, with no statements and no execution time
     */
    public MigrationResult stamp(@Nullable String target, Verification verification) {
        Objects.requireNonNull(verification, "verification");
        long started = System.nanoTime();
        if (target != null) {
            graph().get(target);
        }
        try (Connection connection = connect()) {
            RevisionHistory history = locate(connection).history();
            try (MigrationLock lock = MigrationLock.acquire(connection, history, this.settings.lockWait())) {
                Optional<List<HistoryEntry>> recorded = readUpgraded(connection, history);
                List<HistoryEntry> entries = recorded.orElse(List.of());
                graph().checkRecorded(entries, history.qualifiedName());
                Map<String, HistoryState> interrupted = interrupted(entries, history);
                if (!interrupted.isEmpty()) {
                    throw new MigrationException("Revision " + quoted(List.copyOf(interrupted.keySet()))
                            + " was interrupted, so Belay will not stamp anything.",
                            "Nothing was recorded. Run `belay apply` first, which runs the interrupted revision again "
                                    + "(it is idempotent), then stamp.");
                }
                List<RevisionInfo> pending = graph().pending(appliedIds(entries), target);
                List<RevisionRun> runs = new ArrayList<>();
                if (!pending.isEmpty()) {
                    verification.verify(pending);
                    runs.addAll(recordWithoutRunning(connection, lock, history, recorded.isPresent(), pending));
                }
                MigrationResult result = new MigrationResult(Operation.STAMP, false, history.schema(), runs,
                        millisSince(started));
                logger.info("Stamped " + count(runs.size()) + " as applied to schema "
                        + Identifiers.quote(history.schema()) + " without running them"
                        + (runs.isEmpty() ? "" : ": " + quoted(result.ids())));
                return result;
            }
        }
        catch (SQLException ex) {
            throw databaseError("stamp revisions", ex);
        }
    }

    /**
     * Checks, before a {@linkplain #stamp stamp} records them, that the database already has what
     * the revisions build.
     */
    @FunctionalInterface
    public interface Verification {

        /**
         * @param revisions the revisions about to be recorded, in graph order
         * @throws MigrationException (or another runtime exception) to refuse
         */
        void verify(List<RevisionInfo> revisions);

    }

    /**
     * Rolls back the last {@code steps} applied revisions, latest first: each one's {@code down}
     * runs and its history row is deleted.
     */
    public MigrationResult rollback(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("Roll back at least one revision, not " + steps);
        }
        return rollback((applied) -> {
            if (steps > applied.size()) {
                throw new MigrationException(
                        "Cannot roll back " + steps + " revisions: only " + applied.size() + " are applied.",
                        "Roll back at most " + applied.size() + ".");
            }
            return applied.subList(applied.size() - steps, applied.size());
        });
    }

    /**
     * Rolls back every applied revision that {@code target} does not need, latest first, so that
     * the database is at {@code target}.
     */
    public MigrationResult rollbackTo(String target) {
        Set<String> keep = graph().lineage(target);
        return rollback((applied) -> {
            if (applied.stream().noneMatch((entry) -> entry.id().equals(target))) {
                throw new MigrationException("Cannot roll back to revision '" + target + "': it is not applied.",
                        "Roll back to one of the applied revisions, or apply '" + target + "' first.");
            }
            return applied.stream().filter((entry) -> !keep.contains(entry.id())).toList();
        });
    }

    /**
     * Whether a schema without Belay's history is taken over at a baseline rather than built by
     * it: it has something, and exactly the schema recorded beside the baseline. An empty schema,
     * or a baseline without a recorded schema, is built by running the baseline.
     * @throws MigrationException when the schema has something but not what the baseline recorded
     */
    private boolean takesOverAt(Connection connection, RevisionHistory history, RevisionInfo baseline,
            SchemaRecorder recorder) throws SQLException {
        SchemaSnapshot now = recorder.snapshot(connection);
        if (now.isEmpty()) {
            return false;
        }
        ClassLoader classLoader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                MigrationRunner.class.getClassLoader());
        Optional<SchemaSnapshot> expected = BaselineSchema.find(classLoader, baseline.id());
        if (expected.isEmpty()) {
            return false;
        }
        List<SchemaSnapshot.ObjectDifference> differences = expected.get().differencesTo(now);
        if (!differences.isEmpty()) {
            throw new MigrationException("Schema " + Identifiers.quote(history.schema()) + " has tables but no "
                    + "history of Belay's, and is not the schema baseline " + baseline.describe() + " was written "
                    + "from, so Belay neither runs the baseline over it nor records it as applied. From the baseline's "
                    + "schema to the database's:\n" + BaselineSchema.describe(differences),
                    "Nothing was changed. If the database has what the baseline builds, spelled otherwise (another "
                            + "PostgreSQL major), `belay stamp --target " + baseline.id() + "` checks that by building "
                            + "the baseline in a scratch schema and records it. Otherwise make the database what the "
                            + "baseline recorded, or point the application at the database the baseline was written "
                            + "from.");
        }
        return true;
    }

    /**
     * Takes over a database that has tables but no history of Belay's at the baseline it was
     * written from, when its schema is exactly the one recorded beside the baseline: the baseline
     * is recorded as applied without running (its {@code up} would build what is there). An empty
     * schema is left to the baseline's {@code up}, as is a baseline without a recorded schema.
     * @return the baseline's run when it was recorded
     * @throws MigrationException when the schema has something but not what the baseline recorded
     */
    private Optional<RevisionRun> adoptAtBaseline(Connection connection, MigrationLock lock, RevisionHistory history,
            boolean historyExists, RevisionInfo baseline, SchemaRecorder recorder) throws SQLException {
        if (!takesOverAt(connection, history, baseline, recorder)) {
            return Optional.empty();
        }
        List<RevisionRun> runs = recordWithoutRunning(connection, lock, history, historyExists, List.of(baseline));
        logger.info("Took over schema " + Identifiers.quote(history.schema()) + " at baseline "
                + baseline.describe() + ": it has exactly the schema the baseline was written from, so the baseline "
                + "is recorded as applied without running");
        return Optional.of(runs.get(0));
    }

    /**
     * Records revisions as applied without running them, with the schema's fingerprint, in one
     * transaction under the lock: all of them or, if another session recorded one meanwhile, none.
     */
    private List<RevisionRun> recordWithoutRunning(Connection connection, MigrationLock lock, RevisionHistory history,
            boolean historyExists, List<RevisionInfo> revisions) throws SQLException {
        List<RevisionRun> runs = new ArrayList<>();
        connection.setAutoCommit(false);
        try {
            if (!historyExists) {
                history.create(connection);
            }
            for (RevisionInfo info : revisions) {
                if (!history.claim(connection, info, HistoryState.APPLIED, null, lock.condition())) {
                    lock.check();
                    throw new MigrationException("Revision " + info.describe() + " was recorded by another session "
                            + "meanwhile.", "Nothing was recorded; start again.");
                }
                runs.add(new RevisionRun(info.id(), info.message(), Instant.now(), 0, List.of()));
            }
            new SchemaRecorder(history, this.settings).recordSchema(connection, lock);
            connection.commit();
            return runs;
        }
        catch (SQLException | RuntimeException ex) {
            connection.rollback();
            throw ex;
        }
        finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Records a baseline that {@code belay baseline} has just written (and the application does
     * not have yet) as applied to a schema that Belay has no history of, without running it.
     * @param verification checks, under the lock, that the schema is still what the baseline was
     * written from
     * @throws MigrationException when the schema already has Belay's history
     */
    public MigrationResult recordBaseline(RevisionInfo baseline, Verification verification) {
        Objects.requireNonNull(verification, "verification");
        if (!baseline.baseline()) {
            throw new IllegalArgumentException("Revision " + baseline.describe() + " is not a baseline");
        }
        long started = System.nanoTime();
        try (Connection connection = connect()) {
            RevisionHistory history = locate(connection).history();
            try (MigrationLock lock = MigrationLock.acquire(connection, history, this.settings.lockWait())) {
                Optional<List<HistoryEntry>> recorded = readUpgraded(connection, history);
                if (recorded.isPresent() && !recorded.get().isEmpty()) {
                    throw new MigrationException("Schema " + Identifiers.quote(history.schema()) + " already has "
                            + "Belay's history (" + count(recorded.get().size()) + " recorded in "
                            + history.qualifiedName() + "), so it needs no baseline.",
                            "Nothing was recorded. A baseline starts Belay's history of a database it has not managed "
                                    + "yet; this one is managed: `belay generate` writes what the mapping wants "
                                    + "changed.");
                }
                verification.verify(List.of(baseline));
                List<RevisionRun> runs = recordWithoutRunning(connection, lock, history, recorded.isPresent(),
                        List.of(baseline));
                logger.info("Recorded baseline " + baseline.describe() + " as applied to schema "
                        + Identifiers.quote(history.schema()) + " without running it");
                return new MigrationResult(Operation.STAMP, false, history.schema(), runs, millisSince(started));
            }
        }
        catch (SQLException ex) {
            throw databaseError("record the baseline", ex);
        }
    }

    private MigrationResult applyLocked(Connection connection, MigrationLock lock, RevisionHistory history,
            @Nullable String target, long started) throws SQLException {
        Optional<List<HistoryEntry>> recorded = readUpgraded(connection, history);
        List<HistoryEntry> entries = recorded.orElse(List.of());
        graph().checkRecorded(entries, history.qualifiedName());
        Map<String, HistoryState> interrupted = interrupted(entries, history);
        List<RevisionInfo> pending = graph().pending(appliedIds(entries), target);
        SchemaRecorder recorder = new SchemaRecorder(history, this.settings);
        List<RevisionRun> adopted = new ArrayList<>();
        if (entries.isEmpty() && !pending.isEmpty() && pending.get(0).baseline()) {
            Optional<RevisionRun> baseline = adoptAtBaseline(connection, lock, history, recorded.isPresent(),
                    pending.get(0), recorder);
            if (baseline.isPresent()) {
                adopted.add(baseline.get());
                recorded = Optional.of(List.of());
                pending = pending.subList(1, pending.size());
            }
        }
        if (pending.isEmpty() && !adopted.isEmpty()) {
            return new MigrationResult(Operation.APPLY, false, history.schema(), adopted, millisSince(started));
        }
        if (pending.isEmpty()) {
            logUpToDate(history, appliedIds(entries), target);
            if (lacksSchemaRecord(connection, history.readStates(connection, true))) {
                recorder.recordSchema(connection, lock);
            }
            return new MigrationResult(Operation.APPLY, false, history.schema(), List.of(), millisSince(started));
        }
        if (recorded.isEmpty()) {
            history.create(connection);
        }
        SchemaSnapshot before = recorder.snapshot(connection);
        SessionSettings previous = SessionSettings.apply(connection, history.schema(), this.settings.lockTimeout());
        RevisionExecutor executor = new RevisionExecutor(this.revisions, history, this.settings.lockTimeout(),
                lock.withSearchPath(Identifiers.quote(history.schema())), new LockRetries(this.settings.lockRetries()),
                UUID.randomUUID().toString());
        List<RevisionRun> runs = new ArrayList<>(adopted);
        try {
            for (RevisionInfo revision : pending) {
                RevisionRun run = executor.up(connection, revision, interrupted.get(revision.id()), runs);
                runs.add(run);
                logger.info("Applied revision " + describe(run) + " in " + run.executionMs() + " ms");
            }
        }
        finally {
            restore(connection, previous);
            if (!runs.isEmpty()) {
                recordQuietly(() -> recorder.recordRun(connection, lock, before, runs.get(runs.size() - 1).id()));
            }
        }
        MigrationResult result = new MigrationResult(Operation.APPLY, false, history.schema(), runs,
                millisSince(started));
        logger.info("Applied " + count(runs.size() - adopted.size()) + " to schema "
                + Identifiers.quote(history.schema())
                + (adopted.isEmpty() ? "" : " after taking it over at baseline " + quoted(List.of(adopted.get(0).id())))
                + " in " + result.totalMs() + " ms; now at "
                + quoted((target != null) ? List.of(target) : graph().heads()));
        return result;
    }

    /**
     * Rehearses the pending revisions on a copy of the managed schema's tables (structure only)
     * in a scratch schema, rolled back: what {@code apply} would send, without a lock on any of
     * the managed schema's tables. Objects the model does not copy (views, functions) are still
     * found in the managed schema, behind the copy on the {@code search_path}.
     */
    private MigrationResult dryRun(@Nullable String target, long started) {
        try (Connection connection = connect()) {
            Located located = locate(connection);
            RevisionHistory history = located.history();
            List<HistoryEntry> entries = located.read(connection);
            graph().checkRecorded(entries, history.qualifiedName());
            interrupted(entries, history);
            List<RevisionInfo> pending = graph().pending(appliedIds(entries), target);
            List<RevisionRun> runs = new ArrayList<>();
            if (entries.isEmpty() && !pending.isEmpty() && pending.get(0).baseline()
                    && takesOverAt(connection, history, pending.get(0), new SchemaRecorder(history, this.settings))) {
                // The baseline would be recorded, not run: it sends nothing.
                runs.add(new RevisionRun(pending.get(0).id(), pending.get(0).message(), Instant.now(), 0, List.of()));
                pending = pending.subList(1, pending.size());
            }
            List<RevisionInfo> rehearsed = pending;
            if (!pending.isEmpty()) {
                int serverVersion = connection.getMetaData().getDatabaseMajorVersion();
                rolledBack(connection, () -> {
                    setLocal(connection, "lock_timeout", this.settings.lockTimeout().toMillis() + "ms");
                    Schema schema = this.settings.managed(new SchemaInspector().inspect(connection, history.schema()));
                    ScratchSchema copy;
                    try {
                        copy = ScratchSchema.build(connection, "belay_dry_run_", schema, serverVersion);
                    }
                    catch (SQLException ex) {
                        throw new MigrationException("Belay could not copy schema "
                                + Identifiers.quote(history.schema()) + " for a dry run: " + ex.getMessage() + ".",
                                "Nothing was changed. Apply the revisions to a test database instead.", ex);
                    }
                    RevisionHistory scratch = new RevisionHistory(copy.name(), history.table());
                    scratch.create(connection);
                    new RevisionExecutor(this.revisions, scratch, this.settings.lockTimeout()).rehearse(connection,
                            rehearsed, runs, (c, revision) -> {
                            }, false);
                    return null;
                });
            }
            MigrationResult result = new MigrationResult(Operation.APPLY, true, history.schema(), runs,
                    millisSince(started));
            logger.info("Dry run: would apply " + count(runs.size()) + " to schema "
                    + Identifiers.quote(history.schema()) + "; rehearsed on a copy of its tables in a scratch schema, "
                    + "rolled back");
            return result;
        }
        catch (SQLException ex) {
            throw databaseError("rehearse the pending revisions", ex);
        }
    }

    private MigrationResult rollback(Function<List<HistoryEntry>, List<HistoryEntry>> choose) {
        long started = System.nanoTime();
        try (Connection connection = connect()) {
            RevisionHistory history = locate(connection).history();
            try (MigrationLock lock = MigrationLock.acquire(connection, history, this.settings.lockWait())) {
                List<HistoryEntry> entries = readUpgraded(connection, history).orElse(List.of());
                graph().checkRecorded(entries, history.qualifiedName());
                interrupted(entries, history);
                List<HistoryEntry> chosen = new ArrayList<>(choose.apply(entries));
                Collections.reverse(chosen);
                List<RevisionRun> runs = new ArrayList<>();
                if (!chosen.isEmpty()) {
                    SessionSettings previous = SessionSettings.apply(connection, history.schema(),
                            this.settings.lockTimeout());
                    RevisionExecutor executor = new RevisionExecutor(this.revisions, history,
                            this.settings.lockTimeout(), lock.withSearchPath(Identifiers.quote(history.schema())),
                            new LockRetries(this.settings.lockRetries()), null);
                    try {
                        for (HistoryEntry entry : chosen) {
                            RevisionInfo info = graph().get(entry.id());
                            RevisionRun run = executor.down(connection, info, entry.state(), runs);
                            runs.add(run);
                            logger.info("Rolled back revision " + describe(run) + " in " + run.executionMs() + " ms");
                        }
                    }
                    finally {
                        restore(connection, previous);
                        if (!runs.isEmpty()) {
                            // What the database should now be: a down that keeps data on purpose is no drift.
                            recordQuietly(() -> new SchemaRecorder(history, this.settings).recordSchema(connection, lock));
                        }
                    }
                }
                MigrationResult result = new MigrationResult(Operation.ROLLBACK, false, history.schema(), runs,
                        millisSince(started));
                logger.info("Rolled back " + count(runs.size()) + " of schema " + Identifiers.quote(history.schema())
                        + " in " + result.totalMs() + " ms");
                return result;
            }
        }
        catch (SQLException ex) {
            throw databaseError("roll back revisions", ex);
        }
    }

    private boolean upToDate(Connection connection, Map<String, HistoryState> states, @Nullable String target,
            RevisionHistory history) throws SQLException {
        if (!states.keySet().stream().allMatch(graph()::contains)) {
            // Read the whole rows to say who applied what this application lacks.
            graph().checkRecorded(history.read(connection), history.qualifiedName());
        }
        if (states.values().stream().anyMatch((state) -> state != HistoryState.APPLIED)) {
            // Perhaps another instance is running a non-transactional revision right now: only
            // the lock holder may call it incomplete.
            return false;
        }
        return graph().pending(states.keySet(), target).isEmpty();
    }

    /**
     * The history rows, once the table has the fingerprint columns (added here to a table an
     * older Belay created); empty when the table does not exist. Runs under the lock.
     */
    private static Optional<List<HistoryEntry>> readUpgraded(Connection connection, RevisionHistory history)
            throws SQLException {
        if (!history.exists(connection)) {
            return Optional.empty();
        }
        if (!history.hasFingerprintColumns(connection)) {
            history.addFingerprintColumns(connection);
            logger.info("Added the fingerprint columns to " + history.qualifiedName());
        }
        return Optional.of(history.read(connection, true));
    }

    /**
     * Whether the database has applied revisions but no fingerprint of the schema they left that
     * this server can compare with: recorded by an older Belay, lost to a crash right after a
     * migration, or read on another PostgreSQL major (after an upgrade of the server).
     */
    private static boolean lacksSchemaRecord(Connection connection, RevisionHistory.States states)
            throws SQLException {
        if (states.states().values().stream().noneMatch((state) -> state == HistoryState.APPLIED)) {
            return false;
        }
        int server = majorVersion(connection);
        return !states.fingerprintColumns()
                || SchemaRecorder.major(states.schemaFingerprint()).map((major) -> major != server).orElse(true);
    }

    /**
     * Records the schema's fingerprint where a start found none to compare with, if the lock is
     * free (an instance that holds it records one itself). A start whose user may not add the
     * fingerprint columns (one with only the rights to read and write rows) leaves it to the next
     * migration and says so.
     */
    private void recordMissingSchema(Connection connection, RevisionHistory history) {
        try {
            Optional<MigrationLock> taken = MigrationLock.tryAcquire(connection, history);
            if (taken.isEmpty()) {
                return;
            }
            try (MigrationLock lock = taken.get()) {
                readUpgraded(connection, history);
                if (lacksSchemaRecord(connection, history.readStates(connection, true))) {
                    new SchemaRecorder(history, this.settings).recordSchema(connection, lock);
                    logger.info("Recorded the fingerprint of schema " + Identifiers.quote(history.schema())
                            + " as its revisions left it, for the drift check");
                }
            }
        }
        catch (SQLException ex) {
            logger.warn("Belay could not record the fingerprint of schema " + Identifiers.quote(history.schema())
                    + " that the drift check compares with: " + ex.getMessage() + " Run `belay apply` once as a user "
                    + "that may alter " + history.qualifiedName() + " (belay.user), or let the next migration record "
                    + "it.");
        }
    }

    private static void recordQuietly(Recording recording) {
        try {
            recording.record();
        }
        catch (SQLException | RuntimeException ex) {
            if (SessionGone.is(ex)) {
                logger.debug("The migration session is gone; the schema's fingerprint is recorded next time", ex);
            }
            else {
                logger.warn("Belay could not record the schema's fingerprint after migrating (the next start records "
                        + "it): " + ex.getMessage(), ex);
            }
        }
    }

    /** Records a fingerprint. */
    @FunctionalInterface
    private interface Recording {

        void record() throws SQLException;

    }

    private static int majorVersion(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion();
    }

    /**
     * The interrupted non-transactional revisions that may simply run again (they are
     * {@linkplain RevisionInfo#idempotent() idempotent}), by id with the state they were left in.
     * Read under the lock, where an interrupted row cannot belong to a run in progress.
     * @throws MigrationException naming those that are not idempotent: they need a person
     */
    private Map<String, HistoryState> interrupted(List<HistoryEntry> entries, RevisionHistory history) {
        Map<String, HistoryState> resumable = new LinkedHashMap<>();
        List<HistoryEntry> incomplete = new ArrayList<>();
        for (HistoryEntry entry : entries) {
            if (entry.state() == HistoryState.APPLIED) {
                continue;
            }
            if (graph().find(entry.id()).filter(RevisionInfo::idempotent).isPresent()) {
                resumable.put(entry.id(), entry.state());
            }
            else {
                incomplete.add(entry);
            }
        }
        if (incomplete.isEmpty()) {
            return resumable;
        }
        String list = incomplete.stream()
            .map((entry) -> graph().find(entry.id()).map(RevisionInfo::describe).orElse("'" + entry.id() + "'")
                    + " started its " + ((entry.state() == HistoryState.APPLYING) ? "up()" : "down()") + " at "
                    + entry.appliedAt() + " (database user " + entry.appliedBy() + ") and did not finish")
            .collect(Collectors.joining("; "));
        throw new MigrationException("A non-transactional revision is incomplete: " + list
                + ". It may be partly applied, so Belay will not migrate this schema until a person has looked.",
                RevisionExecutor.incompleteFix(history, incomplete.stream().map(HistoryEntry::id).toList()));
    }

    /**
     * Runs {@code body} in a transaction on the connection and rolls it back, whatever happens.
     */
    private static <T> T rolledBack(Connection connection, InTransaction<T> body) throws SQLException {
        connection.setAutoCommit(false);
        try {
            return body.run();
        }
        finally {
            try {
                connection.rollback();
            }
            finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Work in a transaction that is rolled back. */
    @FunctionalInterface
    private interface InTransaction<T> {

        @Nullable T run() throws SQLException;

    }

    private static void setLocal(Connection connection, String setting, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
            statement.setString(1, setting);
            statement.setString(2, value);
            statement.executeQuery().close();
        }
    }

    private MigrationStatus status(RevisionHistory history, List<HistoryEntry> entries) {
        Map<String, HistoryEntry> recorded = entries.stream()
            .collect(Collectors.toMap(HistoryEntry::id, Function.identity()));
        List<RevisionStatus> statuses = new ArrayList<>();
        for (RevisionInfo info : graph().revisions()) {
            HistoryEntry entry = recorded.get(info.id());
            if (entry == null) {
                statuses.add(new RevisionStatus(info.id(), info.parents(), info.message(), RevisionState.PENDING, null,
                        null, null));
            }
            else {
                RevisionState state = (entry.state() == HistoryState.APPLIED) ? RevisionState.APPLIED
                        : RevisionState.INCOMPLETE;
                statuses.add(new RevisionStatus(info.id(), info.parents(), info.message(), state, entry.appliedAt(),
                        entry.executionMs(), entry.appliedBy()));
            }
        }
        for (HistoryEntry entry : entries) {
            if (!graph().contains(entry.id())) {
                statuses.add(new RevisionStatus(entry.id(), entry.parents(), entry.message(), RevisionState.UNKNOWN,
                        entry.appliedAt(), entry.executionMs(), entry.appliedBy()));
            }
        }
        return new MigrationStatus(history.schema(), history.qualifiedName(), graph().heads(), current(entries),
                statuses);
    }

    /**
     * The applied revisions that no other applied revision comes after, as the history records
     * them. An incomplete revision does not count: the database is at its parents until it
     * finishes.
     */
    private static List<String> current(List<HistoryEntry> entries) {
        Set<String> parents = new HashSet<>();
        entries.stream()
            .filter((entry) -> entry.state() == HistoryState.APPLIED)
            .forEach((entry) -> parents.addAll(entry.parents()));
        return entries.stream()
            .filter((entry) -> entry.state() == HistoryState.APPLIED && !parents.contains(entry.id()))
            .map(HistoryEntry::id)
            .sorted()
            .toList();
    }

    private void logUpToDate(RevisionHistory history, Set<String> applied, @Nullable String target) {
        if (logger.isInfoEnabled()) {
            List<String> current = applied.stream()
                .filter((id) -> graph().childrenOf(id).stream().noneMatch(applied::contains))
                .sorted()
                .toList();
            logger.info("Schema " + Identifiers.quote(history.schema()) + " is up to date"
                    + ((target != null) ? " for '" + target + "'" : "") + ": " + count(applied.size())
                    + " applied" + (applied.isEmpty() ? "" : ", at " + quoted(current)));
        }
    }

    /** The revisions recorded as applied (not those an interrupted run left behind). */
    private static Set<String> appliedIds(List<HistoryEntry> entries) {
        return entries.stream()
            .filter((entry) -> entry.state() == HistoryState.APPLIED)
            .map(HistoryEntry::id)
            .collect(Collectors.toSet());
    }

    /**
     * Finds the history table, whether it exists and whether it has the fingerprint columns, in
     * one round trip: the managed schema is the configured one or else the connection's current
     * schema.
     */
    private Located locate(Connection connection) throws SQLException {
        String configured = this.settings.schema();
        String table = this.settings.historyTable();
        try (PreparedStatement statement = connection.prepareStatement("SELECT s, t IS NOT NULL, EXISTS (SELECT FROM "
                + "pg_attribute WHERE attrelid = t AND attname = 'schema_snapshot' AND NOT attisdropped), "
                + "current_setting('search_path') FROM (SELECT s, to_regclass(quote_ident(s) || '.' || quote_ident(?)) "
                + "AS t FROM " + ((configured != null) ? "(SELECT ?::text) AS c (s)" : "current_schema() AS s")
                + ") AS found")) {
            statement.setString(1, table);
            if (configured != null) {
                statement.setString(2, configured);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                String current = row.getString(1);
                if (current == null) {
                    throw new MigrationException(
                            "The connection has no current schema: none of the schemas on its search_path ("
                                    + row.getString(4) + ") exists.",
                            "Set belay.schema to the schema Belay should manage (Belay creates it), or create the "
                                    + "first schema of the search_path.");
                }
                return new Located(new RevisionHistory(current, table), row.getBoolean(2), row.getBoolean(3));
            }
        }
    }

    /**
     * The history table of the managed schema, whether it exists yet, and whether it has the
     * fingerprint columns.
     */
    private record Located(RevisionHistory history, boolean exists, boolean fingerprints) {

        List<HistoryEntry> read(Connection connection) throws SQLException {
            return this.exists ? this.history.read(connection, this.fingerprints) : List.of();
        }

    }

    private static boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection
            .prepareStatement("SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = ?)")) {
            statement.setString(1, schema);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = this.dataSource.getConnection();
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return connection;
        }
        catch (SQLException | RuntimeException ex) {
            connection.close();
            throw ex;
        }
    }

    private static void restore(Connection connection, SessionSettings previous) {
        try {
            previous.restore(connection);
        }
        catch (SQLException ex) {
            if (!SessionGone.is(ex)) {
                logger.warn("Could not restore the migration connection's search_path and lock_timeout", ex);
            }
        }
    }

    private MigrationException databaseError(String what, SQLException ex) {
        return new MigrationException("Belay could not " + what + ": " + ex.getMessage() + " [SQLSTATE "
                + ex.getSQLState() + "].",
                "Check that the database is reachable and that its user may use (and create objects in) schema "
                        + ((this.settings.schema() != null) ? Identifiers.quote(this.settings.schema())
                                : "its current schema")
                        + ".",
                ex);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String describe(RevisionRun run) {
        return "'" + run.id() + "'" + (run.message().isEmpty() ? "" : " (" + run.message() + ")");
    }

    private static String count(int revisions) {
        return revisions + ((revisions == 1) ? " revision" : " revisions");
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
    }

}
