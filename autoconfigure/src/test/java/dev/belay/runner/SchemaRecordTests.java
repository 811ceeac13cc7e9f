package dev.belay.runner;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.belay.actions.SchemaSnapshot;
import dev.belay.revision.Revisions;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each migration records, in the history table, the schema it left (on the latest applied
 * revision, one snapshot in all) and what each run changed (on its last revision), so that
 * starts and {@code belay verify} compare fingerprints instead of rebuilding schemas.
 */
@PostgresTest
class SchemaRecordTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    SchemaRecordTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void aRunRecordsTheSchemaItLeftAndWhatItChanged() throws Exception {
        MigrationRunner runner = runner(chain());

        runner.apply("a");
        runner.apply();

        List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT id, run_id, effect_fingerprint, "
                + "schema_fingerprint FROM " + this.schema + ".belay_history ORDER BY applied_rank");
        assertThat(rows).extracting((row) -> row.get("id")).containsExactly("a", "b", "c");
        assertThat(rows.get(1).get("run_id")).isNotNull().isEqualTo(rows.get(2).get("run_id"))
            .isNotEqualTo(rows.get(0).get("run_id"));
        assertThat(rows).extracting((row) -> row.get("effect_fingerprint") != null).containsExactly(true, false, true);
        assertThat(rows).extracting((row) -> row.get("schema_fingerprint") != null).containsExactly(false, false, true);
        assertThat((String) rows.get(2).get("schema_fingerprint"))
            .startsWith("pg" + this.database.server().majorVersion() + "/belay-schema-1:");

        SchemaSnapshot now = current();
        assertThat(recordedSnapshot()).isEqualTo(now);
        SchemaSnapshot effect = SchemaSnapshot.decompress(this.jdbc.queryForObject("SELECT effect FROM " + this.schema
                + ".belay_history WHERE id = 'c'", byte[].class));
        assertThat(effect.lines().keySet()).containsExactly("+column b.id", "+column b.note", "+table b", "+table c");
    }

    @Test
    void aRollbackRecordsTheSchemaAsItLeftItOnTheNewLatestRevision() throws Exception {
        MigrationRunner runner = runner(chain());
        runner.apply();

        runner.rollback(1);

        assertThat(this.jdbc.queryForList("SELECT id FROM " + this.schema + ".belay_history WHERE schema_snapshot "
                + "IS NOT NULL", String.class)).containsExactly("b");
        assertThat(recordedSnapshot()).isEqualTo(current());
    }

    @Test
    void aStartWithNothingPendingAddsTheColumnsToAnOlderHistoryTableAndRecordsTheSchemaOnce() throws Exception {
        MigrationRunner runner = runner(chain());
        runner.apply();
        // As Belay before fingerprints left it.
        this.jdbc.execute("ALTER TABLE " + this.schema + ".belay_history DROP COLUMN run_id, DROP COLUMN "
                + "effect_fingerprint, DROP COLUMN effect, DROP COLUMN schema_fingerprint, DROP COLUMN schema_snapshot");

        assertThat(runner.apply().revisions()).isEmpty();

        assertThat(recordedSnapshot()).isEqualTo(current());
        assertThat(runner.status().upToDate()).isTrue();
        String fingerprint = this.jdbc.queryForObject("SELECT schema_fingerprint FROM " + this.schema
                + ".belay_history WHERE id = 'c'", String.class);
        runner.apply();
        assertThat(this.jdbc.queryForObject("SELECT schema_fingerprint FROM " + this.schema
                + ".belay_history WHERE id = 'c'", String.class)).isEqualTo(fingerprint);
    }

    private SchemaSnapshot recordedSnapshot() {
        return SchemaSnapshot.decompress(this.jdbc.queryForObject("SELECT schema_snapshot FROM " + this.schema
                + ".belay_history WHERE schema_snapshot IS NOT NULL", byte[].class));
    }

    private SchemaSnapshot current() throws Exception {
        try (var connection = this.database.connect()) {
            return SchemaSnapshot.of(new SchemaInspector().inspect(connection, this.schema).withoutTable("belay_history"));
        }
    }

    private static Revisions chain() {
        return TestRevisions.chain()
            .table("a", null)
            .add("b", "a", (m) -> m.actions().execute("CREATE TABLE b (id int)"), (m) -> m.actions().execute(
                    "DROP TABLE b"))
            .add("c", "b", (m) -> {
                m.actions().execute("ALTER TABLE b ADD COLUMN note text");
                m.actions().execute("CREATE TABLE c ()");
            }, (m) -> {
                m.actions().execute("DROP TABLE c");
                m.actions().execute("ALTER TABLE b DROP COLUMN note");
            })
            .build();
    }

    private MigrationRunner runner(Revisions revisions) {
        return new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(this.schema, "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(10)),
                revisions);
    }

}
