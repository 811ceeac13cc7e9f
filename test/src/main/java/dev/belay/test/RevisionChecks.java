package dev.belay.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.belay.actions.SchemaSnapshot.ObjectDifference;
import dev.belay.revision.DownKeeps;
import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionGraph;
import dev.belay.revision.RevisionInfo;
import dev.belay.runner.MigrationRunner;
import dev.belay.schema.Schema;
import dev.belay.workbench.Comparison;
import dev.belay.workbench.Drift;
import dev.belay.workbench.RenameCandidate;
import dev.belay.workbench.SchemaWorkbench;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The checks of {@link BelayRevisionTests} on one application's revision chain, each throwing a
 * {@link RevisionCheckFailure} that names the revision and shows the difference as SQL. They run
 * in schemas of their own ({@link TestSchema}), dropped on {@link #close()}: one that the whole
 * chain is applied to at once (for the mapping and drift checks), and one that the stairway climbs
 * a revision at a time.
 */
final class RevisionChecks implements AutoCloseable {

    private final MigrationRunner runner;

    private final @Nullable SchemaWorkbench workbench;

    private final @Nullable String target;

    private @Nullable TestSchema built;

    private @Nullable TestSchema stairway;

    /** The revisions the stairway has stepped through (or passed by), in order, to climb again after a failed step. */
    private final List<String> climbed = new ArrayList<>();

    /**
     * The stairway's schema as the last step left it, where the next one starts; {@code null}
     * before the first step and after a failed one, whose schema is then built again.
     */
    private @Nullable Schema stairwayTop;

    RevisionChecks(MigrationRunner runner, @Nullable SchemaWorkbench workbench, @Nullable String target) {
        this.runner = runner;
        this.workbench = workbench;
        this.target = (target == null || target.isBlank()) ? null : target;
    }

    /** Whether the mapping and drift checks can run: only with a JPA mapping to compare. */
    boolean hasMapping() {
        return this.workbench != null;
    }

    /** The graph has one head, or reaches {@code belay.target}. */
    void graph() {
        RevisionGraph graph = this.runner.graph();
        if (graph.isEmpty()) {
            throw new RevisionCheckFailure("There are no revisions: no bean is annotated @MigrationRevision in the test "
                    + "context. Write the first one with `belay generate`, or check that the test boots the application "
                    + "(its revisions are components, found by component scanning).");
        }
        if (this.target != null) {
            if (!graph.contains(this.target)) {
                throw new RevisionCheckFailure("belay.target names revision '" + this.target + "', which the code does "
                        + "not have. Its revisions' heads are " + graph.describe(graph.heads()) + ".");
            }
            return;
        }
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            throw new RevisionCheckFailure("The revisions have " + heads.size() + " heads, "
                    + graph.describe(heads) + ": branches that nothing merges, so an apply to head cannot tell "
                    + "where to stop. Merge them with `belay merge`, or set belay.target to the head to apply.");
        }
    }

    /** The revisions in the order an empty database applies them. */
    List<RevisionInfo> order() {
        return this.runner.graph().pending(Set.of(), this.target);
    }

    /**
     * The revisions the stairway steps through: all of them, or those from {@code from} on, the
     * ones before it applied without a step.
     * @throws RevisionCheckFailure when {@code from} is not one of the revisions applied
     */
    List<RevisionInfo> stairwaySteps(String from) {
        List<RevisionInfo> order = order();
        if (from.isEmpty()) {
            return order;
        }
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id().equals(from)) {
                order.subList(0, i).forEach((before) -> this.climbed.add(before.id()));
                return order.subList(i, order.size());
            }
        }
        throw new RevisionCheckFailure("@BelayRevisionTests(stairwayFrom = \"" + from + "\") names a revision that "
                + (this.runner.graph().contains(from) ? "the chain up to belay.target does not apply"
                        : "the code does not have")
                + ". Name one of " + order.stream().map((revision) -> "'" + revision.id() + "'")
                    .collect(Collectors.joining(", ")) + ".");
    }

    /** Every revision applies to an empty schema, in order. */
    void fromEmpty() {
        TestSchema schema = TestSchema.create(this.runner);
        this.built = schema;
        try {
            schema.runner().apply(this.target);
        }
        catch (MigrationException ex) {
            throw new RevisionCheckFailure("The revisions do not apply to an empty schema (" + schema.name() + "): "
                    + ex.getMessage(), ex);
        }
    }

    /** The mapping equals what the revisions build. */
    void mapping() {
        SchemaWorkbench workbench = requireWorkbench();
        TestSchema built = requireBuilt();
        Comparison comparison = workbench.forRunner(built.runner()).check();
        if (comparison.matches()) {
            // Whether the schema is still what the revisions recorded is the drift check's question.
            return;
        }
        StringBuilder message = new StringBuilder("The JPA mapping differs from what the revisions build (up to ")
            .append(describeHead())
            .append("): a revision is missing for it. The revision it needs would run:\n");
        comparison.plan().statements().forEach((sql) -> message.append("  ").append(sql).append(";\n"));
        List<RenameCandidate> renames = comparison.possibleRenames();
        if (!renames.isEmpty()) {
            message.append("Some drops and adds may be renames: ")
                .append(renames.stream().map(RenameCandidate::describe).collect(Collectors.joining("; ")))
                .append(".\n");
        }
        message.append("Write it with `belay generate` against a database at head (or by hand), then run the tests "
                + "again.");
        throw new RevisionCheckFailure(message.toString());
    }

    /** After a full apply, the database is what the revisions recorded and the mapping what they were written for. */
    void drift() {
        SchemaWorkbench workbench = requireWorkbench();
        TestSchema built = requireBuilt();
        Drift drift = workbench.driftDetector().forRunner(built.runner()).detect();
        if (drift.matches()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        if (drift.database().differs()) {
            message.append("Right after a full apply, the schema is not what revision ")
                .append(drift.database().revision())
                .append(" recorded it left (something changed it after the revision's history row was written, such as "
                        + "a revision that commits work of its own after Belay's):\n");
            for (ObjectDifference difference : drift.database().differences()) {
                message.append("  ").append(difference.describe()).append('\n');
            }
        }
        if (drift.mapping().differs()) {
            message.append("The JPA mapping changed since `belay generate` wrote revision ")
                .append(drift.mapping().revision())
                .append(" for it: ")
                .append(String.join(", ", drift.mapping().subjects()))
                .append(". Write a revision for the change with `belay generate`.\n");
        }
        throw new RevisionCheckFailure(message.toString().strip());
    }

    /**
     * One step of the stairway: {@code up}, {@code down} and {@code up} again, with the schema after
     * {@code down} equal to the schema before {@code up} (less what the revision declares it keeps)
     * and the second {@code up} building what the first built.
     */
    void stairway(RevisionInfo revision) {
        if (this.stairwayTop == null) {
            climbAfresh();
        }
        TestSchema schema = this.stairway;
        String name = revision.describe();
        Schema before = this.stairwayTop;
        this.stairwayTop = null;
        // The next step starts after this revision, whether its step passes or not.
        this.climbed.add(revision.id());
        run(revision, "up", () -> schema.migrateTo(revision.id()));
        Schema afterUp = schema.inspect();
        run(revision, "down", () -> schema.rollback(1));
        Schema afterDown = schema.inspect();
        int version = schema.serverMajorVersion();
        CatalogDifference restored = CatalogDifference.between(before, afterDown, kept(revision), version);
        if (!restored.isEmpty()) {
            throw new RevisionCheckFailure("Revision " + name + ": its down does not restore the schema its up started "
                    + "from.\n" + restored.describe("before up", "after down")
                    + "Make down undo what up did; if down keeps something on purpose, to keep its data, declare it on "
                    + "the revision with @DownKeeps(\"table.column\").");
        }
        run(revision, "up again, after down", () -> schema.migrateTo(revision.id()));
        Schema afterUpAgain = schema.inspect();
        CatalogDifference again = CatalogDifference.between(afterUp, afterUpAgain, Set.of(), version);
        if (!again.isEmpty()) {
            throw new RevisionCheckFailure("Revision " + name + ": its up, run again after its down, builds something "
                    + "else than the first time.\n" + again.describe("after the first up", "after the second up")
                    + "Make down undo what up did, and up build the same whatever down left.");
        }
        this.stairwayTop = afterUpAgain;
    }

    /**
     * A new stairway schema, climbed to where the last step left (or should have left) it: a
     * failure of one revision says nothing of the next.
     */
    private void climbAfresh() {
        if (this.stairway != null) {
            this.stairway.close();
        }
        TestSchema schema = TestSchema.create(this.runner);
        this.stairway = schema;
        for (String id : this.climbed) {
            try {
                schema.migrateTo(id);
            }
            catch (MigrationException ex) {
                throw new RevisionCheckFailure("The stairway cannot reach this revision: revision '" + id + "', before "
                        + "it, does not apply (its own step says why). " + ex.getMessage(), ex);
            }
        }
        this.stairwayTop = schema.inspect();
    }

    private static void run(RevisionInfo revision, String step, Runnable work) {
        try {
            work.run();
        }
        catch (MigrationException ex) {
            throw new RevisionCheckFailure("Revision " + revision.describe() + " failed on the stairway, at " + step
                    + ": " + ex.getMessage(), ex);
        }
    }

    /** What the revision declares that its down keeps. */
    private Set<String> kept(RevisionInfo revision) {
        Class<?> type = revisionClass(revision);
        DownKeeps keeps = (type != null) ? type.getAnnotation(DownKeeps.class) : null;
        return (keeps != null) ? new LinkedHashSet<>(Arrays.asList(keeps.value())) : Set.of();
    }

    private @Nullable Class<?> revisionClass(RevisionInfo revision) {
        try {
            return ClassUtils.getUserClass(this.runner.revisions().instance(revision.id()));
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private String describeHead() {
        if (this.target != null) {
            return "belay.target '" + this.target + "'";
        }
        return "head " + this.runner.graph().describe(this.runner.graph().heads());
    }

    private SchemaWorkbench requireWorkbench() {
        if (this.workbench == null) {
            throw new IllegalStateException("No SchemaWorkbench: the test context has no JPA mapping");
        }
        return this.workbench;
    }

    private TestSchema requireBuilt() {
        if (this.built == null) {
            throw new IllegalStateException("The revisions were not applied from empty first");
        }
        return this.built;
    }

    /** Drops the schemas the checks built. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (TestSchema schema : new TestSchema[] { this.built, this.stairway }) {
            if (schema == null) {
                continue;
            }
            try {
                schema.close();
            }
            catch (RuntimeException ex) {
                failure = ex;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

}
