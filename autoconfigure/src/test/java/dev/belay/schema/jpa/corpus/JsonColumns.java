package dev.belay.schema.jpa.corpus;

import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** JSON documents: Hibernate maps {@code SqlTypes.JSON} to jsonb on PostgreSQL. */
public final class JsonColumns {

    private JsonColumns() {
    }

    @Entity(name = "JsonSetting")
    public static class Setting {

        @Id
        Long id;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> document;

        @JdbcTypeCode(SqlTypes.JSON)
        String raw;

    }

}
