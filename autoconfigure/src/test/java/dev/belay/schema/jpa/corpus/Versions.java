package dev.belay.schema.jpa.corpus;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** {@code @Version}: numeric and timestamp versions for optimistic locking. */
public final class Versions {

    private Versions() {
    }

    @Entity(name = "VersionedDocument")
    public static class Document {

        @Id
        Long id;

        @Version
        int version;

    }

    @Entity(name = "VersionedNote")
    public static class Note {

        @Id
        Long id;

        @Version
        Instant lastChanged;

    }

}
