package dev.belay.workbench;

import java.util.List;
import java.util.Objects;

import dev.belay.diff.MigrationPlan;

import org.jspecify.annotations.Nullable;

/**
 * What {@code belay generate} did.
 *
 * @param plan the plan from the database (or the shadow) to the mapping, with the renames given
 * or confirmed
 * @param written the revision written, or {@code null} when there was nothing to do
 * @param possibleRenames drops and adds in the plan that look like renames and were not
 * confirmed, each with the hint that would make it one
 * @param shadow whether the plan started from the revisions applied to a scratch schema
 */
public record GenerateResult(MigrationPlan plan, @Nullable WrittenRevision written,
        List<RenameCandidate> possibleRenames, boolean shadow) {

    public GenerateResult {
        Objects.requireNonNull(plan, "plan");
        possibleRenames = List.copyOf(possibleRenames);
    }

    /** Whether the schema already matched the mapping, so nothing was written. */
    public boolean nothingToDo() {
        return this.written == null;
    }

}
