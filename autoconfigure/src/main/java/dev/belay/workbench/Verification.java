package dev.belay.workbench;

import java.util.List;
import java.util.Objects;

/**
 * What {@code belay verify} found: the runs of applied revisions whose effect changed since they
 * were applied (edited revisions), and what it could not check.
 *
 * @param schema the managed schema
 * @param edited the runs that now do something else than they did when applied here
 * @param checked how many applied revisions were checked
 * @param unchecked applied revisions with no recorded effect (stamped, or applied before Belay
 * recorded effects), which cannot be checked
 * @param unknown a revision in the history that the code lacks, at which the replay stopped
 */
public record Verification(String schema, List<EditedRun> edited, int checked, List<String> unchecked,
        List<String> unknown) {

    public Verification {
        Objects.requireNonNull(schema, "schema");
        edited = List.copyOf(edited);
        unchecked = List.copyOf(unchecked);
        unknown = List.copyOf(unknown);
    }

    /** Whether every checked revision still does what it did when applied, and none is unknown. */
    public boolean passed() {
        return this.edited.isEmpty() && this.unknown.isEmpty();
    }

}
