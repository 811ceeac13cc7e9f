package dev.belay.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a {@link SchemaDriftException} that stopped the start as the differences and what to do. */
final class SchemaDriftFailureAnalyzer extends AbstractFailureAnalyzer<SchemaDriftException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaDriftException cause) {
        String report = cause.getMessage();
        int action = report.lastIndexOf("\n\n");
        return new FailureAnalysis(report.substring(0, action), report.substring(action + 2), cause);
    }

}
