package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** {@code columnDefinition}: the column's SQL type written by hand, with options of its own. */
public final class ColumnDefinitions {

    private ColumnDefinitions() {
    }

    @Entity(name = "DefinedProduct")
    public static class Product {

        @Id
        Long id;

        @Column(columnDefinition = "text")
        String description;

        @Column(columnDefinition = "numeric(8,2) default 0 not null")
        java.math.BigDecimal price;

        @Column(columnDefinition = "varchar(12) check (length(sku) > 3)")
        String sku;

        @Column(columnDefinition = "timestamptz(3)")
        java.time.Instant updatedAt;

        @Column(columnDefinition = "smallint[]")
        short[] sizes;

    }

}
