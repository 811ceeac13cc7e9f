package dev.belay.lint;

import java.util.List;
import java.util.Objects;

/**
 * What {@code belay lint} found.
 *
 * @param findings every finding, suppressed ones included, in the order the revisions ran
 * @param linted the ids of the revisions linted, in the order they ran
 * @param notLinted the ids of revisions that could not be linted, because the rehearsal stopped
 * at a failure before them
 * @param site where the revisions were rehearsed, in words
 * @param statements every statement the linted revisions sent, with what PostgreSQL did
 */
public record LintReport(List<Finding> findings, List<String> linted, List<String> notLinted, String site,
        List<RehearsedStatement> statements) {

    public LintReport {
        findings = List.copyOf(findings);
        statements = List.copyOf(statements);
        linted = List.copyOf(linted);
        notLinted = List.copyOf(notLinted);
        Objects.requireNonNull(site, "site");
    }

    /** The findings that fail the lint: errors not suppressed. */
    public List<Finding> failing() {
        return this.findings.stream().filter(Finding::fails).toList();
    }

    /** Whether the lint passes: no error that is not suppressed. */
    public boolean passes() {
        return failing().isEmpty();
    }

    /** The findings of a revision. */
    public List<Finding> of(String revision) {
        return this.findings.stream().filter((finding) -> finding.revision().equals(revision)).toList();
    }

    /** The number of findings of a severity that are not suppressed. */
    public long count(Severity severity) {
        return this.findings.stream()
            .filter((finding) -> finding.severity() == severity && !finding.suppressed())
            .count();
    }

    /** The number of suppressed findings. */
    public long suppressed() {
        return this.findings.stream().filter(Finding::suppressed).count();
    }

}
