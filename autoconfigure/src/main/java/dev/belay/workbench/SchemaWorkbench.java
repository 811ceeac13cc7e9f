package dev.belay.workbench;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.RecordingStatementSink;
import dev.belay.actions.SchemaSnapshot;
import dev.belay.actions.SqlStatement;
import dev.belay.codegen.GeneratedRevision;
import dev.belay.codegen.RevisionGenerator;
import dev.belay.codegen.RevisionHeader;
import dev.belay.diff.Change;
import dev.belay.diff.DiffOptions;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.SchemaDiff;
import dev.belay.diff.SegmentedPlan;
import dev.belay.lint.LintReport;
import dev.belay.lint.RevisionLinter;
import dev.belay.revision.MigrationException;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionGraph;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;
import dev.belay.runner.BaselineSchema;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.runner.ScratchSchema;
import dev.belay.runner.SqlFailures;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.Index;
import dev.belay.schema.MappedTables;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.schema.WrittenExpressions;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.workbench.RefusedException.Reason;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Everything Belay does between the mapping, the database and the revisions in the code: compare
 * them ({@link #diff}, {@link #check}, {@link #drift}) and write new revisions
 * ({@link #generate}, {@link #merge}); {@link RevisionStamp} takes over a database built without
 * them. The shell commands and the actuator endpoint are thin layers
 * over it.
 * <p>
 * <b>The two sides.</b> The desired schema is the mapping's
 * ({@link DesiredSchemaSource}), as PostgreSQL reads it back from a scratch schema, with its
 * checks, defaults and generation expressions known as the mapping wrote them
 * ({@link WrittenExpressions}): plans create those from that text, so a database built by
 * Belay's revisions reads exactly as the desired schema does, and "generate, apply, generate
 * again" finds nothing. Expressions not known as written are settled through PostgreSQL once
 * more ({@code settledDesired}). The current schema is the managed schema as
 * it is, without the history table, with checks that differ only in spelling aligned (see
 * {@link CheckAlignment}); or, with {@code shadow}, the schema the whole revision chain builds in
 * a scratch schema ({@link MigrationRunner#rehearse}). Scratch schemas exist only inside
 * transactions that are rolled back.
 * <p>
 * Plans are made for the server's PostgreSQL major version.
 */
public final class SchemaWorkbench {

    private static final Log logger = LogFactory.getLog(SchemaWorkbench.class);

    /**
     * The most changes whose revisions {@code generate} lints before writing them. Lint rehearses
     * statement by statement and reads the catalog around each (a few milliseconds a statement,
     * more as the revision holds locks on more relations it created): about 10 s at this size, a
     * minute for the 6,000 changes of a first revision of a 1,000-entity model, which generate
     * builds in a few seconds.
     */
    static final int LINT_LIMIT = 1000;

    private final MigrationRunner runner;

    private final DesiredSchemaSource desired;

    private final SchemaInspector inspector;

    private final GenerateSettings settings;

    private final Clock clock;

    private final RevisionGenerator generator = new RevisionGenerator();

    private final DriftDetector drift;

    private final @Nullable DevDatabase dev;

    /** The most changes generate lints (see {@link #LINT_LIMIT}); lowered by tests. */
    private int lintLimit = LINT_LIMIT;

    /**
     * @param runner the revisions and the database, with the managed schema and history table
     * @param desired the schema the mapping wants
     * @param inspector reads schemas from {@code pg_catalog}
     * @param settings where generated revisions go
     * @param clock the time that new revisions' ids start with (in UTC, so that ids sort by time
     * whatever the time zone of whoever generates them)
     */
    public SchemaWorkbench(MigrationRunner runner, DesiredSchemaSource desired, SchemaInspector inspector,
            GenerateSettings settings, Clock clock) {
        this(runner, desired, inspector, settings, clock, null);
    }

    /**
     * A workbench that builds and rehearses on a dev database ({@code belay.dev-url}), reading the
     * application's database without building anything in it.
     * @param dev the dev database, or {@code null} to build in scratch schemas of the application's
     */
    public SchemaWorkbench(MigrationRunner runner, DesiredSchemaSource desired, SchemaInspector inspector,
            GenerateSettings settings, Clock clock, @Nullable DevDatabase dev) {
        this.dev = dev;
        this.runner = Objects.requireNonNull(runner, "runner");
        this.desired = Objects.requireNonNull(desired, "desired");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.drift = new DriftDetector(runner, inspector, desired::ddl, SchemaWorkbench.class.getClassLoader());
    }

    /** This workbench, linting what it generates only up to the given number of changes. */
    SchemaWorkbench lintingAtMost(int changes) {
        this.lintLimit = changes;
        return this;
    }

    /**
     * The same workbench on another runner's database and schema (a tenant's): the same mapping,
     * generate settings and dev database.
     */
    public SchemaWorkbench forRunner(MigrationRunner runner) {
        return new SchemaWorkbench(runner, this.desired, this.inspector, this.settings, this.clock, this.dev);
    }

    /** The drift detector of this workbench's runner. */
    public DriftDetector driftDetector() {
        return this.drift;
    }

    public MigrationRunner runner() {
        return this.runner;
    }

    public GenerateSettings settings() {
        return this.settings;
    }

    /**
     * The mapping compared with the database as it is (or, with {@code shadow}, with what the
     * revision chain builds): the SQL that would bring it to the mapping, with its hazards. When
     * revisions are pending, the plan against the database repeats their work; the comparison's
     * status says so.
     * @throws RefusedException when a rename hint names something the schemas do not have
     */
    public Comparison diff(boolean shadow, boolean onlineSafe, List<RenameHint> renames) {
        return diff(shadow, onlineSafe, renames, false);
    }

    /**
     * {@link #diff(boolean, boolean, List)}, rebuilding primary keys that have the mapping's
     * columns in another order when {@code reorderKeys} (see {@link DiffOptions#withReorderKeys}).
     */
    public Comparison diff(boolean shadow, boolean onlineSafe, List<RenameHint> renames, boolean reorderKeys) {
        MigrationStatus status = this.runner.status();
        Sides sides = sides(status, shadow, deferred());
        return new Comparison(status, shadow, plan(sides, options(sides, onlineSafe, renames).withReorderKeys(reorderKeys)),
                DatabaseDrift.unknown(null, "Not compared."), site(), null);
    }

    /**
     * Whether the mapping equals the database with all revisions applied, for CI, like
     * {@code alembic check}. When the database is at head, that is the database itself. When
     * revisions are pending, it is the schema the whole revision chain builds in a scratch
     * schema: the check then answers whether the revisions in the code build what the mapping
     * wants, which is what a fresh CI database needs. Revisions the code lacks, or interrupted
     * ones, fail the check whatever the schema.
     */
    public Comparison check() {
        MigrationStatus status;
        try {
            status = this.runner.status();
        }
        catch (MigrationException ex) {
            if (this.dev == null || !unreachable(ex)) {
                throw ex;
            }
            // CI without the application's database: do the revisions build what the mapping wants?
            MigrationStatus none = nothingApplied();
            Sides sides = sides(none, true, deferred());
            return new Comparison(none, true, plan(sides, options(sides, false, List.of())),
                    DatabaseDrift.unknown(null, "The database could not be reached."), site(), ex.problem());
        }
        DatabaseDrift database = status.upToDate() ? this.drift.database(status)
                : DatabaseDrift.unknown(null, "Revisions are pending or unresolved.");
        boolean shadow = !status.upToDate() || database.differs();
        Sides sides = sides(status, shadow, deferred());
        return new Comparison(status, shadow, plan(sides, options(sides, false, List.of())), database, site(), null);
    }

    /**
     * The revisions of the code, none applied: where {@code check} stands when the application's
     * database cannot be reached.
     */
    private MigrationStatus nothingApplied() {
        String schema = (this.runner.settings().schema() != null) ? this.runner.settings().schema() : "public";
        List<RevisionStatus> revisions = this.runner.graph()
            .revisions()
            .stream()
            .map((info) -> new RevisionStatus(info.id(), info.parents(), info.message(), RevisionState.PENDING, null,
                    null, null))
            .toList();
        return new MigrationStatus(schema, schema + "." + this.runner.settings().historyTable(),
                this.runner.graph().heads(), List.of(), revisions);
    }

    /** Whether a failure means the application's database could not be connected to. */
    private static boolean unreachable(Throwable failure) {
        String state = SqlFailures.state(failure);
        return state != null && state.startsWith("08");
    }

    /** Where schemas are built: the dev database, or a scratch schema of the application's. */
    private String site() {
        return (this.dev != null) ? this.dev.description() : Comparison.SCRATCH;
    }

    /**
     * Writes the revision that brings the database to the mapping, coming after the current head;
     * or, when some of the plan's steps must or should commit on their own (online-safe plans, an
     * enum label added and then used), a short chain of revisions, each after the one before, so
     * that the steps that can share a transaction still do (see {@link MigrationPlan#segments()}).
     * Against the database itself, the database must be at head; with {@code shadow}, the plan
     * starts from what the whole chain builds in a scratch schema, whatever the database holds.
     * Drops and adds that look like renames are put to {@link GenerateRequest#questions()} when
     * there is someone to ask. Writes nothing when there is nothing to do.
     * @throws RefusedException when the revisions have several heads, the database is not at head
     * (without {@code shadow}), a rename hint is wrong, or the revision cannot be written; nothing
     * is written then
     */
    public GenerateResult generate(GenerateRequest request) {
        RevisionGraph graph = this.runner.graph();
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            throw new RefusedException(Reason.SEVERAL_HEADS,
                    "The revisions have " + heads.size() + " heads: " + graph.describe(heads)
                            + "; a new revision would not know which one it comes after.",
                    "Run `belay merge` to write a revision that joins them, build the application, and generate "
                            + "again.");
        }
        MigrationStatus status = this.runner.status();
        if (!request.shadow()) {
            requireAtHead(status, graph);
            requireUnchanged(status);
        }
        String packageName = requirePackage();
        Path directory = requireDirectory();
        List<Deferral> inEffect = deferred();
        Sides sides = sides(status, request.shadow(), request.contract() ? List.of() : inEffect);
        DiffOptions options = options(sides, request.onlineSafe(), request.renames())
            .withReorderKeys(request.reorderKeys());
        MigrationPlan plan = plan(sides, options);
        List<RenameCandidate> candidates = RenameCandidates.in(plan);
        if (!candidates.isEmpty() && request.questions() != null) {
            List<RenameCandidate> confirmed = RenameCandidates.confirm(candidates, request.questions());
            if (!confirmed.isEmpty()) {
                List<RenameHint> renames = new ArrayList<>(request.renames());
                confirmed.forEach((candidate) -> renames.add(candidate.hint()));
                options = options(sides, request.onlineSafe(), renames).withReorderKeys(request.reorderKeys());
                plan = plan(sides, options);
                candidates = RenameCandidates.in(plan);
            }
        }
        List<Deferral> deferredNow = List.of();
        if (request.expandContract()) {
            deferredNow = Deferrals.of(plan, previousRelease(heads), sides.current());
            if (!deferredNow.isEmpty()) {
                sides = sides.keeping(deferredNow);
                plan = plan(sides, options);
            }
        }
        List<Deferral> finished = request.contract()
                ? Deferrals.pending(sides.mapped(), sides.current(), inEffect) : List.of();
        List<Deferral> open = sides.pending();
        if (plan.isEmpty()) {
            Path mapping = heads.isEmpty() ? null : recordMapping(heads.get(0), true, open);
            return new GenerateResult(plan, List.of(), List.of(), request.shadow(), mapping, null, open, List.of());
        }
        String message = (request.message() != null && !request.message().isBlank()) ? request.message().strip()
                : PlanSummary.of(plan);
        RevisionHeader header = RevisionHeader.of(packageName, now(), message, heads);
        SegmentedPlan split = split(plan);
        split = split.withWayBackWrittenAs(wayBack(split, heads));
        List<GeneratedRevision> revisions = this.generator.generate(header, split);
        for (GeneratedRevision revision : revisions) {
            requireNewId(graph, revision.header());
        }
        int changes = split.parts().stream().mapToInt((part) -> part.segment().changes().size()).sum();
        String lintSkipped = (changes > this.lintLimit) ? "not run for " + changes + " changes (more than "
                + this.lintLimit + "): it rehearses each statement and reads what PostgreSQL did around it, which at "
                + "this size takes far longer than generating; run `belay lint` when you want its findings." : null;
        LintReport lint = (lintSkipped != null) ? null : lintBeforeWriting(revisions, split);
        List<WrittenRevision> written = write(revisions, directory);
        Path mapping = recordMapping(revisions.get(revisions.size() - 1).header().id(), false, open);
        return new GenerateResult(plan, written, candidates, request.shadow(), mapping, lint, open, finished,
                lintSkipped);
    }

    /**
     * The steps of expand/contract changes that wait for a later release: those recorded in the
     * mapping snapshot nearest to the heads (every generated revision carries them on).
     */
    private List<Deferral> deferred() {
        List<Deferral> deferred = new ArrayList<>();
        RevisionGraph graph = this.runner.graph();
        for (String head : graph.heads()) {
            graph.nearest(List.of(head), this::snapshotOf).ifPresent((snapshot) -> snapshot.deferred()
                .stream()
                .filter((deferral) -> !deferred.contains(deferral))
                .forEach(deferred::add));
        }
        return deferred;
    }

    /**
     * What the release before the revision about to be written maps: the mapping kept with the
     * nearest revision, which expand/contract needs.
     * @throws RefusedException when no revision has one
     */
    private MappedTables previousRelease(List<String> heads) {
        if (heads.isEmpty()) {
            return MappedTables.none();
        }
        return this.runner.graph()
            .nearest(heads, this::snapshotOf)
            .map((snapshot) -> MappedTables.ofDdl(snapshot.statements()))
            .orElseThrow(() -> new RefusedException(Reason.NO_KEPT_MAPPING, "No revision has the mapping it was "
                    + "written for kept beside it (belay/mappings/<id>.sql), so Belay cannot tell what the previous "
                    + "release uses.", "Run `belay generate` without --expand-contract and split the change by hand; "
                            + "every revision generated from now on keeps its mapping, and the next change can use "
                            + "--expand-contract."));
    }

    /**
     * What {@code belay lint} will find in the revisions about to be written: each is rehearsed as
     * what it will be, the recipes of its part of the plan, after the revisions it comes after.
     * {@code null} when the rehearsal cannot run (the revisions are written all the same).
     */
    private @Nullable LintReport lintBeforeWriting(List<GeneratedRevision> revisions, SegmentedPlan split) {
        List<Revisions.Entry> entries = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            GeneratedRevision revision = revisions.get(i);
            RevisionHeader header = revision.header();
            List<Change> changes = split.parts().get(i).segment().changes();
            Revision planned = new Revision() {
                @Override
                public void up(Migrator migrator) {
                    changes.forEach((change) -> change.applyTo(migrator.actions()));
                }

                @Override
                public void down(Migrator migrator) {
                }
            };
            entries.add(new Revisions.Entry(new RevisionInfo(header.id(), header.after(), header.message(),
                    revision.transactional(), revision.idempotent(), header.qualifiedClassName()), () -> planned));
        }
        try {
            MigrationRunner withWritten = this.runner.withRevisions(this.runner.revisions().plus(entries));
            return linter(withWritten, this.dev, this::keptMapping)
                .lintAll(entries.stream().map((entry) -> entry.info().id()).toList());
        }
        catch (MigrationException ex) {
            logger.warn("Belay could not lint the revisions it generated: " + ex.getMessage());
            return null;
        }
    }

    /**
     * The plan as the revisions it is written as: one when it fits in one transaction, otherwise a
     * chain whose schemas between revisions PostgreSQL builds in a scratch schema (see
     * {@link SegmentBoundaries}).
     */
    private SegmentedPlan split(MigrationPlan plan) {
        if (plan.segments().size() <= 1) {
            return SegmentedPlan.of(plan);
        }
        return SegmentedPlan.of(plan, RolledBack.read(this.runner.dataSource(),
                (connection, serverVersion) -> SegmentBoundaries.of(connection, this.inspector, plan, serverVersion)));
    }

    /**
     * The checks the revisions' {@code down} creates again, as the mapping of the head wrote them
     * (see {@link WayBackChecks}).
     */
    private WrittenExpressions wayBack(SegmentedPlan split, List<String> heads) {
        List<String> previous = heads.isEmpty() ? List.of() : previousDdl(heads.get(0));
        if (previous.isEmpty()) {
            return WrittenExpressions.none();
        }
        DataSource site = (this.dev != null) ? this.dev.dataSource() : this.runner.dataSource();
        return RolledBack.read(site,
                (connection, serverVersion) -> WayBackChecks.of(connection, this.inspector, split, previous, serverVersion));
    }

    /**
     * {@code belay lint} for this workbench's runner: rehearsed on the dev database when there is
     * one, with the mapping snapshots kept beside the revisions (in the resources directory or on
     * the class path) for the rolling-deploy rules.
     */
    public RevisionLinter linter() {
        return linter(this.runner, this.dev, this::keptMapping);
    }

    /**
     * {@code belay lint} for an application without a workbench (no JPA mapping): the mapping
     * snapshots on the class path stand for the previous releases.
     * @param dev where to rehearse, or {@code null} for scratch schemas of the application's database
     */
    public static RevisionLinter linter(MigrationRunner runner, @Nullable DevDatabase dev) {
        return linter(runner, dev, (id) -> MappingSnapshot.find(SchemaWorkbench.class.getClassLoader(), id)
            .map(MappingSnapshot::statements));
    }

    private static RevisionLinter linter(MigrationRunner runner, @Nullable DevDatabase dev,
            Function<String, Optional<List<String>>> mappings) {
        String site = (dev != null) ? dev.description()
                : "a scratch schema of the application's database, dropped afterwards";
        return new RevisionLinter(runner, DevDatabase.rehearsals(runner, dev), site, mappings,
                RevisionLinter.suppressionsOf(SchemaWorkbench.class.getClassLoader()));
    }

    /** The statements of the mapping snapshot kept beside a revision, or none. */
    private List<String> previousDdl(String revision) {
        return keptMapping(revision).orElse(List.of());
    }

    /** The statements of the mapping snapshot kept beside a revision, if there is one. */
    private Optional<List<String>> keptMapping(String revision) {
        return snapshotOf(revision).map(MappingSnapshot::statements);
    }

    /** The mapping snapshot kept beside a revision: in the resources directory, else on the class path. */
    private Optional<MappingSnapshot> snapshotOf(String revision) {
        Path file = this.settings.resources().toAbsolutePath().normalize().resolve(MappingSnapshot.resource(revision));
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(MappingSnapshot.parse(Files.readString(file)));
            }
            return MappingSnapshot.find(SchemaWorkbench.class.getClassLoader(), revision);
        }
        catch (IOException | IllegalStateException ex) {
            return Optional.empty();
        }
    }

    /**
     * Takes over a database built before Belay (by Flyway, Liquibase, Hibernate's {@code ddl-auto}
     * or by hand) as it is: writes a baseline revision that builds its managed schema (read from
     * the database, not from the mapping), keeps that schema beside it
     * ({@link BaselineSchema}), and records the baseline as applied to the
     * database, under the migration lock and only while the schema is still the one it was
     * written from. {@code belay generate} then proposes only what the mapping wants changed.
     * Views, functions, triggers and other objects Belay does not manage are not carried over:
     * the result lists them.
     * @throws RefusedException when the application has revisions already, the database has
     * Belay's history or an empty schema, or the revision cannot be written; nothing is written
     * or recorded then
     */
    public BaselineResult baseline(BaselineRequest request) {
        RevisionGraph graph = this.runner.graph();
        if (!graph.isEmpty()) {
            List<String> roots = graph.revisions().stream().filter((info) -> info.parents().isEmpty())
                .map(RevisionInfo::id).toList();
            boolean baselined = graph.revisions().stream().anyMatch(RevisionInfo::baseline);
            throw new RefusedException(Reason.NOT_A_TAKE_OVER, "This application has "
                    + count(graph.revisions().size(), "revision") + " already (starting with " + graph.describe(roots)
                    + "); a baseline is the first revision, written when Belay takes a database over.",
                    baselined ? "Nothing was written. The revisions start with a baseline: `belay apply` (or a start "
                            + "of the application) records it on a database that has exactly its schema, and builds "
                            + "an empty one from it."
                            : "Nothing was written. If the database was built by these revisions, `belay stamp` "
                                    + "records them as applied once it has checked that. If it was built before Belay "
                                    + "and the revisions were never applied anywhere, delete them, run `belay "
                                    + "baseline`, then `belay generate`.");
        }
        MigrationStatus status = this.runner.status();
        if (status.revisions().stream().anyMatch((revision) -> revision.state() != RevisionState.PENDING)
                || !status.current().isEmpty()) {
            throw new RefusedException(Reason.NOT_A_TAKE_OVER, "Schema " + status.schema() + " has Belay's history "
                    + "already (" + status.historyTable() + ").",
                    "Nothing was written. A baseline is for a database Belay has not managed yet.");
        }
        String packageName = requirePackage();
        Path directory = requireDirectory();
        MigrationSettings settings = this.runner.settings();
        Read read = RolledBack.read(this.runner.dataSource(), (connection, serverVersion) -> {
            Schema adopted = settings.managed(this.inspector.inspect(connection, status.schema()));
            String otherTool = (request.from() != null) ? OtherToolHistory.describe(connection, status.schema(),
                    settings.ignoredTables(), request.from()) : null;
            return new Read(adopted, serverVersion, otherTool);
        });
        // Expressions as the mapping wrote them, where it has the same ones: built again on a new
        // database, they render exactly as they do here (see BorrowedExpressions).
        WrittenExpressions borrowed = RolledBack.read((this.dev != null) ? this.dev.dataSource()
                : this.runner.dataSource(), (connection, serverVersion) -> {
                    Desired desired = settledDesired(connection, serverVersion);
                    return BorrowedExpressions.from(read.schema(), desired.schema(), desired.written());
                });
        Schema schema = read.schema();
        if (schema.tables().isEmpty() && schema.sequences().isEmpty() && schema.enumTypes().isEmpty()) {
            throw new RefusedException(Reason.NOT_A_TAKE_OVER, "Schema " + status.schema() + " has nothing Belay "
                    + "manages: no table, sequence or enum type" + (schema.unmanaged().isEmpty() ? ""
                            : " (only " + schema.unmanaged().size() + " objects Belay does not manage)") + ".",
                    "Nothing was written. There is nothing to take over: `belay generate` writes the first "
                            + "revision from the JPA mapping.");
        }
        MigrationPlan plan = SchemaDiff.between(Schema.empty(), schema,
                DiffOptions.defaults().withServerVersion(read.serverVersion())).writtenAs(borrowed);
        String message = (request.message() != null && !request.message().isBlank()) ? request.message().strip()
                : (read.otherTool() != null) ? "baseline of " + read.otherTool() : "baseline";
        // Named for what the user said, or plainly "baseline": the other tool's history goes in the message.
        String name = (request.message() != null && !request.message().isBlank()) ? message : "baseline";
        RevisionHeader named = RevisionHeader.of(packageName, now(), name, List.of());
        RevisionHeader header = new RevisionHeader(named.packageName(), named.className(), named.id(), List.of(),
                message);
        List<String> about = new ArrayList<>();
        about.add("Written from schema " + status.schema() + " on PostgreSQL " + read.serverVersion()
                + ((read.otherTool() != null) ? ", built by " + read.otherTool() : "") + ".");
        if (!schema.unmanaged().isEmpty()) {
            about.add("Not carried over, since Belay does not manage them, so a database built from this baseline "
                    + "lacks them: " + schema.unmanaged().stream().map(Object::toString).collect(Collectors.joining(", "))
                    + ". Add them to up() with m.jdbc().execute(...) where new databases need them.");
        }
        GeneratedRevision baseline = this.generator.baseline(header, plan.changes(), about);
        Path schemaFile = this.settings.resources().toAbsolutePath().normalize()
            .resolve(BaselineSchema.resource(header.id()));
        if (Files.exists(schemaFile)) {
            throw exists(schemaFile.toString());
        }
        WrittenRevision written = write(List.of(baseline), directory).get(0);
        SchemaSnapshot snapshot = SchemaSnapshot.of(schema);
        try {
            Files.createDirectories(schemaFile.getParent());
            Files.writeString(schemaFile, snapshot.text());
            RevisionInfo info = new RevisionInfo(header.id(), List.of(), message, true, false,
                    header.qualifiedClassName(), true);
            MigrationResult recorded = this.runner.recordBaseline(info, (revisions) -> {
                Schema now = RolledBack.read(this.runner.dataSource(),
                        (connection, serverVersion) -> settings.managed(this.inspector.inspect(connection, status.schema())));
                if (!SchemaSnapshot.of(now).equals(snapshot)) {
                    throw new RefusedException(Reason.SCHEMA_DIFFERS, "Schema " + status.schema() + " changed while "
                            + "Belay wrote its baseline.", "Nothing was recorded, and the files were deleted. Run "
                                    + "`belay baseline` again once nothing else changes the schema.");
                }
            });
            return new BaselineResult(written, schemaFile, recorded, plan.changes().size(), schema.unmanaged(),
                    read.otherTool());
        }
        catch (IOException | RuntimeException ex) {
            try {
                Files.deleteIfExists(written.file());
                Files.deleteIfExists(schemaFile);
            }
            catch (IOException cleanup) {
                ex.addSuppressed(cleanup);
            }
            if (ex instanceof IOException io) {
                throw new RefusedException(Reason.CANNOT_WRITE, "Belay could not write " + schemaFile + ": "
                        + io.getMessage() + ".", "Check that the directory is writable, or set "
                                + "belay.generate.resources-directory.");
            }
            throw (RuntimeException) ex;
        }
    }

    /** What a baseline is written from. */
    private record Read(Schema schema, int serverVersion, @Nullable String otherTool) {
    }

    /**
     * Writes a revision that comes after every head and does nothing, so that the graph has one
     * head again.
     * @param message the revision's message, or {@code null} for one that names the heads
     * @throws RefusedException when there are fewer than two heads, or the revision cannot be
     * written
     */
    public WrittenRevision merge(@Nullable String message) {
        RevisionGraph graph = this.runner.graph();
        List<String> heads = graph.heads();
        if (heads.size() < 2) {
            throw new RefusedException(Reason.NOTHING_TO_MERGE,
                    "There is nothing to merge: the revisions have " + (heads.isEmpty() ? "no head (there are none)"
                            : "one head, '" + heads.get(0) + "'") + ".",
                    "Merge only when `belay status` shows several heads, after branches that each added a revision "
                            + "came together.");
        }
        String packageName = requirePackage();
        Path directory = requireDirectory();
        String text = (message != null && !message.isBlank()) ? message.strip() : "merge " + String.join(" and ", heads);
        RevisionHeader header = RevisionHeader.of(packageName, now(), text, heads);
        requireNewId(graph, header);
        WrittenRevision written = write(List.of(this.generator.merge(header)), directory).get(0);
        recordMapping(header.id(), false, deferred());
        return written;
    }

    /**
     * Keeps the mapping as it is now beside a revision ({@link MappingSnapshot}), so that starts
     * can tell when the mapping moves on without a revision.
     * @param onlyIfChanged whether to leave a snapshot that already matches alone
     * @return the file written, or {@code null} when there is no mapping or nothing changed
     */
    private @Nullable Path recordMapping(String revision, boolean onlyIfChanged, List<Deferral> deferred) {
        List<String> ddl = this.desired.ddl();
        if (ddl.isEmpty()) {
            return null;
        }
        MappingSnapshot snapshot = MappingSnapshot.of(ddl).withDeferred(deferred);
        Path resources = this.settings.resources().toAbsolutePath().normalize();
        Path file = resources.resolve(MappingSnapshot.resource(revision));
        try {
            if (onlyIfChanged && Files.isRegularFile(file)
                    && MappingSnapshot.parse(Files.readString(file)).equals(snapshot)) {
                return null;
            }
            return snapshot.writeTo(resources, revision);
        }
        catch (IOException ex) {
            throw new RefusedException(Reason.CANNOT_WRITE, "Belay could not write " + file + ": " + ex.getMessage(),
                    "Check that the directory is writable, or set belay.generate.resources-directory.");
        }
    }

    /**
     * Refuses to generate against a database changed by other means than its revisions: the
     * revision would leave the change out, and fresh databases would not have it.
     */
    private void requireUnchanged(MigrationStatus status) {
        DatabaseDrift database = this.drift.database(status);
        if (!database.differs()) {
            return;
        }
        throw new RefusedException(Reason.DATABASE_DRIFTED, "Schema " + status.schema() + " is not what its "
                + "revisions built: it was changed by other means since the last migration ('" + database.revision()
                + "'): " + database.differences()
                    .stream()
                    .map(SchemaSnapshot.ObjectDifference::describe)
                    .collect(Collectors.joining("; "))
                + ". A revision generated against it would leave that change out, so fresh databases would not get "
                + "it.",
                "Undo the change, or write a revision by hand that makes it and record it here with `belay stamp`; "
                        + "or generate against what the revisions build, leaving this database as it is: `belay "
                        + "generate --shadow`.");
    }

    private void requireAtHead(MigrationStatus status, RevisionGraph graph) {
        List<RevisionStatus> unknown = status.inState(RevisionState.UNKNOWN);
        if (!unknown.isEmpty()) {
            throw new RefusedException(Reason.UNKNOWN_REVISIONS,
                    "The database records " + count(unknown.size(), "revision") + " that this code does not have: "
                            + unknown.stream()
                                .map((revision) -> "'" + revision.id() + "' (" + revision.message() + ", applied "
                                        + revision.appliedAt() + " by " + revision.appliedBy() + ")")
                                .collect(Collectors.joining(", "))
                            + "; a revision generated here would not build on them.",
                    "The database was migrated by newer code: update this checkout (or roll those revisions back with "
                            + "the code that has them) and generate again; or generate against this code's revisions "
                            + "alone with `belay generate --shadow`.");
        }
        List<RevisionStatus> incomplete = status.inState(RevisionState.INCOMPLETE);
        if (!incomplete.isEmpty()) {
            throw new RefusedException(Reason.INCOMPLETE_REVISIONS,
                    "The database has an interrupted revision: " + ids(incomplete)
                            + " started and did not finish, so the schema may be half-changed.",
                    "Look at it (`belay status`), finish or undo it by hand and resolve its history row as "
                            + "`belay apply` explains; or generate with `belay generate --shadow`, which does not "
                            + "read the database's schema.");
        }
        List<RevisionStatus> pending = status.inState(RevisionState.PENDING);
        if (!pending.isEmpty()) {
            throw new RefusedException(Reason.PENDING_REVISIONS,
                    "The database is not at head: " + count(pending.size(), "revision") + " of the code "
                            + ((pending.size() == 1) ? "is" : "are") + " not applied: " + ids(pending)
                            + ". A revision generated now would repeat "
                            + ((pending.size() == 1) ? "its" : "their") + " work.",
                    "Run `belay apply` first and generate again; or generate against the revisions applied to a "
                            + "scratch schema, leaving the database as it is, with `belay generate --shadow`.");
        }
    }

    private String requirePackage() {
        String packageName = this.settings.packageName();
        if (packageName == null || packageName.isBlank()) {
            throw new RefusedException(Reason.CANNOT_WRITE,
                    "Belay does not know the package to write revisions in.",
                    "Set belay.generate.package, for example to com.example.migrations.");
        }
        return packageName.strip();
    }

    private Path requireDirectory() {
        Path directory = this.settings.directory().toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new RefusedException(Reason.CANNOT_WRITE,
                    "Belay writes revisions below " + directory + ", which is not a directory.",
                    "Run the command from the project's directory (the one that holds src/main/java), or set "
                            + "belay.generate.directory to the source directory.");
        }
        return directory;
    }

    private static void requireNewId(RevisionGraph graph, RevisionHeader header) {
        if (graph.contains(header.id())) {
            throw new RefusedException(Reason.CANNOT_WRITE,
                    "A revision with id '" + header.id() + "' exists: " + graph.describe(List.of(header.id())) + ".",
                    "Generate again in a second (ids start with the time), or give another --message.");
        }
    }

    /**
     * Writes the revisions, all or none: every file is checked first, and if one cannot be written
     * after all, those written before it are deleted again.
     */
    private static List<WrittenRevision> write(List<GeneratedRevision> revisions, Path directory) {
        for (GeneratedRevision revision : revisions) {
            Path file = directory.resolve(revision.relativePath());
            if (Files.exists(file)) {
                throw exists(file.toString());
            }
        }
        List<WrittenRevision> written = new ArrayList<>();
        GeneratedRevision current = null;
        try {
            for (GeneratedRevision revision : revisions) {
                current = revision;
                written.add(new WrittenRevision(revision, revision.writeTo(directory)));
            }
            return List.copyOf(written);
        }
        catch (IOException ex) {
            for (WrittenRevision done : written) {
                try {
                    Files.deleteIfExists(done.file());
                }
                catch (IOException cleanup) {
                    ex.addSuppressed(cleanup);
                }
            }
            if (ex instanceof FileAlreadyExistsException exists) {
                throw exists(exists.getFile());
            }
            throw new RefusedException(Reason.CANNOT_WRITE,
                    "Belay could not write " + directory.resolve(current.relativePath()) + ": " + ex.getMessage()
                            + ((written.isEmpty()) ? "" : " (it deleted the " + count(written.size(), "file")
                                    + " of the chain it had written)"),
                    "Check that the directory is writable, or set belay.generate.directory.");
        }
    }

    private static RefusedException exists(String file) {
        return new RefusedException(Reason.CANNOT_WRITE, "File " + file + " exists.",
                "Belay never overwrites a revision: generate again in a second, or give another --message.");
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC);
    }

    private static MigrationPlan plan(Sides sides, DiffOptions options) {
        try {
            return SchemaDiff.between(sides.current(), sides.desired(), options).writtenAs(sides.written());
        }
        catch (IllegalArgumentException ex) {
            throw new RefusedException(Reason.BAD_RENAME, "A rename hint does not fit the schemas: " + ex.getMessage()
                    + ".", "Name the table and column as they are in the database now, and the new name as the "
                            + "mapping has it (table.column=new_column or table=new_table).");
        }
    }

    private static DiffOptions options(Sides sides, boolean onlineSafe, List<RenameHint> renames) {
        DiffOptions options = DiffOptions.defaults().withServerVersion(sides.serverVersion()).withOnlineSafe(onlineSafe);
        try {
            for (RenameHint rename : renames) {
                options = rename.applyTo(options);
            }
        }
        catch (IllegalArgumentException ex) {
            throw new RefusedException(Reason.BAD_RENAME, "The rename hints contradict each other: " + ex.getMessage()
                    + ".", "Give each table and column one --rename at most.");
        }
        return options;
    }

    /**
     * Reads both sides: the settled desired schema and the current one (the database's managed
     * schema, or the shadow), with checks spelled differently but equal aligned. All scratch work
     * happens in one transaction that is rolled back.
     */
    private Sides sides(MigrationStatus status, boolean shadow, List<Deferral> deferred) {
        MigrationSettings settings = this.runner.settings();
        Schema read = (shadow || this.dev == null) ? null : readDatabase(status.schema(), settings);
        DataSource site = (this.dev != null) ? this.dev.dataSource() : this.runner.dataSource();
        return RolledBack.read(site, (connection, serverVersion) -> {
            Desired desired = settledDesired(connection, serverVersion);
            Schema current = shadow ? shadow(settings) : (read != null) ? read
                    : settings.managed(this.inspector.inspect(connection, status.schema()));
            // A table that another tool owns is left alone even where the mapping has an entity for it.
            Schema wanted = settings.managed(desired.schema());
            current = CheckAlignment.align(connection, this.inspector, current, wanted, serverVersion);
            return new Sides(current, Deferrals.keep(wanted, current, deferred), desired.written(), serverVersion,
                    wanted, deferred);
        });
    }

    /** The application's managed schema as it is, read (and nothing else) on a connection of its own. */
    private Schema readDatabase(String schema, MigrationSettings settings) {
        try (Connection connection = this.runner.dataSource().getConnection()) {
            return settings.managed(this.inspector.inspect(connection, schema));
        }
        catch (SQLException ex) {
            throw new MigrationException("Belay could not read schema " + schema + ": " + ex.getMessage()
                    + " [SQLSTATE " + ex.getSQLState() + "].", "Check that the database is reachable.", ex);
        }
    }

    /**
     * The desired schema, settled: spelled as any database that Belay's revisions built reads.
     * Hibernate's DDL is built in a scratch schema; PostgreSQL stores expressions (checks,
     * defaults, generation expressions, index expressions and predicates) as it parsed them and
     * renders them back in its own words, which may differ from the words of the statement that
     * created them. Revisions create the expressions known as written (see
     * {@link WrittenExpressions}) from that same text, so PostgreSQL stores them as it did for
     * Hibernate and they need nothing more. Every other such object is made again from its
     * rendered text in that same scratch schema, as a revision would make it, and the schema is
     * read once more. Where the source built nowhere, or a generated column's expression is not
     * known as written (it cannot be made again in place), the whole schema is built anew from
     * Belay's own plan in a second scratch schema.
     */
    private Desired settledDesired(Connection connection, int serverVersion) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            return this.desired.desiredSchema(connection, (scratch, raw, written) -> {
                List<SqlStatement> respell = respelled(raw, written);
                if (scratch == null || hasUnwrittenGeneratedColumns(raw, written)) {
                    return new Desired(settledElsewhere(connection, raw, written, serverVersion), written);
                }
                if (respell.isEmpty()) {
                    return new Desired(raw, written);
                }
                build(() -> {
                    ScratchSchema.runAll(connection, respell);
                    return scratch;
                });
                return new Desired(this.inspector.inspect(connection, scratch), written);
            });
        }
        finally {
            connection.rollback(before);
        }
    }

    /** The desired schema built anew from nothing by its own plan in a second scratch schema. */
    private Schema settledElsewhere(Connection connection, Schema raw, WrittenExpressions written, int serverVersion)
            throws SQLException {
        ScratchSchema scratch = build(() -> {
            ScratchSchema created = ScratchSchema.create(connection, "belay_settle_");
            created.run(connection, SchemaDiff
                .between(Schema.empty(), raw, DiffOptions.defaults().withServerVersion(serverVersion))
                .writtenAs(written)
                .sqlStatements());
            return created;
        });
        return this.inspector.inspect(connection, scratch.name());
    }

    /**
     * The statements that make again, from their rendered text, the objects whose text PostgreSQL
     * may render in other words than it was written in and that are not known as written: check
     * constraints, column defaults, and indexes with expressions or a predicate.
     */
    private static List<SqlStatement> respelled(Schema schema, WrittenExpressions written) {
        RecordingStatementSink sink = new RecordingStatementSink();
        DatabaseActions actions = new DatabaseActions(sink);
        for (Table table : schema.tables().values()) {
            for (Column column : table.columns().values()) {
                if (column.defaultExpression() != null
                        && written.defaultOf(table.name(), column.name(), column.defaultExpression()) == null) {
                    actions.setColumnDefault(table.name(), column.name(), column.defaultExpression());
                }
            }
            for (CheckConstraint check : table.checkConstraints().values()) {
                if (written.check(check) == null) {
                    actions.dropConstraint(table.name(), check.name());
                    actions.addCheckConstraint(check);
                }
            }
            for (Index index : table.indexes().values()) {
                if (index.predicate() != null || index.keys().stream().anyMatch((key) -> key.contains("("))) {
                    actions.dropIndex(index.name());
                    actions.createIndex(index);
                }
            }
        }
        return sink.statements();
    }

    /** Whether a generated column's expression is not known as written. */
    private static boolean hasUnwrittenGeneratedColumns(Schema schema, WrittenExpressions written) {
        return schema.tables().values().stream()
            .flatMap((table) -> table.columns().values().stream())
            .anyMatch((column) -> column.generated() != null
                    && written.generatedOf(column.table(), column.name(), column.generated().expression()) == null);
    }

    /** Runs a build of the desired schema from Belay's own statements; a failure is Belay's bug. */
    private static <T> T build(Build<T> build) {
        try {
            return build.run();
        }
        catch (SQLException ex) {
            throw new MigrationException("Belay could not build the schema the mapping wants from its own plan: "
                    + ex.getMessage() + ".", "This is a bug in Belay: please report it with the mapping of the "
                            + "table named in the statement.", ex);
        }
    }

    @FunctionalInterface
    private interface Build<T> {

        T run() throws SQLException;

    }

    private Schema shadow(MigrationSettings settings) {
        String scratch = ScratchSchema.newName("belay_shadow_");
        return DevDatabase.rehearsals(this.runner, this.dev).rehearse(scratch,
                (connection) -> settings.managed(this.inspector.inspect(connection, scratch)));
    }

    private static String ids(List<RevisionStatus> revisions) {
        return revisions.stream().map((revision) -> "'" + revision.id() + "'").collect(Collectors.joining(", "));
    }

    private static String count(int count, String noun) {
        return count + " " + noun + ((count == 1) ? "" : "s");
    }

    /**
     * The two schemas to compare, the desired schema's expressions as written (for the plan's
     * statements) and the server's major version; the desired schema keeps what expand/contract
     * changes leave for a later release ({@code deferred}), which the mapping alone ({@code mapped})
     * has given up.
     */
    private record Sides(Schema current, Schema desired, WrittenExpressions written, int serverVersion, Schema mapped,
            List<Deferral> deferred) {

        /** The same sides, with more kept for the previous release. */
        Sides keeping(List<Deferral> more) {
            List<Deferral> all = new ArrayList<>(this.deferred);
            more.stream().filter((deferral) -> !all.contains(deferral)).forEach(all::add);
            return new Sides(this.current, Deferrals.keep(this.mapped, this.current, all), this.written,
                    this.serverVersion, this.mapped, all);
        }

        /** The deferrals still open: what the desired schema keeps for the previous release. */
        List<Deferral> pending() {
            return Deferrals.pending(this.mapped, this.current, this.deferred);
        }

    }

    /** The desired schema as compared, and its expressions known as written. */
    private record Desired(Schema schema, WrittenExpressions written) {

    }


}
