package dev.belay.schema.jpa.corpus;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Arrays: Java arrays of basic values and a list mapped as an SQL array. */
public final class ArrayColumns {

    private ArrayColumns() {
    }

    @Entity(name = "ArraySample")
    public static class Sample {

        @Id
        Long id;

        String[] labels;

        int[] counts;

        @Column(length = 16)
        String[] shortCodes;

        @JdbcTypeCode(SqlTypes.ARRAY)
        List<Long> readings;

    }

}
