package dev.belay.workbench.evolution;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One ride log's mapping as it evolves, a step at a time. Each step declares only the entities
 * that change; the model of a step is its entities plus the unchanged ones of earlier steps.
 */
public final class Steps {

    private Steps() {
    }

    /** The first model: riders, and rides with a native enum and a varchar enum. */
    public static final class Initial {

        public enum RideKind {
            ROAD, GRAVEL
        }

        public enum Surface {
            ASPHALT, DIRT
        }

        @Entity(name = "Rider")
        @Table(name = "rider")
        public static class Rider {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @Column(length = 100)
            String name;

        }

        @Entity(name = "Ride")
        @Table(name = "ride")
        public static class Ride {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne
            @JoinColumn(name = "rider_id")
            Rider rider;

            Integer distance;

            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            RideKind kind;

            @Enumerated(EnumType.STRING)
            Surface surface;

        }

    }

    /** A column added: when the ride started. */
    public static final class AddColumn {

        @Entity(name = "Ride")
        @Table(name = "ride")
        public static class Ride {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne
            @JoinColumn(name = "rider_id")
            Initial.Rider rider;

            Integer distance;

            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            Initial.RideKind kind;

            @Enumerated(EnumType.STRING)
            Initial.Surface surface;

            LocalDateTime startedAt;

        }

    }

    /** A type changed: distance from integer to bigint. */
    public static final class ChangeType {

        @Entity(name = "Ride")
        @Table(name = "ride")
        public static class Ride {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne
            @JoinColumn(name = "rider_id")
            Initial.Rider rider;

            Long distance;

            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            Initial.RideKind kind;

            @Enumerated(EnumType.STRING)
            Initial.Surface surface;

            LocalDateTime startedAt;

        }

    }

    /** New enum values: a label of the native enum, a value of the varchar one (its check). */
    public static final class NewEnumValues {

        public enum RideKind {
            ROAD, GRAVEL, MTB
        }

        public enum Surface {
            ASPHALT, DIRT, SAND
        }

        @Entity(name = "Ride")
        @Table(name = "ride")
        public static class Ride {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne
            @JoinColumn(name = "rider_id")
            Initial.Rider rider;

            Long distance;

            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            RideKind kind;

            @Enumerated(EnumType.STRING)
            Surface surface;

            LocalDateTime startedAt;

        }

    }

    /** A new entity with a foreign key to rides. */
    public static final class NewEntity {

        @Entity(name = "Tag")
        @Table(name = "tag")
        public static class Tag {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne(optional = false)
            @JoinColumn(name = "ride_id")
            NewEnumValues.Ride ride;

            @Column(length = 40, nullable = false)
            String label;

        }

    }

    /** A new index on when rides started. */
    public static final class NewIndex {

        @Entity(name = "Ride")
        @Table(name = "ride", indexes = @Index(name = "ride_started_idx", columnList = "started_at"))
        public static class Ride {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne
            @JoinColumn(name = "rider_id")
            Initial.Rider rider;

            Long distance;

            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            NewEnumValues.RideKind kind;

            @Enumerated(EnumType.STRING)
            NewEnumValues.Surface surface;

            LocalDateTime startedAt;

        }

        @Entity(name = "Tag")
        @Table(name = "tag")
        public static class Tag {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne(optional = false)
            @JoinColumn(name = "ride_id")
            Ride ride;

            @Column(length = 40, nullable = false)
            String label;

        }

    }

    /** A nullability change: every rider has a name. */
    public static final class NotNull {

        @Entity(name = "Rider")
        @Table(name = "rider")
        public static class Rider {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @Column(length = 100, nullable = false)
            String name;

        }

        @Entity(name = "Ride")
        @Table(name = "ride", indexes = @Index(name = "ride_started_idx", columnList = "started_at"))
        public static class Ride {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne
            @JoinColumn(name = "rider_id")
            Rider rider;

            Long distance;

            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            NewEnumValues.RideKind kind;

            @Enumerated(EnumType.STRING)
            NewEnumValues.Surface surface;

            LocalDateTime startedAt;

        }

        @Entity(name = "Tag")
        @Table(name = "tag")
        public static class Tag {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne(optional = false)
            @JoinColumn(name = "ride_id")
            Ride ride;

            @Column(length = 40, nullable = false)
            String label;

        }

    }

    /** A rename, given as a hint: distance becomes length. */
    public static final class Rename {

        @Entity(name = "Ride")
        @Table(name = "ride", indexes = @Index(name = "ride_started_idx", columnList = "started_at"))
        public static class Ride {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne
            @JoinColumn(name = "rider_id")
            NotNull.Rider rider;

            Long length;

            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            NewEnumValues.RideKind kind;

            @Enumerated(EnumType.STRING)
            NewEnumValues.Surface surface;

            LocalDateTime startedAt;

        }

        @Entity(name = "Tag")
        @Table(name = "tag")
        public static class Tag {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne(optional = false)
            @JoinColumn(name = "ride_id")
            Ride ride;

            @Column(length = 40, nullable = false)
            String label;

        }

    }

    /** A column dropped, and its index with it: rides forget when they started. */
    public static final class DropColumn {

        @Entity(name = "Ride")
        @Table(name = "ride")
        public static class Ride {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne
            @JoinColumn(name = "rider_id")
            NotNull.Rider rider;

            Long length;

            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            NewEnumValues.RideKind kind;

            @Enumerated(EnumType.STRING)
            NewEnumValues.Surface surface;

        }

        @Entity(name = "Tag")
        @Table(name = "tag")
        public static class Tag {

            @Id
            @GeneratedValue(strategy = GenerationType.IDENTITY)
            Long id;

            @ManyToOne(optional = false)
            @JoinColumn(name = "ride_id")
            Ride ride;

            @Column(length = 40, nullable = false)
            String label;

        }

    }

}
