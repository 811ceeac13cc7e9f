package dev.belay.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import dev.belay.diff.MigrationPlan;
import dev.belay.lint.LintReport;

import org.jspecify.annotations.Nullable;

/**
 * What {@code belay generate} did.
 *
 * @param plan the plan from the database (or the shadow) to the mapping, with the renames given
 * or confirmed
 * @param revisions the revisions written, in chain order (each after the one before): none when
 * there was nothing to do, one when the plan fits in one transaction, a chain when some steps
 * must or should commit on their own (see {@link MigrationPlan#segments()})
 * @param possibleRenames drops and adds in the plan that look like renames and were not
 * confirmed, each with the hint that would make it one
 * @param shadow whether the plan started from the revisions applied to a scratch schema
 * @param mapping the mapping snapshot written beside the last revision written (or, when there was
 * nothing to do, beside the head, if it was missing or old), or {@code null}
 * @param lint what {@code belay lint} finds in the revisions written, rehearsed before they were
 * written, or {@code null} when none was written or the rehearsal could not run
 * @param deferred the steps of expand/contract changes that wait for a later release after this
 * one (what the schema keeps for the previous release)
 * @param finished the steps that {@code --contract} finished in the revisions written
 * @param lintSkipped why the revisions written were not linted, or {@code null} when they were (or
 * none was written)
 */
public record GenerateResult(MigrationPlan plan, List<WrittenRevision> revisions,
        List<RenameCandidate> possibleRenames, boolean shadow, @Nullable Path mapping, @Nullable LintReport lint,
        List<Deferral> deferred, List<Deferral> finished, @Nullable String lintSkipped) {

    public GenerateResult {
        Objects.requireNonNull(plan, "plan");
        revisions = List.copyOf(revisions);
        possibleRenames = List.copyOf(possibleRenames);
        deferred = List.copyOf(deferred);
        finished = List.copyOf(finished);
    }

    /** A result whose revisions were linted (or that wrote none). */
    public GenerateResult(MigrationPlan plan, List<WrittenRevision> revisions, List<RenameCandidate> possibleRenames,
            boolean shadow, @Nullable Path mapping, @Nullable LintReport lint, List<Deferral> deferred,
            List<Deferral> finished) {
        this(plan, revisions, possibleRenames, shadow, mapping, lint, deferred, finished, null);
    }

    /** A result without a mapping snapshot. */
    public GenerateResult(MigrationPlan plan, List<WrittenRevision> revisions, List<RenameCandidate> possibleRenames,
            boolean shadow) {
        this(plan, revisions, possibleRenames, shadow, null, null, List.of(), List.of());
    }

    /** A result without lint findings. */
    public GenerateResult(MigrationPlan plan, List<WrittenRevision> revisions, List<RenameCandidate> possibleRenames,
            boolean shadow, @Nullable Path mapping) {
        this(plan, revisions, possibleRenames, shadow, mapping, null, List.of(), List.of());
    }

    /** Whether the schema already matched the mapping, so nothing was written. */
    public boolean nothingToDo() {
        return this.revisions.isEmpty();
    }

    /**
     * The revision written, when {@code generate} wrote one; {@code null} when it wrote none.
     * @throws IllegalStateException when it wrote a chain of revisions: see {@link #revisions()}
     */
    public @Nullable WrittenRevision written() {
        if (this.revisions.size() > 1) {
            throw new IllegalStateException("Generate wrote a chain of " + this.revisions.size()
                    + " revisions; see revisions()");
        }
        return this.revisions.isEmpty() ? null : this.revisions.get(0);
    }

}
