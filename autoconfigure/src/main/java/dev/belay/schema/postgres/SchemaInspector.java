package dev.belay.schema.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import dev.belay.schema.Schema;

/**
 * Reads the current state of one schema from {@code pg_catalog}.
 * <p>
 * One inspection is a single batch of catalog queries, so it costs two round trips whatever the
 * number of tables: the batch, and the end of its read-only, repeatable-read transaction (or, when
 * the caller's transaction is in progress, the restoring of {@code search_path}). PostgreSQL renders
 * types, defaults, expressions and index keys itself ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_indexdef}), with {@code search_path} set to the inspected schema so that names in
 * it come out unqualified and the result does not depend on the schema's name. Casts, which
 * PostgreSQL keeps for the whole database, are read with the schema of their enum type. Objects
 * owned by extensions are skipped; objects Belay does not model are listed as unmanaged.
 * <p>
 * Instances are stateless and thread-safe.
 */
public class SchemaInspector {

    private static final String BATCH = String.join(";\n", CatalogQueries.BATCH);

    private static final String OWN_TRANSACTION = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;\n"
            + "SELECT pg_catalog.set_config('search_path', pg_catalog.quote_ident(?), true);\n" + BATCH;

    private static final String CALLERS_TRANSACTION = "SELECT pg_catalog.current_setting('search_path'), "
            + "pg_catalog.set_config('search_path', pg_catalog.quote_ident(?), true);\n" + BATCH;

    public SchemaInspector() {
    }

    /**
     * Reads schema {@code schemaName}. A schema that does not exist reads as empty.
     * <p>
     * With the connection in autocommit mode, the inspection runs in a read-only, repeatable-read
     * transaction of its own and returns the connection to autocommit. Otherwise it runs in the
     * caller's transaction (and so sees what that transaction did) and leaves it open, with
     * {@code search_path} as it was.
     */
    public Schema inspect(Connection connection, String schemaName) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schemaName, "schemaName");
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
            try {
                return read(connection, OWN_TRANSACTION, schemaName, 2).schema();
            }
            finally {
                try {
                    connection.rollback();
                }
                finally {
                    connection.setAutoCommit(true);
                }
            }
        }
        Result result = read(connection, CALLERS_TRANSACTION, schemaName, 1);
        try (PreparedStatement restore = connection
            .prepareStatement("SELECT pg_catalog.set_config('search_path', ?, true)")) {
            restore.setString(1, result.previousSearchPath());
            restore.execute();
        }
        return result.schema();
    }

    private static Result read(Connection connection, String sql, String schemaName, int setupResults)
            throws SQLException {
        SchemaAssembler assembler = new SchemaAssembler();
        String previousSearchPath = null;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schemaName);
            boolean isResultSet = statement.execute();
            int index = 0;
            while (true) {
                if (isResultSet) {
                    try (ResultSet rows = statement.getResultSet()) {
                        int query = index - setupResults;
                        if (query < 0) {
                            if (rows.next() && rows.getMetaData().getColumnCount() == 2) {
                                previousSearchPath = rows.getString(1);
                            }
                        }
                        else {
                            readResult(assembler, query, rows);
                        }
                    }
                }
                else if (statement.getUpdateCount() == -1) {
                    break;
                }
                index++;
                isResultSet = statement.getMoreResults();
            }
            if (index != setupResults + CatalogQueries.BATCH.size()) {
                throw new IllegalStateException("Expected " + (setupResults + CatalogQueries.BATCH.size())
                        + " results from the catalog batch but got " + index);
            }
        }
        return new Result(assembler.build(), (previousSearchPath != null) ? previousSearchPath : "");
    }

    private static void readResult(SchemaAssembler assembler, int query, ResultSet rows) throws SQLException {
        switch (query) {
            case 0 -> assembler.readColumns(rows);
            case 1 -> assembler.readConstraints(rows);
            case 2 -> assembler.readIndexes(rows);
            case 3 -> assembler.readEnumTypes(rows);
            case 4 -> assembler.readSequences(rows);
            case 5 -> assembler.readCasts(rows);
            case 6 -> assembler.readUnmanaged(rows);
            default -> throw new IllegalStateException("Unexpected result " + query + " from the catalog batch");
        }
    }

    private record Result(Schema schema, String previousSearchPath) {
    }

}
