package dev.belay.schema.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.RoundTripCounter;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspector's cost on the network does not grow with the schema. */
@PostgresTest
class InspectorRoundTripTests {

    @Test
    void readsASchemaInTheSameFewRoundTripsWhateverItsSize(TestDatabase database) throws Exception {
        CatalogFixture catalog = new CatalogFixture(database);
        catalog.create("small", tables(1));
        catalog.create("large", tables(60));
        int small = roundTrips(database, "small", 1);
        int large = roundTrips(database, "large", 60);
        assertThat(small).as("the batch and the end of its transaction").isEqualTo(2);
        assertThat(large).isEqualTo(small);
        assertThat(large).isLessThanOrEqualTo(8);
    }

    @Test
    void readsInsideTheCallersTransactionInTheSameFewRoundTrips(TestDatabase database) throws Exception {
        new CatalogFixture(database).create("in_transaction", tables(20));
        try (RoundTripCounter.Counted counted = RoundTripCounter.open(database)) {
            Connection connection = counted.connection();
            RoundTripCounter counter = counted.counter();
            connection.setAutoCommit(false);
            counter.reset();
            new SchemaInspector().inspect(connection, "in_transaction");
            assertThat(counter.roundTrips()).as("the batch and restoring search_path").isEqualTo(2);
            connection.rollback();
        }
    }

    private static int roundTrips(TestDatabase database, String schema, int tables) throws Exception {
        try (RoundTripCounter.Counted counted = RoundTripCounter.open(database)) {
            Schema inspected = new SchemaInspector().inspect(counted.connection(), schema);
            assertThat(inspected.tables()).hasSize(tables);
            return counted.counter().roundTrips();
        }
    }

    private static String[] tables(int count) throws SQLException {
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TYPE status AS ENUM ('new', 'done')");
        for (int i = 0; i < count; i++) {
            ddl.add("CREATE TABLE t" + i + " (id bigint PRIMARY KEY, code integer UNIQUE, status status, "
                    + "parent_id bigint REFERENCES t" + Math.max(0, i - 1) + " (id), note text CHECK (note <> ''))");
            ddl.add("CREATE INDEX t" + i + "_note_idx ON t" + i + " (note)");
        }
        return ddl.toArray(String[]::new);
    }

}
