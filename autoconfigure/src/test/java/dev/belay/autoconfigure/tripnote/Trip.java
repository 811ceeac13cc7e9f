package dev.belay.autoconfigure.tripnote;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * The trip log's {@code Trip} with a note added: the mapping a developer has after changing the
 * entity and before writing a revision for it.
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
    String name;

    @Enumerated(EnumType.STRING)
    Mode mode;

    String note;

}
