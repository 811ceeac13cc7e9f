package dev.belay.autoconfigure.tripbackfill;

import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;

/**
 * Non-transactional data revisions that come after the trip log's first revision, for tests that
 * need a revision which can be interrupted midway. They live outside the trip log's package, so
 * that only a test that adds one to the application ({@code new SpringApplication(TripLogApplication.class,
 * FillTripModes.class)} or {@code @SpringBootTest(classes = ...)}) has it. Neither changes the
 * schema, so the JPA mapping still matches what the revisions build.
 */
public final class TripBackfills {

    /** The trip log's first revision, which both come after. */
    public static final String CREATE_TRIPS = "20260101_000100_create_trips";

    private TripBackfills() {
    }

    /** Safe to run again after an interruption: it only touches rows not done yet. */
    @MigrationRevision(id = FillTripModes.ID, after = CREATE_TRIPS, message = "fill trip modes",
            transactional = false, idempotent = true)
    public static class FillTripModes implements Revision {

        public static final String ID = "20260102_000100_fill_trip_modes";

        @Override
        public void up(Migrator m) {
            m.jdbc().update("UPDATE trip SET mode = 'BIKE' WHERE mode IS NULL");
        }

        @Override
        public void down(Migrator m) {
        }

    }

    /** Not safe to run again: a second run would mark trips twice. */
    @MigrationRevision(id = MarkOldTrips.ID, after = CREATE_TRIPS, message = "mark old trips",
            transactional = false)
    public static class MarkOldTrips implements Revision {

        public static final String ID = "20260102_000200_mark_old_trips";

        @Override
        public void up(Migrator m) {
            m.jdbc().update("UPDATE trip SET name = name || ' (old)'");
        }

        @Override
        public void down(Migrator m) {
            m.jdbc().update("UPDATE trip SET name = left(name, length(name) - length(' (old)'))");
        }

    }

}
