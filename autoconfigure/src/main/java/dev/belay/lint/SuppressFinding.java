package dev.belay.lint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts a finding of {@code belay lint} on a revision, with the reason, for a reviewer to read:
 * <pre>{@code
 * @MigrationRevision(id = "20261203_0900_index_tags", after = "...")
 * @SuppressFinding(rule = "index-not-concurrent", reason = "tags has a few hundred rows")
 * public class IndexTags implements Revision { ... }
 * }</pre>
 * The finding is still listed, as suppressed, and fails nothing. A suppression that matches no
 * finding, names no rule or gives no reason is itself reported ({@code unused-suppression}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(SuppressFindings.class)
public @interface SuppressFinding {

    /** The rule's id, e.g. {@code index-not-concurrent} (see {@link Rule}). */
    String rule();

    /** Why the finding does not apply here; required. */
    String reason();

    /**
     * The table the suppression is limited to; empty for every finding of the rule in the
     * revision.
     */
    String table() default "";

}
