package dev.belay.diff;

import java.util.Objects;

import dev.belay.schema.Schema;

/**
 * Compares two schemas and plans the changes that take a database from one to the other.
 * <pre>{@code
 * MigrationPlan plan = SchemaDiff.between(current, desired);
 * plan.statements().forEach(jdbc::execute);   // with search_path set to the schema
 * }</pre>
 * The plan is deterministic (the same schemas and options give the same plan, byte for byte),
 * orders changes through the dependencies between objects, and never drops or changes an
 * object it does not manage: when a change would break one (a view on a dropped column), the
 * plan carries a {@link HazardKind#BREAKS_UNMANAGED} hazard instead.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /** The plan from {@code current} to {@code desired} with {@link DiffOptions#defaults()}. */
    public static MigrationPlan between(Schema current, Schema desired) {
        return between(current, desired, DiffOptions.defaults());
    }

    /**
     * The plan from {@code current} to {@code desired}.
     * @throws IllegalArgumentException if a rename hint names something the schemas do not have
     */
    public static MigrationPlan between(Schema current, Schema desired, DiffOptions options) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(options, "options");
        Planner.Planned planned = RenamePlanner.plan(current, desired, options);
        return new MigrationPlan(current, desired, options, planned.changes(), planned.notes());
    }

}
