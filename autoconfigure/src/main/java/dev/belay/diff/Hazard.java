package dev.belay.diff;

import java.util.Objects;

import dev.belay.schema.ObjectId;

/**
 * A risk that one change of a plan carries, e.g. {@code DATA_LOSS} for dropping a column.
 *
 * @param kind what kind of risk it is
 * @param object the object concerned
 * @param reason one line for people, e.g. "drops column ride.dist and its data"
 */
public record Hazard(HazardKind kind, ObjectId object, String reason) {

    public Hazard {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(reason, "reason");
    }

    /** For example {@code DATA_LOSS column ride.dist: drops the column and its data}. */
    @Override
    public String toString() {
        return this.kind + " " + this.object + ": " + this.reason;
    }

}
