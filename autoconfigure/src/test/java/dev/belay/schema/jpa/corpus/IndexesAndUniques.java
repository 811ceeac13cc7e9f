package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** {@code @Index} (plain, unique, descending, multi-column) and unique constraints. */
public final class IndexesAndUniques {

    private IndexesAndUniques() {
    }

    @Entity(name = "IndexedAccount")
    @Table(name = "indexed_account",
            indexes = { @Index(name = "indexed_account_email_idx", columnList = "email"),
                    @Index(name = "indexed_account_region_created_idx", columnList = "region, created_on desc"),
                    @Index(name = "indexed_account_handle_idx", columnList = "handle", unique = true) },
            uniqueConstraints = @UniqueConstraint(name = "indexed_account_region_number_uk",
                    columnNames = { "region", "number" }))
    public static class Account {

        @Id
        Long id;

        String email;

        String region;

        java.time.LocalDate createdOn;

        String handle;

        Integer number;

        @Column(unique = true)
        String externalRef;

    }

}
