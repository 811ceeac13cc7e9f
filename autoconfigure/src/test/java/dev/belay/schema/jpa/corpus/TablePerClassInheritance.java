package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** TABLE_PER_CLASS inheritance: a full table per concrete class, ids from one shared sequence. */
public final class TablePerClassInheritance {

    private TablePerClassInheritance() {
    }

    @Entity(name = "PerClassShape")
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    public abstract static class Shape {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        String colour;

    }

    @Entity(name = "PerClassCircle")
    public static class Circle extends Shape {

        double radius;

    }

    @Entity(name = "PerClassSquare")
    public static class Square extends Shape {

        double side;

    }

}
