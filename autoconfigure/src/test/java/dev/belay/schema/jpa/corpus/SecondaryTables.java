package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;

/** {@code @SecondaryTable}: one entity spread over two tables joined by the key. */
public final class SecondaryTables {

    private SecondaryTables() {
    }

    @Entity(name = "SecondaryPerson")
    @SecondaryTable(name = "secondary_person_detail")
    public static class Person {

        @Id
        Long id;

        String name;

        @Column(table = "secondary_person_detail", length = 2000)
        String biography;

    }

}
