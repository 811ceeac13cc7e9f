package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.belay.adoption.AdoptionFixtures;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Databases built by the real Liquibase (a JHipster-style changelog) and the real Flyway (SQL
 * migrations), with rows, taken over the way the README says: {@code belay baseline} →
 * {@code belay check} names only what the mapping really wants changed → {@code generate} →
 * apply → {@code check} passes, every row kept, the tools' history tables untouched → a fresh
 * database builds from the whole chain to the same catalog.
 */
@PostgresTest
class RealToolAdoptionTests {

    private static final String LIQUIBASE_ROWS = """
            SELECT 'user', id::text, login, email FROM jhi_user
            UNION ALL SELECT 'user_authority', user_id::text, authority_name, NULL FROM jhi_user_authority
            UNION ALL SELECT 'blog', id::text, name, handle FROM blog
            UNION ALL SELECT 'post', id::text, title, blog_id::text FROM post
            ORDER BY 1, 2, 3""";

    private static final String FLYWAY_ROWS = """
            SELECT 'owner', id::text, last_name, email FROM owner
            UNION ALL SELECT 'pet', id::text, name, owner_id::text FROM pet
            UNION ALL SELECT 'visit', id::text, pet_id::text, description FROM visit
            ORDER BY 1, 2""";

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    RealToolAdoptionTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void aLiquibaseDatabaseIsTakenOverAndCaughtUpWithItsMappingKeepingItsRows() throws SQLException {
        AdoptionFixtures.liquibase(this.database.dataSource(), this.schema);
        takeOverAndCatchUp(AdoptionFixtures.liquibaseEntities(), OtherTool.LIQUIBASE, LIQUIBASE_ROWS,
                "databasechangelog");
    }

    @Test
    void aFlywayDatabaseIsTakenOverAndCaughtUpWithItsMappingKeepingItsRows() throws SQLException {
        AdoptionFixtures.flyway(this.database.dataSource(), this.schema);
        takeOverAndCatchUp(AdoptionFixtures.flywayEntities(), OtherTool.FLYWAY, FLYWAY_ROWS, "flyway_schema_history");
    }

    private void takeOverAndCatchUp(List<Class<?>> entities, OtherTool tool, String rowsQuery, String historyTable)
            throws SQLException {
        Map<String, Object> settings = AdoptionFixtures.hibernateSettings();
        List<Map<String, Object>> rows = rows(rowsQuery);
        int toolHistory = count(historyTable);
        assertThat(rows).isNotEmpty();
        try (Project project = new Project(this.database, this.schema).model(settings, entities)) {
            BaselineResult baseline = project.workbench().baseline(new BaselineRequest(null, tool));
            assertThat(baseline.written().revision().header().message()).startsWith("baseline of "
                    + tool.displayName() + "'s ");
            assertThat(baseline.written().revision().source()).doesNotContain("createTable(\"" + historyTable);
            project.compile(baseline.written());

            Comparison check = project.workbench().check();
            assertThat(check.plan().hazards()).as("%s", check.plan()).isEmpty();
            assertThat(check.plan().statements()).as("%s", check.plan())
                .noneMatch((sql) -> sql.startsWith("DROP") || sql.contains("RESTART") || sql.contains("setval")
                        || sql.contains(historyTable))
                .isNotEmpty();

            GenerateResult caughtUp = project.workbench().generate(GenerateRequest.defaults().withMessage("catch up"));
            project.compile(caughtUp.written());
            assertThat(project.runner().apply().ids()).hasSize(1);

            assertThat(project.workbench().check().passed()).isTrue();
            assertThat(rows(rowsQuery)).isEqualTo(rows);
            assertThat(count(historyTable)).isEqualTo(toolHistory);
            assertThat(project.runner().status().revisions()).extracting(RevisionStatus::state)
                .containsOnly(RevisionState.APPLIED);

            String fresh = this.schema + "_fresh";
            try (Project rebuilt = new Project(this.database, fresh).model(settings, entities)) {
                rebuilt.compile(baseline.written());
                rebuilt.compile(caughtUp.written());
                assertThat(rebuilt.runner().apply().ids()).hasSize(2);
                assertThat(managed(fresh)).isEqualTo(managed(this.schema));
                assertThat(rebuilt.workbench().check().passed()).isTrue();
            }
        }
    }

    private List<Map<String, Object>> rows(String query) throws SQLException {
        try (Connection connection = this.database.connect()) {
            connection.createStatement().execute("SET search_path TO " + this.schema);
            return new JdbcTemplate(new SingleConnectionDataSource(connection, true)).queryForList(query);
        }
    }

    private int count(String table) {
        return this.jdbc.queryForObject("SELECT count(*) FROM " + this.schema + "." + table, Integer.class);
    }

    /** The schema as Belay manages it: without the history tables and what Belay does not manage. */
    private Schema managed(String schema) throws SQLException {
        try (Connection connection = this.database.connect()) {
            return new SchemaInspector().inspect(connection, schema)
                .withoutTables(List.of("belay_history", "databasechangelog", "databasechangeloglock",
                        "flyway_schema_history"))
                .withUnmanaged(List.of());
        }
    }

}
