package dev.belay.schema.jpa.corpus;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.TableGenerator;

/** {@code @TableGenerator}: ids from a table of counters that Hibernate creates and seeds. */
public final class TableGeneratorIds {

    private TableGeneratorIds() {
    }

    @Entity(name = "TableGeneratedLabel")
    public static class Label {

        @Id
        @GeneratedValue(strategy = GenerationType.TABLE, generator = "labels")
        @TableGenerator(name = "labels", table = "table_generator_counters", pkColumnName = "counter",
                valueColumnName = "next_value", pkColumnValue = "label")
        Long id;

    }

}
