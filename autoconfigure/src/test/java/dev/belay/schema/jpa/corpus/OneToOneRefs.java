package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;

/** {@code @OneToOne}: a unique foreign key, and a shared primary key through {@code @MapsId}. */
public final class OneToOneRefs {

    private OneToOneRefs() {
    }

    @Entity(name = "OneToOneUser")
    public static class User {

        @Id
        Long id;

        @OneToOne
        Avatar avatar;

    }

    @Entity(name = "OneToOneAvatar")
    public static class Avatar {

        @Id
        Long id;

    }

    @Entity(name = "OneToOneProfile")
    public static class Profile {

        @Id
        Long id;

        @OneToOne
        @MapsId
        User user;

        String bio;

    }

}
