package dev.belay.autoconfigure.ride;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The entity that the test revisions' {@code ride} table maps to (a package of its own for entity scanning). */
@Entity
public class Ride {

    @Id
    private Long id;

    private String name;

}
