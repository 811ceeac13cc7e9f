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
 * @param expandContract whether to write only the <em>expand</em> half of a change the previous
 * release would fail on while a rolling deploy runs, and leave the rest for a later release (see
 * {@link Deferral})
 * @param contract whether to write the <em>contract</em> half that earlier expand/contract
 * changes left for this release
 */
public record GenerateRequest(@Nullable String message, boolean shadow, boolean onlineSafe, List<RenameHint> renames,
        @Nullable RenameQuestions questions, boolean reorderKeys, boolean expandContract, boolean contract) {

    public GenerateRequest {
        renames = List.copyOf(renames);
        if (expandContract && contract) {
            throw new IllegalArgumentException("--expand-contract and --contract are the two halves of a change, "
                    + "written in two releases: give one of them");
        }
    }

    /** No message, against the database itself, no hints, nobody to ask. */
    public static GenerateRequest defaults() {
        return new GenerateRequest(null, false, false, List.of(), null, false, false, false);
    }

    public GenerateRequest withMessage(@Nullable String message) {
        return new GenerateRequest(message, this.shadow, this.onlineSafe, this.renames, this.questions,
                this.reorderKeys, this.expandContract, this.contract);
    }

    public GenerateRequest withShadow(boolean shadow) {
        return new GenerateRequest(this.message, shadow, this.onlineSafe, this.renames, this.questions,
                this.reorderKeys, this.expandContract, this.contract);
    }

    public GenerateRequest withOnlineSafe(boolean onlineSafe) {
        return new GenerateRequest(this.message, this.shadow, onlineSafe, this.renames, this.questions,
                this.reorderKeys, this.expandContract, this.contract);
    }

    public GenerateRequest withRename(RenameHint hint) {
        List<RenameHint> renames = new ArrayList<>(this.renames);
        renames.add(hint);
        return new GenerateRequest(this.message, this.shadow, this.onlineSafe, renames, this.questions,
                this.reorderKeys, this.expandContract, this.contract);
    }

    public GenerateRequest withQuestions(@Nullable RenameQuestions questions) {
        return new GenerateRequest(this.message, this.shadow, this.onlineSafe, this.renames, questions,
                this.reorderKeys, this.expandContract, this.contract);
    }

    public GenerateRequest withExpandContract(boolean expandContract) {
        return new GenerateRequest(this.message, this.shadow, this.onlineSafe, this.renames, this.questions,
                this.reorderKeys, expandContract, this.contract);
    }

    public GenerateRequest withContract(boolean contract) {
        return new GenerateRequest(this.message, this.shadow, this.onlineSafe, this.renames, this.questions,
                this.reorderKeys, this.expandContract, contract);
    }

    public GenerateRequest withReorderKeys(boolean reorderKeys) {
        return new GenerateRequest(this.message, this.shadow, this.onlineSafe, this.renames, this.questions,
                reorderKeys, this.expandContract, this.contract);
    }

}
