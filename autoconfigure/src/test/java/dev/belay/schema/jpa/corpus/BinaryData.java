package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Binary data: {@code byte[]} as bytea, with and without a length. */
public final class BinaryData {

    private BinaryData() {
    }

    @Entity(name = "BinaryAttachment")
    public static class Attachment {

        @Id
        Long id;

        byte[] content;

        @Column(length = 64, nullable = false)
        byte[] checksum;

    }

}
