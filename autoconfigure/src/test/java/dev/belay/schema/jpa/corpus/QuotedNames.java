package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Names PostgreSQL keeps only when quoted: mixed case, spaces, a quote, reserved words. */
public final class QuotedNames {

    private QuotedNames() {
    }

    @Entity(name = "QuotedOrder")
    @Table(name = "\"order\"", indexes = @Index(name = "quoted_order_placed_idx", columnList = "\"placedOn\""))
    public static class Order {

        @Id
        @Column(name = "\"select\"")
        Long id;

        @Column(name = "\"placedOn\"")
        java.time.LocalDate placedOn;

        @Column(name = "\"Display Name\"", nullable = false)
        String displayName;

        @Column(name = "\"it's \"\"quoted\"\"\"")
        String quoted;

    }

    @Entity(name = "QuotedOrderLine")
    @Table(name = "\"Quoted OrderLine\"")
    public static class OrderLine {

        @Id
        @Column(name = "\"Id\"")
        Long id;

        @ManyToOne
        @JoinColumn(name = "\"Order\"")
        Order order;

        @Column(name = "\"user\"")
        String user;

    }

}
