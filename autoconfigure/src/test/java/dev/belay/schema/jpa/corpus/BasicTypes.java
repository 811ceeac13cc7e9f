package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/** Plain columns: primitives (not null), wrappers (nullable), lengths, text and what is not mapped. */
public final class BasicTypes {

    private BasicTypes() {
    }

    @Entity(name = "BasicSample")
    @Table(name = "basic_sample")
    public static class Sample {

        @Id
        Long id;

        boolean flag;

        Boolean maybe;

        short small;

        long big;

        float ratio;

        Double precise;

        char initial;

        @Column(length = 80, nullable = false)
        String title;

        @Lob
        String body;

        @Transient
        String notMapped;

    }

}
