package dev.belay.diff;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The way back of a plan that drops columns runs on the tables it left, rows and all: a
 * {@code NOT NULL} column comes back {@code NOT NULL} on an empty table and nullable on one with
 * rows, and what nulls cannot get past (a primary key, a unique constraint that treats nulls as
 * equal, a foreign key that refers to the column) is named as a hazard that PostgreSQL then
 * confirms.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WayBackColumnsTests {

    private DiffDatabase database;

    @BeforeAll
    void connect(TestDatabase database) {
        this.database = new DiffDatabase(database);
    }

    @Test
    void aDroppedNotNullColumnComesBackNotNullOnAnEmptyTableAndNullableOnOneWithRows() throws SQLException {
        String[] before = { "CREATE TABLE ride (id bigint PRIMARY KEY, track text NOT NULL, note text)" };
        Schema current = this.database.build("back_empty", before);
        Schema desired = this.database.build("back_target", "CREATE TABLE ride (id bigint PRIMARY KEY, note text)");
        MigrationPlan forward = SchemaDiff.between(current, desired);
        MigrationPlan back = forward.reverse();

        Change.AddColumn add = only(back, Change.AddColumn.class);
        assertThat(add.notNullWhenEmpty()).isTrue();
        assertThat(add.column().notNull()).isTrue();
        assertThat(add.hazards()).extracting(Hazard::kind).containsExactly(HazardKind.DATA_LOSS);
        assertThat(add.hazards().get(0).reason()).contains("NOT NULL only if the table has no rows")
            .contains("m.actions().addNotNull(\"ride\", \"track\")");

        this.database.apply("back_empty", forward);
        this.database.apply("back_empty", back);
        assertThat(this.database.inspect("back_empty")).isEqualTo(current);

        this.database.build("back_rows", before);
        this.database.apply("back_rows", forward);
        this.database.execute("back_rows", "INSERT INTO ride VALUES (1, 'a'), (2, 'b')");
        this.database.apply("back_rows", back);
        assertThat(this.database.inspect("back_rows").tables().get("ride").column("track").notNull()).isFalse();
        assertThat(this.database.rows("back_rows", "SELECT id, track, note FROM ride ORDER BY id"))
            .containsExactly(Arrays.asList("1", null, "a"), Arrays.asList("2", null, "b"));
    }

    @Test
    void aDroppedNotNullColumnWithADefaultComesBackNotNullOnATableWithRows() throws SQLException {
        String[] before = { "CREATE TABLE ride (id bigint PRIMARY KEY, track text NOT NULL DEFAULT 'loop')" };
        Schema current = this.database.build("back_default", before);
        Schema desired = this.database.build("back_default_target", "CREATE TABLE ride (id bigint PRIMARY KEY)");
        MigrationPlan forward = SchemaDiff.between(current, desired);
        MigrationPlan back = forward.reverse();
        assertThat(only(back, Change.AddColumn.class).notNullWhenEmpty()).isFalse();

        this.database.apply("back_default", forward);
        this.database.execute("back_default", "INSERT INTO ride VALUES (1)");
        this.database.apply("back_default", back);
        assertThat(this.database.inspect("back_default")).isEqualTo(current);
        assertThat(this.database.rows("back_default", "SELECT track FROM ride")).containsExactly(List.of("loop"));
    }

    @Test
    void aUniqueConstraintOverTheColumnTakesItsNullsUnlessItTreatsThemAsEqual() throws SQLException {
        Schema current = this.database.build("back_unique", "CREATE TABLE ride (id bigint PRIMARY KEY, "
                + "track text NOT NULL CONSTRAINT ride_track_key UNIQUE, "
                + "code text NOT NULL CONSTRAINT ride_code_key UNIQUE NULLS NOT DISTINCT)");
        Schema desired = this.database.build("back_unique_target", "CREATE TABLE ride (id bigint PRIMARY KEY)");
        MigrationPlan forward = SchemaDiff.between(current, desired);
        MigrationPlan back = forward.reverse();
        List<Change.AddUniqueConstraint> uniques = back.changes()
            .stream()
            .filter(Change.AddUniqueConstraint.class::isInstance)
            .map(Change.AddUniqueConstraint.class::cast)
            .toList();
        assertThat(uniques).filteredOn((add) -> add.unique().name().equals("ride_track_key"))
            .singleElement()
            .satisfies((add) -> assertThat(wayBack(add)).isEmpty());
        assertThat(uniques).filteredOn((add) -> add.unique().name().equals("ride_code_key"))
            .singleElement()
            .satisfies((add) -> assertThat(wayBack(add)).singleElement().satisfies((hazard) -> {
                assertThat(hazard.kind()).isEqualTo(HazardKind.MAY_FAIL_ON_DATA);
                assertThat(hazard.reason()).contains("NULLS NOT DISTINCT")
                    .contains("fails if the table has two rows or more");
            }));

        String ddl = "CREATE TABLE ride (id bigint PRIMARY KEY, track text NOT NULL CONSTRAINT ride_track_key UNIQUE, "
                + "code text NOT NULL CONSTRAINT ride_code_key UNIQUE NULLS NOT DISTINCT)";
        this.database.build("back_unique_one", ddl);
        this.database.apply("back_unique_one", forward);
        this.database.execute("back_unique_one", "INSERT INTO ride VALUES (1)");
        this.database.apply("back_unique_one", back);
        assertThat(this.database.inspect("back_unique_one").tables().get("ride").uniqueConstraints())
            .containsOnlyKeys("ride_track_key", "ride_code_key");

        this.database.apply("back_unique", forward);
        this.database.execute("back_unique", "INSERT INTO ride VALUES (1), (2)");
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> this.database.apply("back_unique", back))
            .withMessageContaining("ride_code_key");
    }

    @Test
    void aForeignKeyThatRefersToTheColumnIsNamedAsFailingWhileItsTableRefersToTheTable() throws SQLException {
        Schema current = this.database.build("back_refers",
                "CREATE TABLE country (id bigint PRIMARY KEY, code text NOT NULL CONSTRAINT country_code_key UNIQUE)",
                "CREATE TABLE city (id bigint PRIMARY KEY, country_code text "
                        + "CONSTRAINT city_country_fk REFERENCES country (code))");
        Schema desired = this.database.build("back_refers_target", "CREATE TABLE country (id bigint PRIMARY KEY)",
                "CREATE TABLE city (id bigint PRIMARY KEY, country_code text)");
        MigrationPlan forward = SchemaDiff.between(current, desired);
        MigrationPlan back = forward.reverse();
        Change.AddForeignKey key = only(back, Change.AddForeignKey.class);
        assertThat(wayBack(key)).singleElement().satisfies((hazard) -> {
            assertThat(hazard.kind()).isEqualTo(HazardKind.MAY_FAIL_ON_DATA);
            assertThat(hazard.reason()).contains("refers to column country.code")
                .contains("fails if city has rows that refer to country");
        });

        this.database.apply("back_refers", forward);
        this.database.execute("back_refers", "INSERT INTO country VALUES (1)", "INSERT INTO city VALUES (1, 'FR')");
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> this.database.apply("back_refers", back))
            .withMessageContaining("city_country_fk");
    }

    /** The hazards the way back adds to what the planner says of a change. */
    private static List<Hazard> wayBack(Change change) {
        return change.hazards().stream().filter((hazard) -> hazard.reason().contains("came back")).toList();
    }

    private static <T extends Change> T only(MigrationPlan plan, Class<T> kind) {
        List<T> changes = plan.changes().stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(changes).as("%s in\n%s", kind.getSimpleName(), plan).hasSize(1);
        return changes.get(0);
    }

}
