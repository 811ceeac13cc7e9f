package dev.belay.autoconfigure;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.belay.actions.SqlStatement;
import dev.belay.diff.Change;
import dev.belay.diff.Hazard;
import dev.belay.diff.MigrationPlan;
import dev.belay.revision.MigrationException;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.RevisionRun;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.workbench.Comparison;
import dev.belay.workbench.SchemaWorkbench;

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
 * <li>{@code GET /actuator/belay/drift}: the JPA mapping compared with the database: whether they
 * match, and the changes (with their SQL and hazards) that would bring the database to the
 * mapping. It builds the desired schema in a scratch schema, so it costs more than the status and
 * is a call of its own.</li>
 * <li>{@code POST /actuator/belay} with an optional {@code {"target": "<revision id>"}}: applies
 * the pending revisions (up to the target) and returns what it applied, or, through
 * {@link BelayEndpointWebExtension}, why it would not. Only with
 * {@code management.endpoint.belay.access=unrestricted}: the endpoint's default access is
 * read-only.</li>
 * </ul>
 */
@Endpoint(id = "belay", defaultAccess = Access.READ_ONLY)
public class BelayEndpoint {

    private static final String DRIFT = "drift";

    private final ApplicationContext context;

    public BelayEndpoint(ApplicationContext context) {
        this.context = context;
    }

    @ReadOperation
    public BelayDescriptor revisions() {
        ApplicationContext target = this.context;
        Map<@Nullable String, ContextBelayDescriptor> contexts = new HashMap<>();
        while (target != null) {
            Map<String, RunnerDescriptor> runners = new HashMap<>();
            target.getBeansOfType(MigrationRunner.class)
                .forEach((name, runner) -> runners.put(name, new RunnerDescriptor(runner.status())));
            ApplicationContext parent = target.getParent();
            contexts.put(target.getId(), new ContextBelayDescriptor(runners, (parent != null) ? parent.getId() : null));
            target = parent;
        }
        return new BelayDescriptor(contexts);
    }

    /** {@code GET /actuator/belay/drift}; any other name is not found. */
    @ReadOperation
    public @Nullable DriftDescriptor drift(@Selector String name) {
        if (!DRIFT.equals(name)) {
            return null;
        }
        SchemaWorkbench workbench = this.context.getBeanProvider(SchemaWorkbench.class).getIfAvailable();
        if (workbench == null) {
            return null;
        }
        return new DriftDescriptor(workbench.drift());
    }

    /**
     * Applies pending revisions of the application's {@link MigrationRunner}. Over HTTP,
     * {@link BelayEndpointWebExtension} answers instead, with the reason for a refusal in the body.
     * @param target the revision to stop at (with every revision it comes after), or {@code null} for all
     * @throws InvalidEndpointRequestException when there is no such revision
     * @throws MigrationException when Belay refuses to apply or a revision fails
     */
    @WriteOperation
    public AppliedDescriptor apply(@Nullable String target) {
        try {
            return applyTo(target);
        }
        catch (UnknownTargetException ex) {
            throw new InvalidEndpointRequestException(ex.getMessage(), "Unknown target revision");
        }
    }

    /**
     * @throws UnknownTargetException when there is no such revision: the caller's mistake, told
     * apart from Belay refusing to apply or a revision failing (any other MigrationException)
     */
    AppliedDescriptor applyTo(@Nullable String target) {
        MigrationRunner runner = this.context.getBean(MigrationRunner.class);
        if (target != null && !runner.graph().contains(target)) {
            throw new UnknownTargetException(target, runner.graph().heads());
        }
        return new AppliedDescriptor(runner.apply(target));
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

        private final @Nullable String parentId;

        private ContextBelayDescriptor(Map<String, RunnerDescriptor> runners, @Nullable String parentId) {
            this.runners = runners;
            this.parentId = parentId;
        }

        public Map<String, RunnerDescriptor> getRunners() {
            return this.runners;
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

    /** The JPA mapping compared with the database. */
    public static final class DriftDescriptor implements OperationResponseBody {

        private final Comparison drift;

        private DriftDescriptor(Comparison drift) {
            this.drift = drift;
        }

        public String getSchema() {
            return this.drift.status().schema();
        }

        /** Whether the database is what the mapping wants. */
        public boolean isMatches() {
            return this.drift.matches();
        }

        /** The revisions not applied yet, which may account for some of the changes. */
        public List<String> getPendingRevisions() {
            return this.drift.pending().stream().map(RevisionStatus::id).toList();
        }

        public List<ChangeDescriptor> getChanges() {
            MigrationPlan plan = this.drift.plan();
            List<Change> changes = plan.changes();
            return java.util.stream.IntStream.range(0, changes.size())
                .mapToObj((i) -> new ChangeDescriptor(changes.get(i), plan.statementsOf(i)))
                .toList();
        }

    }

    /** One change that the database needs to match the mapping. */
    public static final class ChangeDescriptor {

        private final Change change;

        private final List<SqlStatement> statements;

        private ChangeDescriptor(Change change, List<SqlStatement> statements) {
            this.change = change;
            this.statements = statements;
        }

        /** What it concerns, e.g. {@code column ride.distance}. */
        public String getObject() {
            return this.change.object().toString();
        }

        public List<String> getStatements() {
            return this.statements.stream().map(SqlStatement::sql).toList();
        }

        public List<String> getHazards() {
            return this.change.hazards().stream().map(Hazard::toString).toList();
        }

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

        UnknownTargetException(String target, List<String> heads) {
            super("There is no revision '" + target + "'.", "Give the id of one of the application's revisions "
                    + "(GET /actuator/belay lists them), or no target to apply every pending revision; the heads are "
                    + heads.stream().map((head) -> "'" + head + "'").collect(Collectors.joining(", ")) + ".");
        }

    }

}
