package dev.belay.schema.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The floor for the inspector benchmark: the inspector's own catalog batch, run the same way, with
 * every value of every row read and nothing built from it. (Lives in the inspector's package to
 * run exactly its queries.)
 */
public final class CatalogFloor {

    private static final String BATCH = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;\n"
            + "SELECT pg_catalog.set_config('search_path', pg_catalog.quote_ident(?), true);\n"
            + String.join(";\n", CatalogQueries.BATCH);

    private CatalogFloor() {
    }

    /** Reads all rows of the batch; returns how many values it read. */
    public static long read(Connection connection, String schemaName) throws SQLException {
        long values = 0;
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(BATCH)) {
            statement.setString(1, schemaName);
            boolean isResultSet = statement.execute();
            while (isResultSet || statement.getUpdateCount() != -1) {
                if (isResultSet) {
                    try (ResultSet rows = statement.getResultSet()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int i = 1; i <= columns; i++) {
                                rows.getObject(i);
                                values++;
                            }
                        }
                    }
                }
                isResultSet = statement.getMoreResults();
            }
        }
        finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return values;
    }

}
