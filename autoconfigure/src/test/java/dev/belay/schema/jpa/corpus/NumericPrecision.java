package dev.belay.schema.jpa.corpus;

import java.math.BigDecimal;
import java.math.BigInteger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Exact numbers: {@code BigDecimal} with and without precision and scale, and {@code BigInteger}. */
public final class NumericPrecision {

    private NumericPrecision() {
    }

    @Entity(name = "NumericMeasurement")
    public static class Measurement {

        @Id
        Long id;

        @Column(precision = 12, scale = 3)
        BigDecimal distanceKm;

        @Column(precision = 5)
        BigDecimal wholePercent;

        BigDecimal unspecified;

        BigInteger huge;

    }

}
