package dev.belay.workbench.realapps.petclinic;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * The next release of {@link PetClinic} (Belay's corpus, not PetClinic's): vets get a licence
 * number, specialty names are cut to 80 characters, and appointments book a vet for a pet.
 */
public final class PetClinicEvolved {

    private PetClinicEvolved() {
    }

    public enum AppointmentStatus {
        BOOKED, DONE, CANCELLED
    }

    @Entity(name = "Specialty")
    @Table(name = "specialties")
    public static class Specialty extends PetClinic.BaseEntity {

        @Column(name = "name", length = 80)
        String name;

    }

    @Entity(name = "Vet")
    @Table(name = "vets")
    public static class Vet extends PetClinic.Person {

        @Column(name = "licence_number", length = 30)
        String licenceNumber;

        @ManyToMany(fetch = FetchType.EAGER)
        @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"),
                inverseJoinColumns = @JoinColumn(name = "specialty_id"))
        Set<Specialty> specialties = new LinkedHashSet<>();

    }

    @Entity(name = "Appointment")
    @Table(name = "appointments")
    public static class Appointment extends PetClinic.BaseEntity {

        @ManyToOne(optional = false)
        @JoinColumn(name = "vet_id")
        Vet vet;

        @ManyToOne(optional = false)
        @JoinColumn(name = "pet_id")
        PetClinic.Pet pet;

        @Column(name = "starts_at", nullable = false)
        LocalDateTime startsAt;

        @Enumerated(EnumType.STRING)
        @Column(length = 20, nullable = false)
        AppointmentStatus status;

    }

}
