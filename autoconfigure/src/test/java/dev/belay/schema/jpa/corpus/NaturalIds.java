package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.NaturalId;

/** {@code @NaturalId}: Hibernate backs a natural id with a unique constraint. */
public final class NaturalIds {

    private NaturalIds() {
    }

    @Entity(name = "NaturalCountry")
    public static class Country {

        @Id
        Long id;

        @NaturalId
        String isoCode;

    }

}
