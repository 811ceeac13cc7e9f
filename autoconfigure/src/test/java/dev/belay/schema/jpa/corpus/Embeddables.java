package dev.belay.schema.jpa.corpus;

import java.io.Serializable;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/**
 * Embeddables: one embedded twice with overridden columns, and an embedded composite id that a
 * two-column foreign key references.
 */
public final class Embeddables {

    private Embeddables() {
    }

    @Embeddable
    public static class Address {

        @Column(length = 120)
        String street;

        String city;

        @Column(name = "postal_code", length = 10, nullable = false)
        String postalCode;

    }

    @Embeddable
    public static class OrderLineKey implements Serializable {

        Long orderNumber;

        Integer slot;

        @Override
        public boolean equals(Object other) {
            return other instanceof OrderLineKey key && java.util.Objects.equals(this.orderNumber, key.orderNumber)
                    && java.util.Objects.equals(this.slot, key.slot);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(this.orderNumber, this.slot);
        }

    }

    @Entity(name = "EmbeddableCustomer")
    public static class Customer {

        @jakarta.persistence.Id
        Long id;

        @Embedded
        Address billing;

        @Embedded
        @AttributeOverride(name = "street", column = @Column(name = "ship_street", length = 200))
        @AttributeOverride(name = "city", column = @Column(name = "ship_city"))
        @AttributeOverride(name = "postalCode", column = @Column(name = "ship_postal_code", length = 12))
        Address shipping;

    }

    @Entity(name = "EmbeddableOrderLine")
    public static class OrderLine {

        @EmbeddedId
        OrderLineKey key;

        int quantity;

    }

    /** References the composite key, so the foreign key has two columns. */
    @Entity(name = "EmbeddableShipment")
    public static class Shipment {

        @jakarta.persistence.Id
        Long id;

        @ManyToOne
        OrderLine line;

    }

}
