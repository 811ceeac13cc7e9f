package dev.belay.workbench;

/**
 * Asks a person whether a drop and an add are a rename. Only an interactive shell can; elsewhere
 * Belay names the hint to give instead.
 */
@FunctionalInterface
public interface RenameQuestions {

    /** Whether the candidate is a rename. */
    boolean isRename(RenameCandidate candidate);

}
