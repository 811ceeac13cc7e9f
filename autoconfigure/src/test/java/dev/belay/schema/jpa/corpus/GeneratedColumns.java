package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.GeneratedColumn;

/** Hibernate's {@code @GeneratedColumn}: a stored generated column. */
public final class GeneratedColumns {

    private GeneratedColumns() {
    }

    @Entity(name = "GeneratedBox")
    public static class Box {

        @Id
        Long id;

        int width;

        int height;

        @GeneratedColumn("width * height")
        Integer area;

    }

}
