package dev.belay.autoconfigure.triplog;

import java.util.HashMap;
import java.util.Map;

import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands of an application with tenants, run as {@code java -jar app.jar belay ...} runs
 * them: they work on one tenant or on every tenant, and tell a pipeline what happened by exit
 * status and, with {@code --format json}, by a JSON document.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class TenantCommandsTests {

    private static final String INIT = "20260101_000100_create_trips";

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    TenantCommandsTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void applyAllTenantsMigratesEachOneAndReportsAFailedOneByExitStatusAndJson(CapturedOutput output) {
        String acme = this.schema + "_acme";
        String globex = this.schema + "_globex";
        String initech = this.schema + "_initech";
        this.jdbc.execute("CREATE SCHEMA " + globex);
        this.jdbc.execute("CREATE TABLE " + globex + ".trip (id int)");
        Map<String, Object> tenants = tenants(acme + "," + globex + "," + initech);
        tenants.put("belay.tenants.on-failure", "continue");

        assertThat(run(tenants, "belay", "apply", "--all-tenants", "--format", "json")).isEqualTo(1);

        String json = output.getOut().lines().filter((line) -> line.startsWith("{\"passed\"")).findFirst().orElseThrow();
        Map<String, Object> report = JsonParserFactory.getJsonParser().parseMap(json);
        assertThat(report).containsEntry("passed", false)
            .containsEntry("counts", Map.of("up-to-date", 0, "migrated", 2, "failed", 1, "not-started", 0));
        assertThat(report.get("tenants").toString()).contains("name=" + globex + ", schema=" + globex + ", state=failed");
        assertThat(historyRows(acme)).isEqualTo(1);
        assertThat(historyRows(initech)).isEqualTo(1);
        assertThat(historyRows(globex)).isZero();

        assertThat(run(tenants, "belay", "status")).isZero();
        assertThat(output.getOut()).contains("3 tenants, heads: " + INIT)
            .contains("2 at head, 1 behind.")
            .containsPattern(globex + " +" + globex + " +behind +1 +\\(nothing applied\\)");

        assertThat(run(tenants, "belay", "status", "--format", "json")).isZero();
        String status = output.getOut().lines().filter((line) -> line.startsWith("{\"heads\"")).findFirst().orElseThrow();
        assertThat(JsonParserFactory.getJsonParser().parseMap(status)).containsEntry("allAtHead", false)
            .containsEntry("counts", Map.of("at-head", 2, "behind", 1));

        assertThat(run(tenants, "belay", "status", "--tenant", acme)).isZero();
        assertThat(output.getOut()).contains("Tenant " + acme).contains("Schema " + acme).contains("Up to date.");
    }

    @Test
    void aCommandThatChangesTenantsMustBeToldWhich(CapturedOutput output) {
        Map<String, Object> tenants = tenants(this.schema + "_one");

        assertThat(run(tenants, "belay", "apply")).isEqualTo(2);
        assertThat(output.getOut()).contains("This application has tenants, so 'belay apply' needs to be told which: "
                + "--tenant NAME for one of them, or --all-tenants for every one.");

        assertThat(run(tenants, "belay", "apply", "--tenant", "nobody")).isEqualTo(1);
        assertThat(output.getOut()).contains("There is no tenant 'nobody'.\nThe tenants are " + this.schema + "_one;");
        assertThat(historyTables()).isZero();
    }

    @Test
    void oneTenantIsAppliedCheckedAndRolledBackOnItsOwn(CapturedOutput output) {
        String one = this.schema + "_one";
        String two = this.schema + "_two";
        Map<String, Object> tenants = tenants(one + "," + two);

        assertThat(run(tenants, "belay", "apply", "--tenant", one)).isZero();
        assertThat(output.getOut()).contains("Applied 1 revision to schema " + one);
        assertThat(historyRows(one)).isEqualTo(1);
        assertThat(this.jdbc.queryForObject("SELECT to_regnamespace(?) IS NULL", Boolean.class, two)).isTrue();

        assertThat(run(tenants, "belay", "check", "--tenant", one)).isZero();
        assertThat(run(tenants, "belay", "check", "--all-tenants")).isEqualTo(1);
        assertThat(output.getOut()).contains("OK: the JPA mapping matches what the revisions build")
            .contains("1 at head, 1 behind.");

        assertThat(run(tenants, "belay", "verify", "--all-tenants")).isZero();
        assertThat(output.getOut()).contains("OK: every tenant's applied revisions (2 tenants) still do what they did "
                + "when applied.");

        assertThat(run(tenants, "belay", "rollback", "--tenant", one, "--yes")).isZero();
        assertThat(historyRows(one)).isZero();

        assertThat(run(tenants, "belay", "rollback", "--all-tenants", "--yes")).isEqualTo(1);
        assertThat(output.getOut()).contains("Cannot roll back 1 revisions: only 0 are applied.")
            .contains("2 tenants in ");
    }

    @Test
    void diffComparesTheMappingWithWhatTheRevisionsBuildTheSameForEveryTenant(CapturedOutput output) {
        Map<String, Object> tenants = tenants(this.schema + "_one," + this.schema + "_two");

        assertThat(run(tenants, "belay", "diff")).isZero();

        assertThat(output.getOut()).contains("This application has tenants: comparing the JPA mapping with what the "
                + "revisions build (as --shadow does)")
            .contains("-- From what the revisions build (in a scratch schema) to the JPA mapping");
        assertThat(historyTables()).isZero();
    }

    @Test
    void tenantOptionsAreRefusedWhereThereAreNoTenants(CapturedOutput output) {
        assertThat(run(Map.of(), "belay", "status", "--tenant", "acme")).isEqualTo(2);

        assertThat(output.getOut()).contains("This application has no tenants, so 'belay status' takes neither "
                + "--tenant nor --all-tenants");
    }

    private Map<String, Object> tenants(String schemas) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("belay.tenants.schemas", schemas);
        return properties;
    }

    private int run(Map<String, Object> properties, String... args) {
        return ShellRun.run(this.database, this.schema, properties, args);
    }

    private int historyRows(String schema) {
        return this.jdbc.queryForObject("SELECT count(*) FROM \"" + schema + "\".belay_history", Integer.class);
    }

    private int historyTables() {
        return this.jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE tablename = 'belay_history' AND "
                + "schemaname LIKE ?", Integer.class, this.schema + "%");
    }

}
