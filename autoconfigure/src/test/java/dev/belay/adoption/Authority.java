package dev.belay.adoption;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** JHipster's authority, a role named by its key (the Liquibase fixture's model). */
@Entity
@Table(name = "jhi_authority")
public class Authority {

    @Id
    @Column(length = 50)
    private String name;

}
