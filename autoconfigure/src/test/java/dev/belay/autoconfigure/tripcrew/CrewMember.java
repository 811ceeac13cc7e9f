package dev.belay.autoconfigure.tripcrew;

import java.io.Serializable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/** Who rides on a trip: a composite key whose column order Hibernate decides. */
@Entity
@IdClass(CrewMember.Key.class)
public class CrewMember {

    @Id
    Long tripId;

    @Id
    String name;

    /** The key's class. */
    public record Key(Long tripId, String name) implements Serializable {

    }

}
