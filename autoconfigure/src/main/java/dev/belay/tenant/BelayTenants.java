package dev.belay.tenant;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.belay.revision.HistoryState;
import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionGraph;
import dev.belay.revision.RevisionHistory.States;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.SchemaRecorder;
import dev.belay.tenant.TenantSettings.OnFailure;
import dev.belay.tenant.TenantStatus.Standing;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One chain of revisions over many tenants: each tenant (a schema of the application's
 * database, or a database of its own) has its own history table and its own migration lock, and
 * is brought to the target by its own {@link MigrationRunner}, {@code parallelism} at a time.
 * <p>
 * Bringing every tenant to the target first reads every tenant's history in a few queries per
 * database (not one per tenant), and runs only the tenants with pending revisions: the canaries
 * first, on their own, then the rest. A tenant that fails either stops the run (no new tenant
 * starts, those running finish) or lets the others go on, as {@link TenantSettings#onFailure()}
 * says; a failed canary always stops it.
 * <p>
 * A bean when tenants are configured ({@code belay.tenants.schemas} or a {@link TenantSource}
 * bean); {@link #migrate(String)} brings a tenant that signs up while the application runs to the
 * target.
 */
public final class BelayTenants {

    private static final Log logger = LogFactory.getLog(BelayTenants.class);

    private final MigrationRunner runner;

    private final @Nullable MigrationRunner application;

    private final List<String> schemas;

    private final List<TenantSource> sources;

    private final TenantSettings settings;

    private final @Nullable String target;

    /** Tenants added at runtime by {@link #migrate(String)} that no source returned yet. */
    private final Map<String, Tenant> added = new ConcurrentHashMap<>();

    /** Why each tenant whose last migration in this process failed failed. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    /**
     * @param runner the application's runner: its revisions and settings serve every tenant, and
     * its data source is the database of the tenants that have none of their own
     * @param schemas tenants named by configuration, each a schema of the application's database
     * @param sources the application's sources of tenants
     * @param settings how many at once, how many canaries, what a failure does
     * @param target the revision every tenant is brought to, or {@code null} for every head
     */
    public BelayTenants(MigrationRunner runner, List<String> schemas, List<TenantSource> sources,
            TenantSettings settings, @Nullable String target) {
        this(runner, null, schemas, sources, settings, target);
    }

    /**
     * Tenants beside the application's own schema, which has revisions of its own: the
     * {@linkplain dev.belay.revision.MigrationRevision#shared() shared} ones, applied to it first.
     * @param application the runner of the application's own schema with the shared revisions, or
     * {@code null} when there are none
     * @see #BelayTenants(MigrationRunner, List, List, TenantSettings, String)
     */
    public BelayTenants(MigrationRunner runner, @Nullable MigrationRunner application, List<String> schemas,
            List<TenantSource> sources, TenantSettings settings, @Nullable String target) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.application = application;
        this.schemas = List.copyOf(schemas);
        this.sources = List.copyOf(sources);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.target = target;
    }

    public TenantSettings settings() {
        return this.settings;
    }

    /** The tenants' revisions. */
    public RevisionGraph graph() {
        return this.runner.graph();
    }

    /**
     * The runner of the application's own schema with its
     * {@linkplain dev.belay.revision.MigrationRevision#shared() shared} revisions, when it has any.
     */
    public Optional<MigrationRunner> application() {
        return Optional.ofNullable(this.application);
    }

    /**
     * Every tenant: those {@code belay.tenants.schemas} names, then those of each
     * {@link TenantSource}, then those added at runtime.
     * @throws MigrationException when two tenants have the same name or the same schema of the same
     * database
     */
    public List<Tenant> tenants() {
        Map<String, Tenant> byName = new LinkedHashMap<>();
        List<Tenant> all = new ArrayList<>();
        this.schemas.stream().map(Tenant::schema).forEach(all::add);
        this.sources.forEach((source) -> all.addAll(Objects.requireNonNull(source.tenants(),
                () -> "TenantSource " + source.getClass().getName() + " returned null")));
        Map<DataSource, Map<String, Tenant>> bySchema = new IdentityHashMap<>();
        for (Tenant tenant : all) {
            Tenant before = byName.putIfAbsent(tenant.name(), tenant);
            if (before != null) {
                throw new MigrationException("Two tenants are named '" + tenant.name() + "': " + before + " and "
                        + tenant + ".", "Give every tenant a name of its own (belay.tenants.schemas and the "
                                + "application's TenantSource beans together).");
            }
            String schema = schemaOf(tenant);
            if (schema != null) {
                Tenant sharing = bySchema.computeIfAbsent(databaseOf(tenant), (key) -> new LinkedHashMap<>())
                    .putIfAbsent(schema, tenant);
                if (sharing != null) {
                    throw new MigrationException("Tenants '" + sharing.name() + "' and '" + tenant.name()
                            + "' are the same schema of the same database.",
                            "Give each tenant a schema of its own: they would share one history and one lock.");
                }
            }
        }
        this.added.values().forEach((tenant) -> byName.putIfAbsent(tenant.name(), tenant));
        return List.copyOf(byName.values());
    }

    /**
     * The tenant of that name.
     * @throws MigrationException naming the tenants there are when there is none of that name
     */
    public Tenant tenant(String name) {
        return find(name).orElseThrow(() -> new MigrationException("There is no tenant '" + name + "'.",
                "The tenants are " + describe(tenants()) + "; tenants come from belay.tenants.schemas and the "
                        + "application's TenantSource beans."));
    }

    /** The tenant of that name, if there is one. */
    public Optional<Tenant> find(String name) {
        return tenants().stream().filter((tenant) -> tenant.name().equals(name)).findFirst();
    }

    /** The runner of a tenant: the application's revisions and settings, on the tenant's schema and database. */
    public MigrationRunner runner(Tenant tenant) {
        MigrationRunner tenantRunner = (tenant.dataSource() != null) ? this.runner.forDataSource(tenant.dataSource())
                : this.runner;
        return (tenant.schema() != null) ? tenantRunner.forSchema(tenant.schema()) : tenantRunner;
    }

    /**
     * Brings every tenant to {@code belay.target} (every head when it is not set).
     * @see #migrateAll(String)
     */
    public TenantsResult migrateAll() {
        return migrateAll(this.target);
    }

    /**
     * Brings every tenant to the target: first the application's own schema to its shared
     * revisions' heads (when it has any: the tenants' revisions may use what they build), then
     * reads every tenant's history in a few queries per database and applies the pending revisions
     * of the tenants that have any, canaries first.
     * @param target the revision to bring every tenant to, or {@code null} for every head
     * @return every tenant's outcome; with {@code on-failure=continue} some may have failed
     * @throws TenantMigrationException when a canary failed, or a tenant failed with
     * {@code on-failure=stop}: it names them and the tenants left as they were
     * @throws MigrationException when the application's own schema could not be migrated: then no
     * tenant was touched
     */
    public TenantsResult migrateAll(@Nullable String target) {
        long started = System.nanoTime();
        if (target != null) {
            graph().get(target);
        }
        MigrationResult shared = migrateApplication();
        List<Tenant> tenants = tenants();
        int[] queries = { 0 };
        Map<Tenant, TenantHistories.History> histories = histories(tenants, queries, new IdentityHashMap<>());
        Map<Tenant, String> upToDate = new IdentityHashMap<>();
        histories.forEach((tenant, history) -> {
            if (history.schema() != null && needsNothing(history, target)) {
                upToDate.put(tenant, history.schema());
            }
        });
        List<Tenant> pending = tenants.stream().filter((tenant) -> !upToDate.containsKey(tenant)).toList();
        if (!pending.isEmpty()) {
            createRevisions(pending, histories, target);
        }
        else {
            logger.info("All " + TenantsResult.count(tenants.size()) + " are up to date"
                    + ((target != null) ? " for '" + target + "'" : "") + " (their histories read in " + queries[0]
                    + ((queries[0] == 1) ? " query" : " queries") + ")");
        }
        Map<Tenant, TenantOutcome> outcomes = rollout().run(pending, "migrate",
                (tenant) -> TenantOutcome.ran(tenant, runner(tenant).apply(target)));
        List<TenantOutcome> all = tenants.stream()
            .map((tenant) -> upToDate.containsKey(tenant) ? TenantOutcome.upToDate(tenant, upToDate.get(tenant))
                    : outcomes.get(tenant))
            .toList();
        TenantsResult result = new TenantsResult(all, millisSince(started), queries[0], shared);
        if (!pending.isEmpty()) {
            report(result, "migrate");
        }
        return result;
    }

    /**
     * Runs an operation (a rollback, say) on each of the given tenants, canaries first and
     * {@code parallelism} at a time, as {@link #migrateAll} does.
     * @param what what the operation does, as a verb, for messages ("roll back")
     * @throws TenantMigrationException as {@link #migrateAll} does
     */
    public TenantsResult forEach(List<Tenant> tenants, String what, Function<MigrationRunner, MigrationResult> operation) {
        long started = System.nanoTime();
        Map<Tenant, TenantOutcome> outcomes = rollout().run(tenants, what,
                (tenant) -> TenantOutcome.ran(tenant, operation.apply(runner(tenant))));
        TenantsResult result = new TenantsResult(tenants.stream().map(outcomes::get).toList(), millisSince(started),
                0);
        report(result, what);
        return result;
    }

    /**
     * Brings one tenant to the target while the application runs: a tenant that signed up, say.
     * A name that no tenant has is taken as a new schema of the application's database, which is
     * created and migrated, and counted among the tenants from then on (until the application
     * stops: let the application's {@link TenantSource} return it too).
     * @throws MigrationException when its migration failed; nothing of the failed revision stays
     */
    public MigrationResult migrate(String name) {
        Objects.requireNonNull(name, "name");
        Tenant tenant = find(name).orElseGet(() -> this.added.computeIfAbsent(name, Tenant::schema));
        try {
            migrateApplication();
            MigrationResult result = runner(tenant).apply(this.target);
            this.failures.remove(tenant.name());
            return result;
        }
        catch (RuntimeException ex) {
            this.failures.put(tenant.name(), message(ex));
            throw ex;
        }
    }

    /**
     * Applies the shared revisions to the application's own schema, if it has any: a tenant's
     * revisions may use what they build, so it comes before any tenant's migration.
     * @return what it applied, or {@code null} when there are no shared revisions
     */
    public @Nullable MigrationResult migrateApplication() {
        return (this.application != null) ? this.application.apply() : null;
    }

    /** Where every tenant stands, read in a few queries per database. */
    public TenantsStatus status() {
        List<Tenant> tenants = tenants();
        Map<Tenant, String> unreadable = new IdentityHashMap<>();
        Map<Tenant, TenantHistories.History> histories = histories(tenants, new int[1], unreadable);
        List<TenantStatus> statuses = tenants.stream()
            .map((tenant) -> histories.containsKey(tenant) ? status(tenant, histories.get(tenant))
                    : new TenantStatus(tenant.name(), schemaOf(tenant), Standing.UNREACHABLE, List.of(), 0,
                            unreadable.get(tenant)))
            .toList();
        return new TenantsStatus(graph().heads(), statuses,
                (this.application != null) ? this.application.status() : null);
    }

    /** Where one tenant stands, revision by revision. */
    public MigrationStatus status(String name) {
        return runner(tenant(name)).status();
    }

    /** Why the tenant's last migration in this process failed, if it did and it is still behind. */
    public Optional<String> failure(String name) {
        return Optional.ofNullable(this.failures.get(name));
    }

    private TenantStatus status(Tenant tenant, TenantHistories.History history) {
        if (history.schema() == null) {
            return new TenantStatus(tenant.name(), null, Standing.UNREACHABLE, List.of(), 0,
                    "its connection has no current schema (set its schema, or belay.schema)");
        }
        Map<String, HistoryState> states = history.states().states();
        Set<String> applied = states.entrySet()
            .stream()
            .filter((entry) -> entry.getValue() == HistoryState.APPLIED)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
        List<String> current = applied.stream()
            .filter((id) -> !graph().contains(id) || graph().childrenOf(id).stream().noneMatch(applied::contains))
            .sorted()
            .toList();
        int pending = graph().pending(applied.stream().filter(graph()::contains).collect(Collectors.toSet()), null)
            .size();
        String failure = this.failures.get(tenant.name());
        Standing standing;
        if (!states.keySet().stream().allMatch(graph()::contains)) {
            standing = Standing.UNKNOWN_REVISIONS;
        }
        else if (applied.size() < states.size()) {
            standing = Standing.INCOMPLETE;
        }
        else if (pending > 0) {
            standing = (failure != null) ? Standing.FAILED : Standing.BEHIND;
        }
        else {
            standing = Standing.AT_HEAD;
        }
        return new TenantStatus(tenant.name(), history.schema(), standing, current, pending,
                (standing == Standing.FAILED) ? failure : null);
    }

    /**
     * Every tenant's history, read in a few queries per database. A database that cannot be read
     * leaves its tenants out: their runners read for themselves, and fail with the reason.
     */
    private Map<Tenant, TenantHistories.History> histories(List<Tenant> tenants, int[] queries,
            Map<Tenant, String> unreadable) {
        Map<Tenant, TenantHistories.History> read = new IdentityHashMap<>();
        for (Map.Entry<DataSource, List<Tenant>> database : byDatabase(tenants).entrySet()) {
            List<Tenant> group = database.getValue();
            List<TenantHistories.History> histories;
            try {
                histories = TenantHistories.read(database.getKey(), group.stream().map(this::schemaOf).toList(),
                        this.runner.settings().historyTable(), queries);
            }
            catch (SQLException | RuntimeException ex) {
                logger.debug("Could not read the histories of " + TenantsResult.count(group.size())
                        + " at once; each tenant's runner reads its own", ex);
                group.forEach((tenant) -> unreadable.put(tenant, message(ex)));
                continue;
            }
            for (int i = 0; i < group.size(); i++) {
                read.put(group.get(i), histories.get(i));
            }
        }
        return read;
    }

    /**
     * Creates, on this thread, the revisions that the tenants about to migrate lack, before their
     * runners ask for them on threads of their own: revisions are beans, and the start creates
     * them while it holds the bean factory's lock, which a runner's thread would otherwise wait
     * for. A revision that cannot be created is left to fail in the runners, which name it.
     */
    private void createRevisions(List<Tenant> tenants, Map<Tenant, TenantHistories.History> histories,
            @Nullable String target) {
        Set<String> needed = new java.util.LinkedHashSet<>();
        for (Tenant tenant : tenants) {
            TenantHistories.History history = histories.get(tenant);
            Set<String> applied = (history != null) ? history.states().states().keySet() : Set.of();
            graph().pending(applied.stream().filter(graph()::contains).collect(Collectors.toSet()), target)
                .forEach((revision) -> needed.add(revision.id()));
        }
        for (String id : needed) {
            try {
                this.runner.revisions().instance(id);
            }
            catch (RuntimeException ex) {
                logger.debug("Revision '" + id + "' could not be created ahead of the tenants' runners", ex);
            }
        }
    }

    /**
     * Whether the tenant has nothing to do: every revision the target needs is applied, nothing
     * is incomplete or unknown, and the schema's fingerprint for the drift check is recorded for
     * this server's major. Every other tenant goes to its runner, which takes its lock, decides
     * for itself and names any problem.
     */
    private boolean needsNothing(TenantHistories.History history, @Nullable String target) {
        States states = history.states();
        if (!history.exists()) {
            return graph().isEmpty();
        }
        if (!states.states().keySet().stream().allMatch(graph()::contains)
                || states.states().values().stream().anyMatch((state) -> state != HistoryState.APPLIED)
                || !graph().pending(states.states().keySet(), target).isEmpty()) {
            return false;
        }
        // Without a fingerprint for this server, the runner records one for the drift check.
        return states.states().isEmpty() || (states.fingerprintColumns()
                && SchemaRecorder.major(states.schemaFingerprint()).filter((major) -> major == history.serverMajor())
                    .isPresent());
    }

    /** Logs the result, and throws when tenants failed with {@code on-failure=stop}. */
    private void report(TenantsResult result, String what) {
        if (result.passed()) {
            logger.info("Done with every tenant (" + what + ", " + result.totalMs() + " ms). " + result.summary());
            return;
        }
        if (this.settings.onFailure() == OnFailure.STOP) {
            throw new TenantMigrationException("Belay could not " + what + " every tenant, and stopped at the first "
                    + "failure (belay.tenants.on-failure=stop). " + result.summary(), "Each failed revision was "
                            + "rolled back and the tenants not started are as they were: fix what the error names and "
                            + "start again, or set belay.tenants.on-failure=continue to bring the others to the target "
                            + "regardless.", result);
        }
        logger.error("Belay could not " + what + " every tenant (belay.tenants.on-failure=continue, so the others "
                + "went on): " + result.summary() + " `belay status` names the tenants not at head.");
    }

    private TenantRollout rollout() {
        return new TenantRollout(this.settings, this::schemaOf, this.failures);
    }

    private Map<DataSource, List<Tenant>> byDatabase(List<Tenant> tenants) {
        Map<DataSource, List<Tenant>> groups = new IdentityHashMap<>();
        Map<DataSource, List<Tenant>> ordered = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            DataSource database = databaseOf(tenant);
            List<Tenant> group = groups.computeIfAbsent(database, (key) -> new ArrayList<>());
            if (group.isEmpty()) {
                ordered.put(database, group);
            }
            group.add(tenant);
        }
        return ordered;
    }

    private DataSource databaseOf(Tenant tenant) {
        return (tenant.dataSource() != null) ? tenant.dataSource() : this.runner.dataSource();
    }

    /** The tenant's schema, or {@code null} for its connection's current schema. */
    private @Nullable String schemaOf(Tenant tenant) {
        return (tenant.schema() != null) ? tenant.schema() : this.runner.settings().schema();
    }

    private static String message(Throwable ex) {
        return TenantRollout.message(ex);
    }

    private static String describe(List<Tenant> tenants) {
        if (tenants.isEmpty()) {
            return "none";
        }
        String names = tenants.stream().limit(20).map(Tenant::name).collect(Collectors.joining(", "));
        return (tenants.size() > 20) ? names + " and " + (tenants.size() - 20) + " more" : names;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

}
