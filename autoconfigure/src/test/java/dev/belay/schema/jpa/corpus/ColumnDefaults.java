package dev.belay.schema.jpa.corpus;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;

/** {@code @ColumnDefault}: a number, a string literal and a function call. */
public final class ColumnDefaults {

    private ColumnDefaults() {
    }

    @Entity(name = "DefaultedCounter")
    public static class Counter {

        @Id
        Long id;

        @ColumnDefault("0")
        int hits;

        @ColumnDefault("'new'")
        String state;

        @ColumnDefault("now()")
        OffsetDateTime createdAt;

        @ColumnDefault("true")
        Boolean active;

    }

}
