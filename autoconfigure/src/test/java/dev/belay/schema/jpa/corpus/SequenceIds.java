package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** Ids drawn from sequences: a named generator with its own options, and Hibernate's default. */
public final class SequenceIds {

    private SequenceIds() {
    }

    @Entity(name = "SequenceInvoice")
    public static class Invoice {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_numbers")
        @SequenceGenerator(name = "invoice_numbers", sequenceName = "sequence_invoice_numbers", initialValue = 1000,
                allocationSize = 20)
        Long id;

    }

    @Entity(name = "SequenceTicket")
    public static class Ticket {

        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

    }

}
