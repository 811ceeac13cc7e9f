package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;

import dev.belay.schema.Schema;

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

}
