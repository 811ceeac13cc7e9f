package dev.belay.autoconfigure.adoption;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application about to adopt Belay: an entity mapped onto a table that Flyway built, and no
 * revisions yet.
 */
@SpringBootApplication
public class AdoptedApplication {

    @Entity
    @Table(name = "owner")
    static class Owner {

        @Id
        Long id;

        @Column(name = "last_name", length = 80)
        String lastName;

        @Column(length = 20)
        String telephone;

    }

}
