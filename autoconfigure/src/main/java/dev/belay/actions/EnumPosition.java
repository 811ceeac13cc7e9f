package dev.belay.actions;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where {@link DatabaseActions#addEnumValue(String, String, EnumPosition)} puts a new label in
 * an enum type's sort order.
 *
 * @param placement at the end, or before or after a neighbour
 * @param neighbor the existing label the new one goes next to, or {@code null} at the end
 */
public record EnumPosition(Placement placement, @Nullable String neighbor) {

    private static final EnumPosition LAST = new EnumPosition(Placement.LAST, null);

    public EnumPosition {
        Objects.requireNonNull(placement, "placement");
        if ((placement == Placement.LAST) != (neighbor == null)) {
            throw new IllegalArgumentException(
                    "An enum position " + ((placement == Placement.LAST) ? "at the end takes no" : "needs a")
                            + " neighbouring label");
        }
    }

    /** After every existing label. */
    public static EnumPosition last() {
        return LAST;
    }

    /** Right before the given existing label. */
    public static EnumPosition before(String label) {
        return new EnumPosition(Placement.BEFORE, Objects.requireNonNull(label, "label"));
    }

    /** Right after the given existing label. */
    public static EnumPosition after(String label) {
        return new EnumPosition(Placement.AFTER, Objects.requireNonNull(label, "label"));
    }

    /** Where a new label goes relative to the existing ones. */
    public enum Placement {

        LAST, BEFORE, AFTER

    }

}
