package dev.belay.test;

import java.util.List;

import javax.sql.DataSource;

import dev.belay.revision.MigrationException;
import dev.belay.test.trips.TripLog;
import dev.belay.test.trips.TripRevisions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A data revision tested the way {@link RevisionTester} is meant for: a schema of its own at the
 * revision before, rows seeded as the previous release kept them, the revision applied and rolled
 * back, and what it did to the rows asserted; all beside the schema the application migrated at
 * startup, which no test touches.
 */
@SpringBootTest(classes = { TripLog.WithNotes.class, TripRevisions.CreateTrip.class, TripRevisions.TripNotes.class })
class RevisionTesterTests {

    static TestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabase.create();
        database.registerWith(registry);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Autowired
    RevisionTester revisions;

    @Autowired
    DataSource dataSource;

    @Test
    void seedsRowsAtTheRevisionBeforeAndSeesTheDataRevisionFillThemAndItsDownTakeTheColumnAway() {
        try (TestSchema schema = this.revisions.at(TripRevisions.CREATE)) {
            schema.jdbc().update("INSERT INTO trip (title) VALUES ('Galibier'), ('Ventoux')");

            assertThat(schema.migrateTo(TripRevisions.NOTES).ids()).containsExactly(TripRevisions.NOTES);

            assertThat(schema.current()).containsExactly(TripRevisions.NOTES);
            assertThat(schema.jdbc().queryForList("SELECT notes FROM trip", String.class))
                .containsExactly("Written before notes existed", "Written before notes existed");

            schema.rollbackTo(TripRevisions.CREATE);

            assertThat(schema.columns("trip")).containsExactly("id", "title");
            assertThat(schema.jdbc().queryForList("SELECT title FROM trip ORDER BY id", String.class))
                .containsExactly("Galibier", "Ventoux");
        }
        JdbcTemplate application = new JdbcTemplate(this.dataSource);
        assertThat(application.queryForObject("SELECT count(*) FROM trip", Integer.class))
            .as("the application's own trips").isZero();
    }

    @Test
    void aSchemaIsGoneOnceClosedAndThePoolsConnectionsAreBackOnTheApplicationsSearchPath() {
        JdbcTemplate application = new JdbcTemplate(this.dataSource);
        String searchPath = application.queryForObject("SHOW search_path", String.class);
        String name;
        try (TestSchema schema = this.revisions.empty()) {
            name = schema.name();
            assertThat(schema.jdbc().queryForObject("SHOW search_path", String.class)).isEqualTo(name);
            assertThat(schema.current()).isEmpty();
            assertThatExceptionOfType(DataAccessException.class)
                .as("a table the schema does not have yet is not found elsewhere")
                .isThrownBy(() -> schema.jdbc().queryForList("SELECT * FROM trip"));
        }
        for (int i = 0; i < 12; i++) {
            assertThat(application.queryForObject("SHOW search_path", String.class)).isEqualTo(searchPath);
        }
        assertThat(application.queryForList("SELECT nspname FROM pg_namespace WHERE nspname = ?", String.class, name))
            .isEmpty();
    }

    @Test
    void aSchemaATestLeftOpenIsDroppedWithTheTester() {
        TestSchema left = this.revisions.at(TripRevisions.CREATE);

        this.revisions.destroy();

        assertThat(new JdbcTemplate(this.dataSource)
            .queryForList("SELECT nspname FROM pg_namespace WHERE nspname = ?", String.class, left.name())).isEmpty();
    }

    @Test
    void aRevisionTheCodeDoesNotHaveIsRefusedByName() {
        assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> this.revisions.at("20990101_nope"))
            .withMessageContaining("20990101_nope");
        assertThat(List.copyOf(this.revisions.graph().heads())).containsExactly(TripRevisions.NOTES);
    }

}
