package dev.belay.diff;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** How a plan orders its changes and what it leaves to PostgreSQL. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanOrderTests {

    private DiffDatabase database;

    @BeforeAll
    void connect(TestDatabase database) {
        this.database = new DiffDatabase(database);
    }

    @Test
    void tablesThatReferenceEachOtherAreCreatedBeforeTheirForeignKeys() throws SQLException {
        Schema desired = this.database.build("mutual", "CREATE TABLE a (id integer PRIMARY KEY, b_id integer)",
                "CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id))",
                "ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id)");
        List<String> kinds = kinds(SchemaDiff.between(Schema.empty(), desired));
        assertThat(kinds).containsExactly("CreateTable", "CreateTable", "AddPrimaryKey", "AddPrimaryKey",
                "AddForeignKey", "AddForeignKey");
    }

    @Test
    void typesAndSequencesComeBeforeTheTablesThatUseThem() throws SQLException {
        Schema desired = this.database.build("types", "CREATE TYPE a_type AS ENUM ('x')", "CREATE SEQUENCE z_seq",
                "CREATE TABLE a (t a_type, n bigint DEFAULT nextval('z_seq'))");
        assertThat(kinds(SchemaDiff.between(Schema.empty(), desired))).containsExactly("CreateEnumType",
                "CreateSequence", "CreateTable");
    }

    @Test
    void whatADroppedTableTakesWithItIsNotDroppedAgain() throws SQLException {
        Schema current = this.database.build("cascade", "CREATE TYPE kind AS ENUM ('a')",
                "CREATE TABLE ride (id serial PRIMARY KEY, name text UNIQUE, kind kind, d integer CHECK (d > 0))",
                "CREATE INDEX ride_name_idx ON ride (lower(name))",
                "CREATE TABLE stop (ride_id integer REFERENCES ride (id))");
        Schema desired = this.database.build("cascade_target", "CREATE TABLE stop (ride_id integer)");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.statements()).containsExactly("ALTER TABLE stop DROP CONSTRAINT stop_ride_id_fkey",
                "DROP TABLE ride", "DROP TYPE kind");
        this.database.apply("cascade", plan);
        assertThat(this.database.inspect("cascade")).isEqualTo(desired);
    }

    @Test
    void castsComeAfterTheirEnumTypeAndGoBeforeIt() throws SQLException {
        String[] ddl = { "CREATE TYPE kind AS ENUM ('a', 'b')",
                "CREATE CAST (kind AS varchar) WITH INOUT AS IMPLICIT",
                "CREATE CAST (varchar AS kind) WITH INOUT AS IMPLICIT", "CREATE TABLE t (k kind)" };
        Schema desired = this.database.build("casts", ddl);
        MigrationPlan plan = SchemaDiff.between(Schema.empty(), desired);
        assertThat(plan.statements()).startsWith("CREATE TYPE kind AS ENUM ('a', 'b')",
                "CREATE CAST (character varying AS kind) WITH INOUT AS IMPLICIT",
                "CREATE CAST (kind AS character varying) WITH INOUT AS IMPLICIT");
        assertThat(plan.reverse().statements()).containsExactly("DROP TABLE t",
                "DROP CAST (character varying AS kind)", "DROP CAST (kind AS character varying)", "DROP TYPE kind");
    }

    @Test
    void anEnumTypesReplacementDropsItsCastsBeforeAndMakesThemAgainAfter() throws SQLException {
        Schema current = this.database.build("replaced_casts", "CREATE TYPE kind AS ENUM ('a', 'b')",
                "CREATE CAST (kind AS varchar) WITH INOUT AS IMPLICIT", "CREATE TABLE t (k kind)");
        Schema desired = this.database.build("replaced_casts_target", "CREATE TYPE kind AS ENUM ('b', 'a')",
                "CREATE CAST (kind AS varchar) WITH INOUT AS IMPLICIT", "CREATE TABLE t (k kind)");
        assertThat(kinds(SchemaDiff.between(current, desired))).containsExactly("DropCast", "ReplaceEnumType",
                "CreateCast");
    }

    @Test
    void anIndexOnAColumnWhoseTypeChangesIsDroppedBeforeAndCreatedAfter() throws SQLException {
        Schema current = this.database.build("retype", "CREATE TABLE t (c character varying(10))",
                "CREATE INDEX t_c_idx ON t (upper(c))");
        Schema desired = this.database.build("retype_target", "CREATE TABLE t (c text)",
                "CREATE INDEX t_c_idx ON t (upper(c))");
        assertThat(kinds(SchemaDiff.between(current, desired))).containsExactly("DropIndex", "AlterColumnType",
                "CreateIndex");
    }

    @Test
    void theSameSchemasGiveTheSamePlanByteForByte() throws SQLException {
        Schema current = this.database.build("same", RoundTripCorpus.pairs().get(0).toDdl());
        for (SchemaPair pair : RoundTripCorpus.pairs()) {
            if (pair.minimumVersion() > this.database.majorVersion()) {
                continue;
            }
            Schema desired = this.database.build("same_target", pair.toDdl());
            MigrationPlan first = SchemaDiff.between(current, desired, pair.options(DiffOptions.defaults()).withoutRenames());
            MigrationPlan second = SchemaDiff.between(current, desired, pair.options(DiffOptions.defaults()).withoutRenames());
            assertThat(second.changes()).isEqualTo(first.changes());
            assertThat(second.toString()).isEqualTo(first.toString());
        }
    }

    @Test
    void printsSqlWithHazardsAndTransactionModesAsComments() throws SQLException {
        Schema current = this.database.build("print", "CREATE TYPE t AS ENUM ('a')",
                "CREATE TABLE ride (id integer, gone text)");
        Schema desired = this.database.build("print_target", "CREATE TYPE t AS ENUM ('a', 'b')",
                "CREATE TABLE ride (id integer)");
        String printed = SchemaDiff.between(current, desired).toString();
        assertThat(printed).startsWith("-- 2 changes, 2 statements, 1 hazard\n")
            .contains("-- DATA_LOSS column ride.gone: drops the column and its data\nALTER TABLE ride DROP COLUMN gone;\n")
            .contains("-- in a transaction of its own\nALTER TYPE t ADD VALUE IF NOT EXISTS 'b';\n");
        assertThat(SchemaDiff.between(current, current).toString()).contains("No changes");
    }

    private static List<String> kinds(MigrationPlan plan) {
        return plan.changes().stream().map((change) -> change.getClass().getSimpleName()).toList();
    }

}
