package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Native PostgreSQL enum types: Hibernate creates one type per Java enum. */
public final class NamedEnums {

    private NamedEnums() {
    }

    public enum RideKind {
        COMMUTE, TOUR, RACE, TRAINING
    }

    @Entity(name = "NamedEnumRide")
    public static class Ride {

        @Id
        Long id;

        @JdbcTypeCode(SqlTypes.NAMED_ENUM)
        RideKind kind;

    }

}
