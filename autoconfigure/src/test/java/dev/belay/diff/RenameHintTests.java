package dev.belay.diff;

import java.sql.SQLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The diff never guesses a rename; hints make one, and a wrong hint is a clear error. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenameHintTests {

    private Schema current;

    private Schema desired;

    @BeforeAll
    void build(TestDatabase database) throws SQLException {
        DiffDatabase diffDatabase = new DiffDatabase(database);
        this.current = diffDatabase.build("hints", "CREATE TYPE ride_type AS ENUM ('ROAD', 'MTB')",
                "CREATE TABLE ride (id integer, dist integer, type ride_type)");
        this.desired = diffDatabase.build("hints_target", "CREATE TYPE ride_type AS ENUM ('ROAD', 'MOUNTAIN')",
                "CREATE TABLE trip (id integer, distance integer, type ride_type)");
    }

    @Test
    void withoutHintsARenamedTableIsDroppedAndCreated() {
        MigrationPlan plan = SchemaDiff.between(this.current, this.desired);
        assertThat(plan.changes()).noneMatch((change) -> change instanceof Change.RenameTable)
            .anyMatch((change) -> change instanceof Change.DropTable);
        assertThat(plan.hazardKinds()).contains(HazardKind.DATA_LOSS);
    }

    @Test
    void withHintsTablesColumnsAndLabelsAreRenamedWithoutDataLoss() {
        DiffOptions hints = DiffOptions.defaults()
            .withTableRename("ride", "trip")
            .withColumnRename("ride", "dist", "distance")
            .withEnumValueRename("ride_type", "MTB", "MOUNTAIN");
        MigrationPlan plan = SchemaDiff.between(this.current, this.desired, hints);
        assertThat(plan.statements()).containsExactly("ALTER TABLE ride RENAME TO trip",
                "ALTER TABLE trip RENAME COLUMN dist TO distance",
                "ALTER TYPE ride_type RENAME VALUE 'MTB' TO 'MOUNTAIN'");
        assertThat(plan.hazards()).isEmpty();
        assertThat(plan.reverse().statements()).containsExactly("ALTER TABLE trip RENAME TO ride",
                "ALTER TABLE ride RENAME COLUMN distance TO dist",
                "ALTER TYPE ride_type RENAME VALUE 'MOUNTAIN' TO 'MTB'");
    }

    @Test
    void hintsTurnAroundForTheWayBack() {
        DiffOptions hints = DiffOptions.defaults()
            .withTableRename("ride", "trip")
            .withColumnRename("ride", "dist", "distance")
            .withEnumValueRename("ride_type", "MTB", "MOUNTAIN");
        assertThat(hints.reversed()).isEqualTo(DiffOptions.defaults()
            .withTableRename("trip", "ride")
            .withColumnRename("trip", "distance", "dist")
            .withEnumValueRename("ride_type", "MOUNTAIN", "MTB"));
        assertThat(hints.reversed().reversed()).isEqualTo(hints);
    }

    @Test
    void aHintForATableTheCurrentSchemaLacksNamesIt() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> SchemaDiff.between(this.current, this.desired,
                    DiffOptions.defaults().withTableRename("rides", "trip")))
            .withMessage("Rename hint rides → trip: the current schema has no table rides");
    }

    @Test
    void aHintToATableTheDesiredSchemaLacksNamesIt() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> SchemaDiff.between(this.current, this.desired,
                    DiffOptions.defaults().withTableRename("ride", "Trip")))
            .withMessage("Rename hint ride → \"Trip\": the desired schema has no table \"Trip\"");
    }

    @Test
    void aColumnHintNamesTheTableAsItIsNow() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> SchemaDiff.between(this.current, this.desired,
                    DiffOptions.defaults().withTableRename("ride", "trip").withColumnRename("trip", "dist", "distance")))
            .withMessageContaining("the current schema has no table trip (name the table as it is now");
    }

    @Test
    void aColumnHintForAMissingColumnNamesIt() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> SchemaDiff.between(this.current, this.desired,
                    DiffOptions.defaults().withTableRename("ride", "trip").withColumnRename("ride", "distance", "dist")))
            .withMessage("Rename hint for column ride.distance → dist: table ride has no column distance");
    }

    @Test
    void aLabelHintForAMissingLabelNamesIt() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> SchemaDiff.between(this.current, this.desired,
                    DiffOptions.defaults().withEnumValueRename("ride_type", "GRAVEL", "MOUNTAIN")))
            .withMessage("Rename hint for label 'GRAVEL' of enum type ride_type → 'MOUNTAIN': the type has no such label");
    }

    @Test
    void twoHintsForOneTableAreRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> DiffOptions.defaults().withTableRename("ride", "trip").withTableRename("ride", "tour"))
            .withMessage("Table ride already has a rename hint, to trip");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> DiffOptions.defaults().withTableRename("a", "trip").withTableRename("b", "trip"))
            .withMessage("Two tables are renamed to trip");
    }

}
