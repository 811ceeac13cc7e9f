package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Ids drawn from identity columns, of both integer widths. */
public final class IdentityIds {

    private IdentityIds() {
    }

    @Entity(name = "IdentityBook")
    public static class Book {

        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        String title;

    }

    @Entity(name = "IdentityShelf")
    public static class Shelf {

        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Integer id;

    }

}
