package dev.belay.autoconfigure;

import dev.belay.revision.MigrationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a {@link MigrationException} that stopped the application as what went wrong and what
 * to do, instead of a stack trace through bean creation.
 */
final class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        return new FailureAnalysis("Belay could not migrate the database. " + cause.problem(), cause.fix(), cause);
    }

}
