package dev.belay.schema.jpa.corpus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Date and time types, with Hibernate's default precision and an explicit one. */
public final class TemporalTypes {

    private TemporalTypes() {
    }

    @Entity(name = "TemporalEvent")
    public static class Event {

        @Id
        Long id;

        Instant happenedAt;

        OffsetDateTime scheduledFor;

        LocalDateTime localStart;

        LocalDate day;

        LocalTime startsAt;

        Duration length;

        @Column(precision = 3)
        Instant recordedAt;

    }

}
