package dev.belay.workbench;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code belay generate} was asked.
 *
 * @param message the revision's message, or {@code null} to describe what it does
 * @param shadow whether to diff against the revisions applied to a scratch schema instead of the
 * database itself
 * @param onlineSafe whether to plan online-safe (indexes built {@code CONCURRENTLY}, constraints
 * added {@code NOT VALID} and validated after)
 * @param renames the rename hints given
 * @param questions who to ask about drops and adds that look like renames, or {@code null} when
 * nobody can be asked
 * @param reorderKeys whether to rebuild a primary key that has the mapping's columns in another
 * order (by default it keeps its order, and the plan notes it)
 */
public record GenerateRequest(@Nullable String message, boolean shadow, boolean onlineSafe, List<RenameHint> renames,
        @Nullable RenameQuestions questions, boolean reorderKeys) {

    public GenerateRequest {
        renames = List.copyOf(renames);
    }

    /** No message, against the database itself, no hints, nobody to ask. */
    public static GenerateRequest defaults() {
        return new GenerateRequest(null, false, false, List.of(), null, false);
    }

    public GenerateRequest withMessage(@Nullable String message) {
        return new GenerateRequest(message, this.shadow, this.onlineSafe, this.renames, this.questions, this.reorderKeys);
    }

    public GenerateRequest withShadow(boolean shadow) {
        return new GenerateRequest(this.message, shadow, this.onlineSafe, this.renames, this.questions, this.reorderKeys);
    }

    public GenerateRequest withOnlineSafe(boolean onlineSafe) {
        return new GenerateRequest(this.message, this.shadow, onlineSafe, this.renames, this.questions, this.reorderKeys);
    }

    public GenerateRequest withRename(RenameHint hint) {
        List<RenameHint> renames = new ArrayList<>(this.renames);
        renames.add(hint);
        return new GenerateRequest(this.message, this.shadow, this.onlineSafe, renames, this.questions, this.reorderKeys);
    }

    public GenerateRequest withQuestions(@Nullable RenameQuestions questions) {
        return new GenerateRequest(this.message, this.shadow, this.onlineSafe, this.renames, questions, this.reorderKeys);
    }

    public GenerateRequest withReorderKeys(boolean reorderKeys) {
        return new GenerateRequest(this.message, this.shadow, this.onlineSafe, this.renames, this.questions, reorderKeys);
    }

}
