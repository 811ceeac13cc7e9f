package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.belay.schema.Schema;
import dev.belay.schema.jpa.JpaDesiredSchema;

/**
 * Where the schema the application wants comes from; for Belay, the JPA mapping
 * ({@code JpaDesiredSchema::desiredSchema}).
 */
@FunctionalInterface
public interface DesiredSchemaSource {

    /**
     * The desired schema, read on the given connection, which is in a transaction that the caller
     * rolls back; the source must leave that transaction usable.
     */
    Schema desiredSchema(Connection connection) throws SQLException;

    /**
     * The mapping's DDL as its ORM writes it (Hibernate's {@code create} statements), computed in
     * memory, for the {@link MappingSnapshot} kept beside each generated revision; empty when the
     * source has none, and then no snapshot is kept.
     */
    default List<String> ddl() {
        return List.of();
    }

    /** The JPA mapping: built on the server, and Hibernate's DDL for it in memory. */
    static DesiredSchemaSource of(JpaDesiredSchema desired) {
        return new DesiredSchemaSource() {

            @Override
            public Schema desiredSchema(Connection connection) throws SQLException {
                return desired.desiredSchema(connection);
            }

            @Override
            public List<String> ddl() {
                return desired.ddl();
            }

        };
    }

}
