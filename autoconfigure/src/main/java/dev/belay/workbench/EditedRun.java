package dev.belay.workbench;

import java.util.List;
import java.util.Objects;

import dev.belay.actions.SchemaSnapshot.ObjectDifference;
import dev.belay.revision.HistoryEntry;

/**
 * Revisions applied together whose effect on the schema is no longer what it was when they were
 * applied: one of them was edited since.
 *
 * @param revisions the revisions of the run, in the order they were applied
 * @param suspects those that touch what changed: the edited one, when it can be told
 * @param differences each line of the effect that changed: {@code before} as recorded when
 * applied, {@code after} as the revisions do it now ({@code null} where one side lacks it); the
 * object is prefixed {@code +} for what the run adds and {@code -} for what it removes
 * @param last the history row of the run's last revision (when and by whom it was applied)
 */
public record EditedRun(List<String> revisions, List<String> suspects, List<ObjectDifference> differences,
        HistoryEntry last) {

    public EditedRun {
        revisions = List.copyOf(revisions);
        suspects = List.copyOf(suspects);
        differences = List.copyOf(differences);
        Objects.requireNonNull(last, "last");
    }

}
