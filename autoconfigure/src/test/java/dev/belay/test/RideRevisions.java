package dev.belay.test;

import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;

/**
 * Two small annotated revisions that tests share: a table of rides, then a name for each ride.
 * Other test revisions may come {@code after = CreateRide.ID}.
 */
public final class RideRevisions {

    private RideRevisions() {
    }

    @MigrationRevision(id = CreateRide.ID, message = "create rides")
    public static class CreateRide implements Revision {

        public static final String ID = "20260101_ride";

        @Override
        public void up(Migrator migrator) {
            migrator.actions().execute("CREATE TABLE ride (id bigint PRIMARY KEY)");
        }

        @Override
        public void down(Migrator migrator) {
            migrator.actions().execute("DROP TABLE ride");
        }

    }

    @MigrationRevision(id = AddRideName.ID, after = CreateRide.ID, message = "name rides")
    public static class AddRideName implements Revision {

        public static final String ID = "20260102_name";

        @Override
        public void up(Migrator migrator) {
            migrator.actions().execute("ALTER TABLE ride ADD COLUMN name varchar(255)");
        }

        @Override
        public void down(Migrator migrator) {
            migrator.actions().execute("ALTER TABLE ride DROP COLUMN name");
        }

    }

}
