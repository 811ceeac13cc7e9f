package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** JOINED inheritance: a table per class, each subclass keyed by (and referencing) its parent. */
public final class JoinedInheritance {

    private JoinedInheritance() {
    }

    @Entity(name = "JoinedVehicle")
    @Inheritance(strategy = InheritanceType.JOINED)
    public static class Vehicle {

        @Id
        Long id;

        String make;

    }

    @Entity(name = "JoinedCar")
    public static class Car extends Vehicle {

        int seats;

    }

    @Entity(name = "JoinedTruck")
    public static class Truck extends Vehicle {

        double payloadTonnes;

    }

}
