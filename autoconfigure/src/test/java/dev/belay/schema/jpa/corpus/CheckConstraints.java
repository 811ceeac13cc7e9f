package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Check;

/** {@code @Check}: a named table check across columns and a column check. */
public final class CheckConstraints {

    private CheckConstraints() {
    }

    @Entity(name = "CheckedRange")
    @Check(name = "checked_range_ordered", constraints = "low <= high")
    public static class Range {

        @Id
        Long id;

        int low;

        int high;

        @Check(constraints = "step > 0")
        int step;

    }

}
