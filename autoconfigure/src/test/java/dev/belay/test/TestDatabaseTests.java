package dev.belay.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class TestDatabaseTests {

    @Test
    void eachTestClassGetsAnEmptyDatabaseOfItsOwn(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database(), (SELECT count(*) FROM pg_class c "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public')")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(database.name());
            assertThat(rows.getLong(2)).isZero();
        }
    }

    @Test
    void runsOnTheConfiguredPostgresMajorVersion(TestDatabase database) {
        String wanted = System.getProperty("belay.postgres");
        if (database.server().isEmbedded() && wanted != null) {
            assertThat(database.server().majorVersion()).isEqualTo(Integer.parseInt(wanted));
        }
    }

}
