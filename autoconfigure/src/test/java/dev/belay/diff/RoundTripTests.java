package dev.belay.diff;

import java.sql.SQLException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

/**
 * Every pair of the {@link RoundTripCorpus} there and back on a real database, with the plain
 * plan and with the online-safe one.
 */
@PostgresTest
class RoundTripTests {

    static Stream<SchemaPair> pairs() {
        return RoundTripCorpus.pairs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void roundTrip(SchemaPair pair, TestDatabase database) throws SQLException {
        check(pair, database, false);
    }

    @ParameterizedTest(name = "online-safe: {0}")
    @MethodSource("pairs")
    void roundTripOnlineSafe(SchemaPair pair, TestDatabase database) throws SQLException {
        check(pair, database, true);
    }

    private static void check(SchemaPair pair, TestDatabase database, boolean onlineSafe) throws SQLException {
        DiffDatabase diffDatabase = new DiffDatabase(database);
        int version = diffDatabase.majorVersion();
        Assumptions.assumeTrue(version >= pair.minimumVersion(),
                () -> "needs PostgreSQL " + pair.minimumVersion() + ", running " + version);
        new RoundTrip(diffDatabase)
            .check(pair, DiffOptions.defaults().withServerVersion(version).withOnlineSafe(onlineSafe));
    }

}
