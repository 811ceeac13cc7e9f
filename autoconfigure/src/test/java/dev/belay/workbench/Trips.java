package dev.belay.workbench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Mappings for the tests of revisions written as chains: a trip table before and after a change
 * that online-safe mode splits, and a native enum whose new label the mapping uses at once.
 */
final class Trips {

    private Trips() {
    }

    @Entity(name = "Trip")
    @Table(name = "trip")
    static class Trip {

        @Id
        Long id;

        @Column(length = 255)
        String name;

        @Column(length = 40)
        String code;

        String rider;

    }

    /**
     * The name narrowed, a note added and indexed, the code unique, the rider required: a
     * transactional revision (the column changes and {@code NOT NULL ... NOT VALID}), then one
     * without a transaction (the validation and the indexes built concurrently), then a
     * transactional one (the unique constraint made {@code USING INDEX}).
     */
    @Entity(name = "Trip")
    @Table(name = "trip", indexes = @Index(name = "trip_note_idx", columnList = "note"),
            uniqueConstraints = @UniqueConstraint(name = "trip_code_key", columnNames = "code"))
    static class ChangedTrip {

        @Id
        Long id;

        @Column(length = 10)
        String name;

        @Column(length = 40)
        String code;

        @Column(nullable = false)
        String rider;

        String note;

    }

    /** Rides of a native enum type, {@code kind} (Hibernate names the type after the Java enum). */
    static final class Rides {

        private Rides() {
        }

        enum Kind {
            ROAD, GRAVEL
        }

        @Entity(name = "Ride")
        @Table(name = "ride")
        static class Ride {

            @Id
            Long id;

            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            Kind kind;

        }

    }

    /** A new label, which the column's default uses at once. */
    static final class MtbRides {

        private MtbRides() {
        }

        enum Kind {
            ROAD, GRAVEL, MTB
        }

        @Entity(name = "Ride")
        @Table(name = "ride")
        static class Ride {

            @Id
            Long id;

            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            @ColumnDefault("'MTB'")
            Kind kind;

        }

    }

}
