package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Comment;

/** {@code @Comment} on a table and on columns. */
public final class Comments {

    private Comments() {
    }

    @Entity(name = "CommentedRider")
    @Comment("People who ride")
    public static class Rider {

        @Id
        @Comment("Surrogate key")
        Long id;

        @Comment("What friends call the rider")
        String nickname;

    }

}
