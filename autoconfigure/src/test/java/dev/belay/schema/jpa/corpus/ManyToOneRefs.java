package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** {@code @ManyToOne}: a required reference with a named key, and an optional one. */
public final class ManyToOneRefs {

    private ManyToOneRefs() {
    }

    @Entity(name = "ManyToOneAuthor")
    public static class Author {

        @Id
        Long id;

    }

    @Entity(name = "ManyToOneBook")
    public static class Book {

        @Id
        Long id;

        @ManyToOne(optional = false)
        @JoinColumn(name = "written_by", foreignKey = @ForeignKey(name = "many_to_one_book_author_fk"))
        Author author;

        @ManyToOne
        Author editor;

    }

}
