package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import dev.belay.actions.SchemaSnapshot;
import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionGraph;
import dev.belay.revision.RevisionHistory;
import dev.belay.revision.RevisionHistory.RecordedSchema;
import dev.belay.revision.RevisionInfo;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.RevisionState;
import dev.belay.runner.SchemaRecorder;
import dev.belay.schema.postgres.SchemaInspector;

/**
 * Finds both kinds of {@link Drift} without building anything and without DDL, so that a
 * production start can afford it and needs no right beyond reading the catalog and the history
 * table: the database is inspected once and its fingerprint compared with the one the last
 * migration recorded; the mapping's DDL is computed in memory and its fingerprint compared with
 * the snapshot kept beside the latest revision written for it. Only on a difference is anything
 * more read, to say what differs.
 */
public final class DriftDetector {

    private final MigrationRunner runner;

    private final SchemaInspector inspector;

    private final Supplier<List<String>> mappingDdl;

    private final ClassLoader classLoader;

    /**
     * @param runner the revisions and the database
     * @param inspector reads the managed schema
     * @param mappingDdl Hibernate's DDL for the mapping, computed in memory (empty when there is no
     * mapping)
     * @param classLoader where the mapping snapshots of the revisions are found
     */
    public DriftDetector(MigrationRunner runner, SchemaInspector inspector, Supplier<List<String>> mappingDdl,
            ClassLoader classLoader) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.mappingDdl = Objects.requireNonNull(mappingDdl, "mappingDdl");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    /**
     * A detector with the same mapping on another runner's database and schema: a tenant's, whose
     * drift is its own.
     */
    public DriftDetector forRunner(MigrationRunner runner) {
        return new DriftDetector(runner, this.inspector, this.mappingDdl, this.classLoader);
    }

    /** Both kinds of drift: the database side on a thread of its own while the mapping side is computed. */
    public Drift detect() {
        return detect(startDatabaseSide());
    }

    /**
     * Starts the database side of the check (the history, one inspection, the fingerprint) on a
     * daemon thread: at startup it runs while Hibernate boots, right after the migration.
     */
    public DatabaseSide startDatabaseSide() {
        FutureTask<DatabaseResult> task = new FutureTask<>(() -> {
            MigrationStatus status = this.runner.status();
            return new DatabaseResult(status, database(status));
        });
        Thread thread = new Thread(task, "belay-drift-database");
        thread.setDaemon(true);
        thread.start();
        return new DatabaseSide(task);
    }

    /**
     * Both kinds of drift, the database side from a {@linkplain #startDatabaseSide() started} one:
     * the mapping side is computed meanwhile, and a failure of either is thrown (the database
     * side's first).
     */
    public Drift detect(DatabaseSide databaseSide) {
        MappingDrift mapping = null;
        Throwable mappingFailure = null;
        try {
            mapping = mapping();
        }
        catch (RuntimeException | Error ex) {
            mappingFailure = ex;
        }
        DatabaseResult database = join(databaseSide.task());
        if (mappingFailure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (mappingFailure != null) {
            throw (Error) mappingFailure;
        }
        return new Drift(database.status(), database.drift(), mapping);
    }

    /**
     * The database side of a drift check, running.
     *
     * @param task what it computes
     */
    public record DatabaseSide(FutureTask<DatabaseResult> task) {

    }

    /**
     * The database side's result.
     *
     * @param status where the database stands against the revisions
     * @param drift the database against what its revisions left
     */
    public record DatabaseResult(MigrationStatus status, DatabaseDrift drift) {

    }

    private static DatabaseResult join(FutureTask<DatabaseResult> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                }
                catch (InterruptedException ex) {
                    interrupted = true;
                }
                catch (ExecutionException ex) {
                    if (ex.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (ex.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(ex.getCause());
                }
            }
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }


    /** The database against what its applied revisions left, as the last migration recorded it. */
    public DatabaseDrift database(MigrationStatus status) {
        RevisionHistory history = new RevisionHistory(status.schema(), this.runner.settings().historyTable());
        if (status.inState(RevisionState.APPLIED).isEmpty()) {
            return DatabaseDrift.unknown(null, "No revision is applied yet.");
        }
        try (Connection connection = this.runner.dataSource().getConnection()) {
            Optional<RecordedSchema> recorded = history.recordedSchema(connection);
            if (recorded.isEmpty()) {
                return DatabaseDrift.unknown(null, "No fingerprint of the schema is recorded yet: the next migration "
                        + "(or a start whose user may alter " + history.qualifiedName() + ") records it.");
            }
            MigrationSettings settings = this.runner.settings();
            SchemaSnapshot now = SchemaSnapshot.of(settings.managed(this.inspector.inspect(connection, history.schema())));
            String fingerprint = SchemaRecorder.fingerprint(connection, now);
            RecordedSchema was = recorded.get();
            if (fingerprint.equals(was.fingerprint())) {
                return DatabaseDrift.matches(was.revision());
            }
            Optional<Integer> major = SchemaRecorder.major(was.fingerprint());
            int server = connection.getMetaData().getDatabaseMajorVersion();
            if (major.isEmpty() || major.get() != server) {
                return DatabaseDrift.unknown(was.revision(), "The fingerprint was recorded on PostgreSQL "
                        + major.map(String::valueOf).orElse("(unknown)") + " and the server is now " + server
                        + ", which spells some definitions otherwise; the next migration (or start) records it anew.");
            }
            // Schemas recorded before a table was left to another tool (Flyway's or Liquibase's
            // history, say) still hold it: compared without it, they may match after all.
            SchemaSnapshot then = SchemaSnapshot.decompress(was.snapshot()).withoutTables(settings.unmanagedTables());
            if (then.fingerprint().equals(now.fingerprint())) {
                return DatabaseDrift.matches(was.revision());
            }
            return DatabaseDrift.differs(was.revision(), then.differencesTo(now));
        }
        catch (SQLException ex) {
            throw new MigrationException("Belay could not compare schema " + status.schema() + " with what its "
                    + "revisions left: " + ex.getMessage() + " [SQLSTATE " + ex.getSQLState() + "].",
                    "Check that the database is reachable and that its user may read " + status.historyTable() + ".",
                    ex);
        }
    }

    /** The mapping against the one the latest revision was written for. */
    public MappingDrift mapping() {
        List<String> ddl = this.mappingDdl.get();
        if (ddl.isEmpty()) {
            return MappingDrift.unknown(null, "The application has no JPA mapping.");
        }
        RevisionGraph graph = this.runner.graph();
        List<String> heads = graph.heads();
        if (heads.size() != 1) {
            return MappingDrift.unknown(null, heads.isEmpty() ? "There are no revisions yet."
                    : "The revisions have " + heads.size() + " heads; `belay merge` joins them.");
        }
        Optional<Recorded> recorded = latestRecorded(graph, heads.get(0));
        if (recorded.isEmpty()) {
            return MappingDrift.unknown(null, "No revision has its mapping recorded beside it yet (in "
                    + MappingSnapshot.DIRECTORY + "): `belay generate` records it.");
        }
        MappingSnapshot now = MappingSnapshot.of(ddl);
        Recorded was = recorded.get();
        if (now.fingerprint().equals(was.snapshot().fingerprint())) {
            return MappingDrift.matches(was.revision());
        }
        return MappingDrift.differs(was.revision(), was.snapshot().changesTo(now));
    }

    /** The last revision, in graph order, of the head and its ancestors that has a mapping snapshot. */
    private Optional<Recorded> latestRecorded(RevisionGraph graph, String head) {
        Set<String> lineage = graph.lineage(head);
        List<RevisionInfo> revisions = graph.revisions();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            String id = revisions.get(i).id();
            if (lineage.contains(id)) {
                Optional<MappingSnapshot> snapshot = MappingSnapshot.find(this.classLoader, id);
                if (snapshot.isPresent()) {
                    return Optional.of(new Recorded(id, snapshot.get()));
                }
            }
        }
        return Optional.empty();
    }

    private record Recorded(String revision, MappingSnapshot snapshot) {

    }

}
