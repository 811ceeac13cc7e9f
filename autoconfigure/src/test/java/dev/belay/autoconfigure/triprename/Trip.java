package dev.belay.autoconfigure.triprename;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * The trip log's {@code Trip} with its {@code name} renamed to {@code title}: the mapping after a
 * developer renamed a field, before a revision was written for it.
 */
@Entity
public class Trip {

    public enum Mode {
        BIKE, TRAIN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 80)
    String title;

    @Enumerated(EnumType.STRING)
    Mode mode;

}
