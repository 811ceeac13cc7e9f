package dev.belay.workbench.evolution;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * Mappings that lose a {@code NOT NULL} field: a ride's track, which nothing else needs, and a
 * lap's number, which is part of the lap's primary key.
 */
public final class DroppedColumns {

    private DroppedColumns() {
    }

    /** Before: rides have a name and a track, both required; laps are keyed by ride and number. */
    public static final class Before {

        @Entity(name = "Ride")
        @Table(name = "ride")
        public static class Ride {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @Column(nullable = false)
            String name;

            @Column(nullable = false)
            String track;

        }

        @Entity(name = "Lap")
        @Table(name = "lap")
        @IdClass(Lap.Key.class)
        public static class Lap {

            @Id
            @Column(name = "ride_id")
            Long rideId;

            @Id
            Integer number;

            public static class Key implements Serializable {

                Long rideId;

                Integer number;

                @Override
                public boolean equals(Object other) {
                    return other instanceof Key key && Objects.equals(this.rideId, key.rideId)
                            && Objects.equals(this.number, key.number);
                }

                @Override
                public int hashCode() {
                    return Objects.hash(this.rideId, this.number);
                }

            }

        }

    }

    /** After: the track is gone from rides, and laps are keyed by their ride alone. */
    public static final class After {

        @Entity(name = "Ride")
        @Table(name = "ride")
        public static class Ride {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @Column(nullable = false)
            String name;

        }

        @Entity(name = "Lap")
        @Table(name = "lap")
        public static class Lap {

            @Id
            @Column(name = "ride_id")
            Long rideId;

        }

    }

}
