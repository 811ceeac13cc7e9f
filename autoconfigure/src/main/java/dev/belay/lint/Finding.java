package dev.belay.lint;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One finding of {@code belay lint}: a rule a revision's statement breaks, with what PostgreSQL did.
 *
 * @param revision the revision's id
 * @param rule the rule
 * @param table the table it concerns, or {@code null}
 * @param statement the statement, or {@code null} when it concerns the whole revision
 * @param message what the statement does and why that matters
 * @param evidence what PostgreSQL did in the rehearsal, in a few words (empty when the finding rests
 * on the revision's declaration)
 * @param suppressedBecause the reason a {@link SuppressFinding} on the revision gives, or
 * {@code null} when it is not suppressed
 */
public record Finding(String revision, Rule rule, @Nullable String table, @Nullable String statement, String message,
        String evidence, @Nullable String suppressedBecause) {

    public Finding {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(evidence, "evidence");
    }

    public Severity severity() {
        return this.rule.severity();
    }

    public String fix() {
        return this.rule.fix();
    }

    public boolean suppressed() {
        return this.suppressedBecause != null;
    }

    /** Whether it fails {@code belay lint}: an error not suppressed. */
    public boolean fails() {
        return this.rule.severity() == Severity.ERROR && !suppressed();
    }

    Finding suppressedBecause(String reason) {
        return new Finding(this.revision, this.rule, this.table, this.statement, this.message, this.evidence, reason);
    }

}
