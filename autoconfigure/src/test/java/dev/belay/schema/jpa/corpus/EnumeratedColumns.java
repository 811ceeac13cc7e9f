package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** {@code @Enumerated}: by name (text and a check of the names) and by ordinal. */
public final class EnumeratedColumns {

    private EnumeratedColumns() {
    }

    public enum Priority {
        LOW, NORMAL, HIGH, URGENT
    }

    @Entity(name = "EnumeratedTask")
    public static class Task {

        @Id
        Long id;

        @Enumerated(EnumType.STRING)
        Priority byName;

        @Enumerated(EnumType.ORDINAL)
        Priority byOrdinal;

    }

}
