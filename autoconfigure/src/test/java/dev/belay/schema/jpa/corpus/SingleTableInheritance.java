package dev.belay.schema.jpa.corpus;

import java.math.BigDecimal;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** SINGLE_TABLE inheritance: one table, a discriminator, subclass columns nullable. */
public final class SingleTableInheritance {

    private SingleTableInheritance() {
    }

    @Entity(name = "SingleTablePayment")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @DiscriminatorColumn(name = "kind", length = 20)
    public static class Payment {

        @Id
        Long id;

        BigDecimal amount;

    }

    @Entity(name = "SingleTableCardPayment")
    @DiscriminatorValue("card")
    public static class CardPayment extends Payment {

        String cardLastDigits;

    }

    @Entity(name = "SingleTableCashPayment")
    @DiscriminatorValue("cash")
    public static class CashPayment extends Payment {

        int tendered;

    }

}
