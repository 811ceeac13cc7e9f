package dev.belay.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.belay.schema.Schema;
import dev.belay.schema.WrittenExpressions;

/**
 * A plan as the chain of revisions it is written as: each {@linkplain MigrationPlan#segments()
 * segment} with the plan that undoes it, so that each revision's {@code down} undoes its own
 * {@code up} and the chain rolls back revision by revision, the last one first.
 * <p>
 * <b>How a segment's way back is found.</b> It is the diff from the schema after the segment to
 * the schema before it, so what is needed is the schema between each two segments. Belay does not
 * compute it by applying changes to a {@link Schema} in Java, nor by inverting changes one by one:
 * either would be a second model of what PostgreSQL's DDL does (what a dropped column takes with
 * it, that a primary key makes its columns {@code NOT NULL}, that {@code USING INDEX} turns an
 * index into a constraint, how an expression reads back), to be kept right for every kind of
 * change and every server version, and a mistake there would only show when someone rolls back
 * in production. Instead the caller builds the plan's starting schema in a scratch schema, runs
 * the segments there one after the other (their transactional forms, inside a transaction that is
 * rolled back) and reads the schema back after each: PostgreSQL itself says what each segment
 * leaves, spelled as the inspector reads every other schema. See the workbench's
 * {@code SegmentBoundaries}.
 * <p>
 * The way back of a transactional segment is planned without online-safe steps, since it runs in
 * the revision's transaction; that of a non-transactional one keeps them (an index built
 * concurrently is dropped concurrently, a validation needs nothing undone). Rename hints are
 * turned around for the segment that holds the renames. A column a segment dropped comes back
 * on a table that may hold rows by then, so a {@code NOT NULL} one without a default comes back
 * {@code NOT NULL} only if the table is empty (see {@link WayBackColumns}).
 */
public final class SegmentedPlan {

    private final MigrationPlan plan;

    private final List<Part> parts;

    private SegmentedPlan(MigrationPlan plan, List<Part> parts) {
        this.plan = plan;
        this.parts = List.copyOf(parts);
    }

    /**
     * A plan of one segment (or none), whose way back runs from its desired schema to its current
     * one.
     * @throws IllegalArgumentException if the plan has several segments: then the schemas between
     * them are needed, see {@link #of(MigrationPlan, List)}
     */
    public static SegmentedPlan of(MigrationPlan plan) {
        if (plan.segments().size() > 1) {
            throw new IllegalArgumentException("The plan has " + plan.segments().size()
                    + " segments; give the schema between each two of them");
        }
        return of(plan, List.of(plan.current(), plan.desired()));
    }

    /**
     * @param plan the plan
     * @param boundaries the schema before each segment and after the last one, in order (one more
     * than the plan has segments), as PostgreSQL builds them
     */
    public static SegmentedPlan of(MigrationPlan plan, List<Schema> boundaries) {
        Objects.requireNonNull(plan, "plan");
        List<PlanSegment> segments = plan.segments();
        if (!segments.isEmpty() && boundaries.size() != segments.size() + 1) {
            throw new IllegalArgumentException("A plan of " + segments.size() + " segments has " + (segments.size() + 1)
                    + " boundaries, not " + boundaries.size());
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            PlanSegment segment = segments.get(i);
            parts.add(new Part(segment, WayBackColumns.of(SchemaDiff.between(boundaries.get(i + 1), boundaries.get(i),
                    wayBack(plan.options(), segment)))));
        }
        return new SegmentedPlan(plan, parts);
    }

    private static DiffOptions wayBack(DiffOptions options, PlanSegment segment) {
        DiffOptions back = options.reversed();
        boolean renames = segment.changes()
            .stream()
            .anyMatch((change) -> change instanceof Change.RenameTable || change instanceof Change.RenameColumn
                    || change instanceof Change.RenameEnumValue);
        if (!renames) {
            back = back.withoutRenames();
        }
        return segment.transactional() ? back.withOnlineSafe(false) : back;
    }

    /**
     * The same chain, with the checks, defaults and generation expressions that each way back
     * creates again written as they were first written where that text is known (see
     * {@link MigrationPlan#writtenAs}), so that {@code down} restores them as PostgreSQL stored
     * them.
     */
    public SegmentedPlan withWayBackWrittenAs(WrittenExpressions written) {
        if (written.isEmpty()) {
            return this;
        }
        return new SegmentedPlan(this.plan, this.parts.stream()
            .map((part) -> new Part(part.segment(), part.down().writtenAs(written)))
            .toList());
    }

    /** The whole plan. */
    public MigrationPlan plan() {
        return this.plan;
    }

    /** One part per segment, in plan order; none for an empty plan. */
    public List<Part> parts() {
        return this.parts;
    }

    /**
     * One segment of the plan and its way back: one revision of the chain.
     *
     * @param segment the changes of {@code up}
     * @param down the plan from the schema after the segment to the one before it
     */
    public record Part(PlanSegment segment, MigrationPlan down) {

        public Part {
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(down, "down");
        }

        /**
         * Whether the revision runs in one transaction: a transactional segment whose way back can
         * run in one transaction too. (One that cannot, because it adds an enum label back and uses
         * it, runs without a transaction, as Belay wrote such revisions before it split plans.)
         */
        public boolean transactional() {
            return this.segment.transactional() && this.down.segments()
                .stream()
                .allMatch(PlanSegment::transactional) && this.down.segments().size() <= 1;
        }

        /**
         * Whether the revision may simply run again after a run that stopped midway: a
         * non-transactional segment whose way back is made of such steps too.
         */
        public boolean idempotent() {
            return !this.segment.transactional()
                    && this.down.segments().stream().noneMatch(PlanSegment::transactional);
        }

    }

}
