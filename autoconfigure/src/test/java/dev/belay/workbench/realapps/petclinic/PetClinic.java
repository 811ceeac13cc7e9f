/*
 * Modelled on the domain model of Spring PetClinic:
 *   repository: https://github.com/spring-projects/spring-petclinic
 *   paths:      src/main/java/org/springframework/samples/petclinic/{model,owner,vet}/*.java
 *               (BaseEntity, NamedEntity, Person, Owner, Pet, PetType, Visit, Vet, Specialty)
 *   commit:     029fc4ec4e3e2754e523c957b33a1771eade187c (owner/Owner.java as indexed)
 *   licence:    Apache-2.0
 * The tables, columns and associations are PetClinic's; the classes are written for Belay's tests
 * (no accessors, no validation or web annotations).
 */
package dev.belay.workbench.realapps.petclinic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * Spring PetClinic: owners and their pets, pet types, visits, vets and their specialties.
 * Identity ids through a mapped superclass, a one-to-many by join column, a many-to-many
 * through {@code vet_specialties}.
 */
public final class PetClinic {

    private PetClinic() {
    }

    @MappedSuperclass
    public static class BaseEntity {

        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Integer id;

    }

    @MappedSuperclass
    public static class NamedEntity extends BaseEntity {

        @Column(name = "name")
        String name;

    }

    @MappedSuperclass
    public static class Person extends BaseEntity {

        @Column(name = "first_name")
        String firstName;

        @Column(name = "last_name")
        String lastName;

    }

    @Entity(name = "Owner")
    @Table(name = "owners")
    public static class Owner extends Person {

        @Column(name = "address")
        String address;

        @Column(name = "city")
        String city;

        @Column(name = "telephone")
        String telephone;

        @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
        @JoinColumn(name = "owner_id")
        @OrderBy("name")
        List<Pet> pets = new ArrayList<>();

    }

    @Entity(name = "PetType")
    @Table(name = "types")
    public static class PetType extends NamedEntity {

    }

    @Entity(name = "Pet")
    @Table(name = "pets")
    public static class Pet extends NamedEntity {

        @Column(name = "birth_date")
        LocalDate birthDate;

        @ManyToOne
        @JoinColumn(name = "type_id")
        PetType type;

        @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
        @JoinColumn(name = "pet_id")
        @OrderBy("date ASC")
        Set<Visit> visits = new LinkedHashSet<>();

    }

    @Entity(name = "Visit")
    @Table(name = "visits")
    public static class Visit extends BaseEntity {

        @Column(name = "visit_date")
        LocalDate date;

        String description;

    }

    @Entity(name = "Specialty")
    @Table(name = "specialties")
    public static class Specialty extends NamedEntity {

    }

    @Entity(name = "Vet")
    @Table(name = "vets")
    public static class Vet extends Person {

        @ManyToMany(fetch = FetchType.EAGER)
        @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"),
                inverseJoinColumns = @JoinColumn(name = "specialty_id"))
        Set<Specialty> specialties = new LinkedHashSet<>();

    }

}
