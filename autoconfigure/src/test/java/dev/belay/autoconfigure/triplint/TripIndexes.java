package dev.belay.autoconfigure.triplint;

import dev.belay.lint.SuppressFinding;
import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;

/**
 * Revisions after the trip log's first one that index its table without {@code CONCURRENTLY}, for
 * the tests of {@code belay lint}: one as it is, one with the finding suppressed. Outside the
 * trip log's package, so that only a test that adds one has it.
 */
public final class TripIndexes {

    /** The trip log's first revision, which both come after. */
    public static final String CREATE_TRIPS = "20260101_000100_create_trips";

    private TripIndexes() {
    }

    @MigrationRevision(id = IndexTripNames.ID, after = CREATE_TRIPS, message = "index trip names")
    public static class IndexTripNames implements Revision {

        public static final String ID = "20260103_000100_index_trip_names";

        @Override
        public void up(Migrator m) {
            m.actions().execute("CREATE INDEX trip_name_idx ON trip (name)");
        }

        @Override
        public void down(Migrator m) {
            m.actions().execute("DROP INDEX trip_name_idx");
        }

    }

    @MigrationRevision(id = IndexTripNamesReviewed.ID, after = CREATE_TRIPS, message = "index trip names")
    @SuppressFinding(rule = "index-not-concurrent", reason = "trips are few")
    public static class IndexTripNamesReviewed extends IndexTripNames {

        public static final String ID = "20260103_000200_index_trip_names";

    }

}
