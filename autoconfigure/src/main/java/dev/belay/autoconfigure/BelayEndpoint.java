package dev.belay.autoconfigure;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.belay.actions.SqlStatement;
import dev.belay.revision.MigrationException;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.RevisionRun;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.tenant.BelayTenants;
import dev.belay.tenant.Tenant;
import dev.belay.tenant.TenantOutcome;
import dev.belay.tenant.TenantStatus;
import dev.belay.tenant.TenantsResult;
import dev.belay.tenant.TenantsStatus;
import dev.belay.actions.SchemaSnapshot.ObjectDifference;
import dev.belay.workbench.DatabaseDrift;
import dev.belay.workbench.Drift;
import dev.belay.workbench.DriftDetector;
import dev.belay.workbench.MappingDrift;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.context.ApplicationContext;

/**
 * The {@code belay} actuator endpoint.
 * <ul>
 * <li>{@code GET /actuator/belay}: each {@link MigrationRunner} of the application's contexts with
 * its schema, heads, current revisions, the incomplete and unknown ones, and every revision with
 * its state (applied, pending, incomplete, unknown), in the style of Spring Boot's {@code flyway}
 * endpoint. One query per runner.</li>
 * <li>{@code GET /actuator/belay/drift}: the two kinds of drift, by fingerprint and without DDL:
 * whether the database is what its revisions built (the objects that differ, and what to do) and
 * whether the JPA mapping is what the revisions were written for (the tables whose DDL changed).
 * It inspects the schema once, so it is a call of its own.</li>
 * <li>With tenants, {@code GET /actuator/belay} has each context's tenants instead of its runners
 * (the revisions are the tenants', not the application schema's): how many stand where, and each
 * tenant's state (read in a few queries per database, not one per tenant);
 * {@code GET /actuator/belay/drift} has the mapping side alone (the same for every tenant); and
 * {@code GET /actuator/belay/tenants/{name}} shows one tenant revision by revision, with its drift
 * (the database side, by fingerprint) and why its last migration failed.</li>
 * <li>{@code POST /actuator/belay} with an optional {@code {"target": "<revision id>"}} (and, with
 * tenants, an optional {@code "tenant": "<name>"}; without it every tenant is brought to the target): applies
 * the pending revisions (up to the target) and returns what it applied, or, through
 * {@link BelayEndpointWebExtension}, why it would not. Only with
 * {@code management.endpoint.belay.access=unrestricted}: the endpoint's default access is
 * read-only.</li>
 * </ul>
 */
@Endpoint(id = "belay", defaultAccess = Access.READ_ONLY)
public class BelayEndpoint {

    private static final String DRIFT = "drift";

    private static final String TENANTS = "tenants";

    private final ApplicationContext context;

    public BelayEndpoint(ApplicationContext context) {
        this.context = context;
    }

    @ReadOperation
    public BelayDescriptor revisions() {
        ApplicationContext target = this.context;
        Map<@Nullable String, ContextBelayDescriptor> contexts = new HashMap<>();
        while (target != null) {
            Map<String, TenantsDescriptor> tenants = new HashMap<>();
            target.getBeansOfType(BelayTenants.class)
                .forEach((name, all) -> tenants.put(name, new TenantsDescriptor(all.status())));
            Map<String, RunnerDescriptor> runners = new HashMap<>();
            if (tenants.isEmpty()) {
                target.getBeansOfType(MigrationRunner.class)
                    .forEach((name, runner) -> runners.put(name, new RunnerDescriptor(runner.status())));
            }
            else {
                // With tenants the runner's revisions are theirs; the application's own schema has
                // the shared revisions, if any.
                target.getBeansOfType(BelayTenants.class)
                    .forEach((name, all) -> all.application()
                        .ifPresent((application) -> runners.put(name + ".application",
                                new RunnerDescriptor(application.status()))));
            }
            ApplicationContext parent = target.getParent();
            contexts.put(target.getId(),
                    new ContextBelayDescriptor(runners, tenants, (parent != null) ? parent.getId() : null));
            target = parent;
        }
        return new BelayDescriptor(contexts);
    }

    /**
     * {@code GET /actuator/belay/drift}; any other name is not found. With tenants, only the
     * mapping side, which is the same for every tenant: each tenant's database side is in
     * {@code /actuator/belay/tenants/{name}}.
     */
    @ReadOperation
    public @Nullable OperationResponseBody drift(@Selector String name) {
        if (!DRIFT.equals(name)) {
            return null;
        }
        DriftDetector detector = this.context.getBeanProvider(DriftDetector.class).getIfAvailable();
        if (detector == null) {
            return null;
        }
        if (this.context.getBeanProvider(BelayTenants.class).getIfAvailable() != null) {
            return new TenantsDriftDescriptor(detector.mapping());
        }
        return new DriftDescriptor(detector.detect());
    }

    /**
     * {@code GET /actuator/belay/tenants/{name}}: one tenant, revision by revision, with its
     * drift (the database side: its schema against what its revisions built, by fingerprint) and
     * why its last migration in this process failed, if it did. Any other path, or a tenant that
     * does not exist, is not found.
     */
    @ReadOperation
    public @Nullable TenantDescriptor tenant(@Selector String section, @Selector String name) {
        BelayTenants tenants = this.context.getBeanProvider(BelayTenants.class).getIfAvailable();
        Optional<Tenant> tenant = (TENANTS.equals(section) && tenants != null) ? tenants.find(name) : Optional.empty();
        if (tenant.isEmpty()) {
            return null;
        }
        MigrationRunner runner = tenants.runner(tenant.get());
        MigrationStatus status = runner.status();
        DriftDetector detector = this.context.getBeanProvider(DriftDetector.class).getIfAvailable();
        DatabaseDrift drift = (detector != null) ? detector.forRunner(runner).database(status) : null;
        return new TenantDescriptor(name, status, drift, tenants.failure(name).orElse(null));
    }

    /**
     * Applies pending revisions of the application's {@link MigrationRunner}, or with tenants of
     * every tenant (or the one named). Over HTTP,
     * {@link BelayEndpointWebExtension} answers instead, with the reason for a refusal in the body.
     * @param target the revision to stop at (with every revision it comes after), or {@code null} for all
     * @throws InvalidEndpointRequestException when there is no such revision
     * @throws MigrationException when Belay refuses to apply or a revision fails
     */
    @WriteOperation
    public OperationResponseBody apply(@Nullable String target, @Nullable String tenant) {
        try {
            return applyTo(target, tenant);
        }
        catch (UnknownTargetException ex) {
            throw new InvalidEndpointRequestException(ex.getMessage(), "Unknown target revision");
        }
    }

    /**
     * @throws UnknownTargetException when there is no such revision: the caller's mistake, told
     * apart from Belay refusing to apply or a revision failing (any other MigrationException)
     */
    OperationResponseBody applyTo(@Nullable String target, @Nullable String tenant) {
        MigrationRunner runner = this.context.getBean(MigrationRunner.class);
        if (target != null && !runner.graph().contains(target)) {
            throw new UnknownTargetException(target, runner.graph().heads());
        }
        BelayTenants tenants = this.context.getBeanProvider(BelayTenants.class).getIfAvailable();
        if (tenants == null) {
            if (tenant != null) {
                throw new UnknownTargetException("This application has no tenants, so there is no tenant '" + tenant
                        + "'.", "Leave \"tenant\" out to apply the pending revisions of the application's schema.");
            }
            return new AppliedDescriptor(runner.apply(target));
        }
        if (tenant == null) {
            return new TenantsAppliedDescriptor(tenants.migrateAll(target));
        }
        Tenant named = tenants.find(tenant)
            .orElseThrow(() -> new UnknownTargetException("There is no tenant '" + tenant + "'.", "Give the name of "
                    + "one of the tenants (GET /actuator/belay lists them), or no tenant to bring every tenant to the "
                    + "target."));
        tenants.migrateApplication();
        return new AppliedDescriptor(tenants.runner(named).apply(target));
    }

    /** The application's Belay runners, by context. */
    public static final class BelayDescriptor implements OperationResponseBody {

        private final Map<@Nullable String, ContextBelayDescriptor> contexts;

        private BelayDescriptor(Map<@Nullable String, ContextBelayDescriptor> contexts) {
            this.contexts = contexts;
        }

        public Map<@Nullable String, ContextBelayDescriptor> getContexts() {
            return this.contexts;
        }

    }

    /** The Belay runners of one application context. */
    public static final class ContextBelayDescriptor {

        private final Map<String, RunnerDescriptor> runners;

        private final Map<String, TenantsDescriptor> tenants;

        private final @Nullable String parentId;

        private ContextBelayDescriptor(Map<String, RunnerDescriptor> runners, Map<String, TenantsDescriptor> tenants,
                @Nullable String parentId) {
            this.runners = runners;
            this.tenants = tenants;
            this.parentId = parentId;
        }

        public Map<String, RunnerDescriptor> getRunners() {
            return this.runners;
        }

        /** The context's tenants, by bean name: where each tenant stands. Empty without tenants. */
        public Map<String, TenantsDescriptor> getTenants() {
            return this.tenants;
        }

        public @Nullable String getParentId() {
            return this.parentId;
        }

    }

    /** Where one runner's schema stands. */
    public static final class RunnerDescriptor {

        private final MigrationStatus status;

        private RunnerDescriptor(MigrationStatus status) {
            this.status = status;
        }

        public String getSchema() {
            return this.status.schema();
        }

        public String getHistoryTable() {
            return this.status.historyTable();
        }

        public List<String> getHeads() {
            return this.status.heads();
        }

        /** The applied revisions that no applied revision comes after. */
        public List<String> getCurrent() {
            return this.status.current();
        }

        /**
         * The revisions that started and did not finish (interrupted non-transactional ones): the
         * database may be partly migrated, and applying resumes or refuses with what to do.
         */
        public List<String> getIncomplete() {
            return this.status.inState(RevisionState.INCOMPLETE).stream().map(RevisionStatus::id).toList();
        }

        /** The revisions the database has and the application does not: newer code migrated it. */
        public List<String> getUnknown() {
            return this.status.inState(RevisionState.UNKNOWN).stream().map(RevisionStatus::id).toList();
        }

        public boolean isUpToDate() {
            return this.status.upToDate();
        }

        public List<RevisionDescriptor> getRevisions() {
            return this.status.revisions().stream().map(RevisionDescriptor::new).toList();
        }

    }

    /** Where every tenant stands, read in a few queries per database. */
    public static final class TenantsDescriptor {

        private final TenantsStatus status;

        private TenantsDescriptor(TenantsStatus status) {
            this.status = status;
        }

        public List<String> getHeads() {
            return this.status.heads();
        }

        public boolean isAllAtHead() {
            return this.status.allAtHead();
        }

        /** How many tenants stand where: {@code AT_HEAD}, {@code BEHIND}, {@code FAILED}, ... */
        public Map<String, Integer> getCounts() {
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            this.status.counts().forEach((standing, count) -> counts.put(standing.name(), count));
            return counts;
        }

        public List<TenantSummaryDescriptor> getTenants() {
            return this.status.tenants().stream().map(TenantSummaryDescriptor::new).toList();
        }

    }

    /** Where one tenant stands, in the summary of every tenant. */
    public static final class TenantSummaryDescriptor {

        private final TenantStatus tenant;

        private TenantSummaryDescriptor(TenantStatus tenant) {
            this.tenant = tenant;
        }

        public String getName() {
            return this.tenant.tenant();
        }

        public @Nullable String getSchema() {
            return this.tenant.schema();
        }

        /** {@code AT_HEAD}, {@code BEHIND}, {@code FAILED}, {@code INCOMPLETE}, ... */
        public String getState() {
            return this.tenant.standing().name();
        }

        public List<String> getCurrent() {
            return this.tenant.current();
        }

        public int getPending() {
            return this.tenant.pending();
        }

        /** Why its last migration failed, or why it could not be read. */
        public @Nullable String getError() {
            return this.tenant.error();
        }

    }

    /** One tenant, revision by revision, with its drift. */
    public static final class TenantDescriptor implements OperationResponseBody {

        private final String name;

        private final RunnerDescriptor status;

        private final @Nullable DatabaseDriftDescriptor drift;

        private final @Nullable String failure;

        private TenantDescriptor(String name, MigrationStatus status, @Nullable DatabaseDrift drift,
                @Nullable String failure) {
            this.name = name;
            this.status = new RunnerDescriptor(status);
            this.drift = (drift != null) ? new DatabaseDriftDescriptor(status.schema(), drift) : null;
            this.failure = failure;
        }

        public String getName() {
            return this.name;
        }

        /** Its schema, heads, current revisions and every revision with its state. */
        public RunnerDescriptor getStatus() {
            return this.status;
        }

        /** Its schema against what its revisions built, when the application has a JPA mapping. */
        public @Nullable DatabaseDriftDescriptor getDrift() {
            return this.drift;
        }

        /** Why its last migration in this process failed, if it did and it is still behind. */
        public @Nullable String getFailure() {
            return this.failure;
        }

    }

    /** What bringing every tenant to the target did. */
    public static final class TenantsAppliedDescriptor implements OperationResponseBody {

        private final TenantsResult result;

        private TenantsAppliedDescriptor(TenantsResult result) {
            this.result = result;
        }

        /** Whether every tenant is at the target. */
        public boolean isPassed() {
            return this.result.passed();
        }

        public long getTotalMs() {
            return this.result.totalMs();
        }

        public List<TenantAppliedDescriptor> getTenants() {
            return this.result.outcomes().stream().map(TenantAppliedDescriptor::new).toList();
        }

    }

    /** What bringing one tenant to the target did. */
    public static final class TenantAppliedDescriptor {

        private final TenantOutcome outcome;

        private TenantAppliedDescriptor(TenantOutcome outcome) {
            this.outcome = outcome;
        }

        public String getName() {
            return this.outcome.tenant();
        }

        public @Nullable String getSchema() {
            return this.outcome.schema();
        }

        /** {@code UP_TO_DATE}, {@code MIGRATED}, {@code FAILED} or {@code NOT_STARTED}. */
        public String getState() {
            return this.outcome.state().name();
        }

        public List<String> getApplied() {
            return (this.outcome.result() != null) ? this.outcome.result().ids() : List.of();
        }

        public @Nullable String getError() {
            return this.outcome.error();
        }

    }

    /** One revision and where it stands. */
    public static final class RevisionDescriptor {

        private final RevisionStatus revision;

        private RevisionDescriptor(RevisionStatus revision) {
            this.revision = revision;
        }

        public String getId() {
            return this.revision.id();
        }

        public List<String> getParents() {
            return this.revision.parents();
        }

        public String getMessage() {
            return this.revision.message();
        }

        public String getState() {
            return this.revision.state().name();
        }

        public @Nullable Instant getAppliedAt() {
            return this.revision.appliedAt();
        }

        public @Nullable Long getExecutionMs() {
            return this.revision.executionMs();
        }

        public @Nullable String getAppliedBy() {
            return this.revision.appliedBy();
        }

    }

    /**
     * Both kinds of drift, by fingerprint: the database against what its revisions built, and the
     * JPA mapping against what the revisions were written for.
     */
    public static final class DriftDescriptor implements OperationResponseBody {

        private final Drift drift;

        private DriftDescriptor(Drift drift) {
            this.drift = drift;
        }

        public String getSchema() {
            return this.drift.status().schema();
        }

        /** Whether neither the database nor the mapping is known to differ. */
        public boolean isMatches() {
            return this.drift.matches();
        }

        /** The revisions not applied yet. */
        public List<String> getPendingRevisions() {
            return this.drift.pending().stream().map(RevisionStatus::id).toList();
        }

        public DatabaseDriftDescriptor getDatabase() {
            return new DatabaseDriftDescriptor(this.drift.status().schema(), this.drift.database());
        }

        public MappingDriftDescriptor getMapping() {
            return new MappingDriftDescriptor(this.drift.mapping());
        }

    }

    /**
     * With tenants: the JPA mapping against what the revisions were written for, once for every
     * tenant; each tenant's database side is compared on its own page.
     */
    public static final class TenantsDriftDescriptor implements OperationResponseBody {

        private final MappingDrift mapping;

        private TenantsDriftDescriptor(MappingDrift mapping) {
            this.mapping = mapping;
        }

        /** Whether the mapping is not known to differ. */
        public boolean isMatches() {
            return !this.mapping.differs();
        }

        public MappingDriftDescriptor getMapping() {
            return new MappingDriftDescriptor(this.mapping);
        }

        /** Where each tenant's database side is. */
        public String getDatabase() {
            return "Each tenant's schema against what its revisions built: GET /actuator/belay/tenants/{name}.";
        }

    }

    /** The database against what its applied revisions built. */
    public static final class DatabaseDriftDescriptor {

        private final String schema;

        private final DatabaseDrift drift;

        private DatabaseDriftDescriptor(String schema, DatabaseDrift drift) {
            this.schema = schema;
            this.drift = drift;
        }

        /** {@code MATCHES}, {@code DIFFERS} or {@code UNKNOWN}. */
        public String getState() {
            return this.drift.state().name();
        }

        /** The latest applied revision, whose recorded schema was compared. */
        public @Nullable String getRevision() {
            return this.drift.revision();
        }

        public List<ObjectDifference> getDifferences() {
            return this.drift.differences();
        }

        /** Why it cannot be told, when it cannot. */
        public @Nullable String getNote() {
            return this.drift.note();
        }

        /** What to do, when it differs. */
        public @Nullable String getAdvice() {
            return this.drift.differs() ? advice(DriftReport.database(this.schema, this.drift, "")) : null;
        }

    }

    /** The JPA mapping against what the revisions were written for. */
    public static final class MappingDriftDescriptor {

        private final MappingDrift drift;

        private MappingDriftDescriptor(MappingDrift drift) {
            this.drift = drift;
        }

        /** {@code MATCHES}, {@code DIFFERS} or {@code UNKNOWN}. */
        public String getState() {
            return this.drift.state().name();
        }

        /** The revision whose mapping snapshot was compared. */
        public @Nullable String getRevision() {
            return this.drift.revision();
        }

        /** What changed, e.g. {@code table ride}. */
        public List<String> getChanged() {
            return this.drift.subjects();
        }

        /** Hibernate's statements for the mapping now that it did not have. */
        public List<String> getAdded() {
            return (this.drift.changes() != null) ? this.drift.changes().added() : List.of();
        }

        /** Hibernate's statements it had that it has no more. */
        public List<String> getRemoved() {
            return (this.drift.changes() != null) ? this.drift.changes().removed() : List.of();
        }

        /** Why it cannot be told, when it cannot. */
        public @Nullable String getNote() {
            return this.drift.note();
        }

        /** What to do, when it differs. */
        public @Nullable String getAdvice() {
            return this.drift.differs() ? advice(DriftReport.mapping(this.drift, "")) : null;
        }

    }

    /** The last paragraph of a report: what to do. */
    private static String advice(String report) {
        return report.substring(report.lastIndexOf("\n\n") + 2);
    }

    /** What an apply did. */
    public static final class AppliedDescriptor implements OperationResponseBody {

        private final MigrationResult result;

        private AppliedDescriptor(MigrationResult result) {
            this.result = result;
        }

        public String getSchema() {
            return this.result.schema();
        }

        public List<AppliedRevisionDescriptor> getApplied() {
            return this.result.revisions().stream().map(AppliedRevisionDescriptor::new).toList();
        }

        public long getTotalMs() {
            return this.result.totalMs();
        }

    }

    /** Why the endpoint refused a request, and what to do about it. */
    public static final class RefusalDescriptor implements OperationResponseBody {

        private final String error;

        private final String fix;

        RefusalDescriptor(MigrationException refusal) {
            this.error = refusal.problem();
            this.fix = refusal.fix();
        }

        /** What is wrong, naming the revisions involved. */
        public String getError() {
            return this.error;
        }

        /** What to do about it. */
        public String getFix() {
            return this.fix;
        }

    }

    /** One revision that was applied. */
    public static final class AppliedRevisionDescriptor {

        private final RevisionRun run;

        private AppliedRevisionDescriptor(RevisionRun run) {
            this.run = run;
        }

        public String getId() {
            return this.run.id();
        }

        public String getMessage() {
            return this.run.message();
        }

        public long getExecutionMs() {
            return this.run.executionMs();
        }

        public List<String> getStatements() {
            return this.run.statements().stream().map(SqlStatement::sql).toList();
        }

    }

    /** A target that is not a revision of the application: the request is wrong, not the database. */
    static final class UnknownTargetException extends MigrationException {

        UnknownTargetException(String problem, String fix) {
            super(problem, fix);
        }

        UnknownTargetException(String target, List<String> heads) {
            super("There is no revision '" + target + "'.", "Give the id of one of the application's revisions "
                    + "(GET /actuator/belay lists them), or no target to apply every pending revision; the heads are "
                    + heads.stream().map((head) -> "'" + head + "'").collect(Collectors.joining(", ")) + ".");
        }

    }

}
