package dev.belay.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.belay.actions.SqlStatement;
import dev.belay.schema.Identifiers;

/**
 * A run of consecutive changes of a {@link MigrationPlan} that can be applied as one revision:
 * either all in one transaction, or each step committing on its own and every step safe to run
 * again. A plan whose statements can share one transaction is one segment; an online-safe plan
 * is usually two to four, for example:
 * <ol>
 * <li>transactional: add a column, change a type, add a check {@code NOT VALID};</li>
 * <li>non-transactional: {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS},
 * {@code VALIDATE CONSTRAINT};</li>
 * <li>transactional: {@code ADD PRIMARY KEY USING INDEX}, {@code SET NOT NULL} through the valid
 * check.</li>
 * </ol>
 * So a step that fails on data (a narrowing type change and a value too long) rolls back with the
 * steps of its segment instead of leaving them half-applied after others committed, and a
 * non-transactional segment that stops midway can be resumed by running it again.
 *
 * @param kind how the segment runs
 * @param changes its changes, in plan order, never empty
 */
public record PlanSegment(Kind kind, List<Change> changes) {

    public PlanSegment {
        Objects.requireNonNull(kind, "kind");
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("A segment has at least one change");
        }
    }

    /** How a segment runs. */
    public enum Kind {

        /**
         * In one transaction: all of it or nothing. Ordinary statements, and the brief steps of
         * online-safe mode that could not simply run again ({@code ADD CONSTRAINT ... NOT VALID},
         * {@code ADD PRIMARY KEY USING INDEX}, {@code SET NOT NULL}, {@code DROP CONSTRAINT}).
         */
        TRANSACTIONAL,

        /**
         * Outside a transaction, each step committing on its own, every step idempotent: steps that
         * cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY IF NOT EXISTS},
         * {@code DROP INDEX CONCURRENTLY IF EXISTS}) or should not, because their long scan takes
         * only a lock that lets reads and writes go on as long as nothing else shares its
         * transaction ({@code VALIDATE CONSTRAINT}).
         */
        NON_TRANSACTIONAL

    }

    /** The kind of segment a change goes in. */
    public static Kind kindOf(Change change) {
        boolean onItsOwn = change instanceof Change.CreateIndexConcurrently
                || change instanceof Change.DropIndexConcurrently || change instanceof Change.ValidateConstraint
                || change instanceof Change.ValidateNotNull || change instanceof Change.ValidateNotNullCheck;
        return onItsOwn ? Kind.NON_TRANSACTIONAL : Kind.TRANSACTIONAL;
    }

    /** Whether the segment runs in one transaction. */
    public boolean transactional() {
        return this.kind == Kind.TRANSACTIONAL;
    }

    /**
     * Cuts changes into maximal segments: a new segment starts where the kind of change changes,
     * and where a transactional change uses an enum label that a change of the same segment added
     * (PostgreSQL refuses a label in the transaction that added it; a segment that ends with
     * {@code ADD VALUE} commits it before the next one uses it). A label counts as used when a
     * statement holds it as a literal, which may cut once too often, never too seldom.
     * @param changes the changes in plan order
     * @param statements each change's statements
     */
    static List<PlanSegment> cut(List<Change> changes, List<List<SqlStatement>> statements) {
        List<PlanSegment> segments = new ArrayList<>();
        List<Change> run = new ArrayList<>();
        Kind runKind = null;
        Set<String> labelsAdded = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            Kind kind = kindOf(change);
            boolean usesNewLabel = kind == Kind.TRANSACTIONAL && !(change instanceof Change.AddEnumValue)
                    && statements.get(i).stream().anyMatch((statement) -> mentions(statement, labelsAdded));
            if (!run.isEmpty() && (kind != runKind || usesNewLabel)) {
                segments.add(new PlanSegment(runKind, run));
                run = new ArrayList<>();
                labelsAdded.clear();
            }
            run.add(change);
            runKind = kind;
            if (change instanceof Change.AddEnumValue added) {
                labelsAdded.add(Identifiers.literal(added.label()));
            }
        }
        if (!run.isEmpty()) {
            segments.add(new PlanSegment(runKind, run));
        }
        return List.copyOf(segments);
    }

    private static boolean mentions(SqlStatement statement, Set<String> literals) {
        for (String literal : literals) {
            if (statement.sql().contains(literal)) {
                return true;
            }
        }
        return false;
    }

}
