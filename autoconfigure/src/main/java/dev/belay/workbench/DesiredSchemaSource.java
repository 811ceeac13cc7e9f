package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.belay.schema.Schema;
import dev.belay.schema.WrittenExpressions;
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

    /**
     * Builds the desired schema and hands it to {@code then} with the scratch schema it was built
     * in, while that still exists, so that it can be changed in place and read again; a source
     * that builds nowhere gives {@code null} for the scratch schema.
     */
    default <T> T desiredSchema(Connection connection, JpaDesiredSchema.Built<T> then) throws SQLException {
        return then.read(null, desiredSchema(connection));
    }

    /**
     * Builds the desired schema as {@link #desiredSchema(Connection, JpaDesiredSchema.Built)}
     * does, and hands {@code then} also the expressions known as the source wrote them; a source
     * that knows none gives {@link WrittenExpressions#none()}.
     */
    default <T> T desiredSchema(Connection connection, JpaDesiredSchema.BuiltAsWritten<T> then) throws SQLException {
        return desiredSchema(connection,
                (JpaDesiredSchema.Built<T>) (scratch, schema) -> then.read(scratch, schema, WrittenExpressions.none()));
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

            @Override
            public <T> T desiredSchema(Connection connection, JpaDesiredSchema.Built<T> then) throws SQLException {
                return desired.desiredSchema(connection, then);
            }

            @Override
            public <T> T desiredSchema(Connection connection, JpaDesiredSchema.BuiltAsWritten<T> then)
                    throws SQLException {
                return desired.desiredSchema(connection, then);
            }

        };
    }

}
