package dev.belay.autoconfigure.triplint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * The trip log's {@code Trip} with an index on its name: the mapping a developer has after
 * indexing the entity and before writing a revision for it.
 */
@Entity
@Table(indexes = @Index(name = "trip_name_idx", columnList = "name"))
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

}
