package dev.belay.sample.migrations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.belay.revision.MigrationException;
import dev.belay.runner.MigrationResult;
import dev.belay.sample.RideLogTestContext;
import dev.belay.sample.rides.GpxStorage;
import dev.belay.test.RevisionTester;
import dev.belay.test.TestSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The hand-written revision that moves GPX tracks out of {@code ride.gpx} into files, tested with
 * Belay's {@link RevisionTester} on the ride log's own embedded PostgreSQL: each test takes a new
 * schema at the revision before it, puts tracks into the column as the previous version of the
 * app did, and applies and rolls back the revision there. Tracks are random bytes, large and
 * small and empty, so that a file must hold exactly what the column held.
 * <p>
 * Without tenants the tracks of every schema share one directory, so each test starts with it
 * empty.
 */
class GpxTracksToFilesTests extends RideLogTestContext {

    private static final String BEFORE = "20261121_195408_commute_rides_and_elevation_gain";

    private static final String MOVE = "20261121_195517_gpx_tracks_to_files";

    @Autowired
    RevisionTester revisions;

    @Autowired
    GpxStorage storage;

    @BeforeEach
    void noTracksYet() throws IOException {
        FileSystemUtils.deleteRecursively(this.storage.directory());
    }

    @Test
    void movesEveryTrackIntoAFileThatReadsBackAndBringsThemBackOnRollbackKeepingTheFiles() {
        try (TestSchema schema = this.revisions.at(BEFORE)) {
            JdbcTemplate jdbc = schema.jdbc();
            GpxStorage storage = this.storage.forSchema(schema.name());
            Map<Long, byte[]> tracks = addRidesWithTracks(jdbc, 12);
            long withoutTrack = addRide(jdbc, null);
            long orphan = 987_654L;
            storage.write(orphan, bytes("a track of a ride deleted long ago"));

            MigrationResult applied = schema.migrateTo(MOVE);

            assertThat(applied.ids()).containsExactly(MOVE);
            assertThat(schema.columns("ride")).doesNotContain("gpx");
            tracks.forEach((ride, gpx) -> assertThat(storage.read(ride)).as("ride %d", ride).hasValue(gpx));
            assertThat(storage.contains(withoutTrack)).isFalse();
            assertThat(storage.read(orphan)).as("a file no ride refers to is left alone")
                .hasValue(bytes("a track of a ride deleted long ago"));

            MigrationResult rolledBack = schema.rollback(1);

            assertThat(rolledBack.ids()).containsExactly(MOVE);
            tracks.forEach((ride, gpx) -> assertThat(gpx(jdbc, ride)).as("ride %d", ride).isEqualTo(gpx));
            assertThat(gpx(jdbc, withoutTrack)).isNull();
            assertThat(storage.rides()).as("down keeps the files").containsAll(tracks.keySet());
        }
    }

    @Test
    void movingAgainAfterARollbackFollowsTheColumnNotTheFilesLeftBehind() {
        try (TestSchema schema = this.revisions.at(BEFORE)) {
            JdbcTemplate jdbc = schema.jdbc();
            GpxStorage storage = this.storage.forSchema(schema.name());
            Map<Long, byte[]> tracks = addRidesWithTracks(jdbc, 3);
            List<Long> rides = List.copyOf(tracks.keySet());
            schema.migrateTo(MOVE);
            schema.rollback(1);
            // The previous version of the app, back in charge, removes one track and replaces another.
            jdbc.update("UPDATE ride SET gpx = NULL WHERE id = ?", rides.get(0));
            jdbc.update("UPDATE ride SET gpx = ? WHERE id = ?", bytes("a better track"), rides.get(1));

            schema.migrateTo(MOVE);

            assertThat(storage.contains(rides.get(0))).as("the removed track stays removed").isFalse();
            assertThat(storage.read(rides.get(1))).hasValue(bytes("a better track"));
            assertThat(storage.read(rides.get(2))).hasValue(tracks.get(rides.get(2)));
        }
    }

    @Test
    void aMoveWhoseTransactionFailsAfterTheFilesAreWrittenKeepsEveryTrackInTheColumn() {
        try (TestSchema schema = this.revisions.at(BEFORE)) {
            JdbcTemplate jdbc = schema.jdbc();
            Map<Long, byte[]> tracks = addRidesWithTracks(jdbc, 5);
            // A view on the column makes the drop, the revision's last step, fail.
            jdbc.execute("CREATE VIEW ride_track AS SELECT id, gpx FROM ride");

            assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> schema.migrateTo(MOVE)).withMessageContaining(MOVE);

            assertThat(schema.current()).containsExactly(BEFORE);
            tracks.forEach((ride, gpx) -> assertThat(gpx(jdbc, ride)).as("ride %d", ride).isEqualTo(gpx));

            jdbc.execute("DROP VIEW ride_track");
            schema.migrateTo(MOVE);

            GpxStorage storage = this.storage.forSchema(schema.name());
            tracks.forEach((ride, gpx) -> assertThat(storage.read(ride)).as("ride %d", ride).hasValue(gpx));
        }
    }

    @Test
    void aRollbackWhoseTransactionFailsKeepsEveryFile() {
        try (TestSchema schema = this.revisions.at(BEFORE)) {
            JdbcTemplate jdbc = schema.jdbc();
            GpxStorage storage = this.storage.forSchema(schema.name());
            Map<Long, byte[]> tracks = addRidesWithTracks(jdbc, 5);
            schema.migrateTo(MOVE);
            long last = List.copyOf(tracks.keySet()).get(4);
            jdbc.execute("CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'ride % is read-only', NEW.id; END $$");
            jdbc.execute("CREATE TRIGGER ride_read_only BEFORE UPDATE ON ride FOR EACH ROW WHEN (NEW.id = " + last
                    + ") EXECUTE FUNCTION refuse_update()");

            assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> schema.rollback(1))
                .withMessageContaining(MOVE);

            assertThat(schema.current()).containsExactly(MOVE);
            assertThat(schema.columns("ride")).doesNotContain("gpx");
            tracks.forEach((ride, gpx) -> assertThat(storage.read(ride)).as("ride %d", ride).hasValue(gpx));
        }
    }

    @Test
    void aDryRunReadsTheTracksButLeavesTheFilesAndTheColumnAlone() {
        try (TestSchema schema = this.revisions.at(BEFORE)) {
            JdbcTemplate jdbc = schema.jdbc();
            GpxStorage storage = this.storage.forSchema(schema.name());
            Map<Long, byte[]> tracks = addRidesWithTracks(jdbc, 3);
            long withoutTrack = addRide(jdbc, null);
            storage.write(withoutTrack, bytes("a stale copy"));

            MigrationResult dryRun = schema.runner().apply(MOVE, true);

            assertThat(dryRun.revisions()).singleElement().satisfies((run) -> assertThat(run.statements())
                .extracting((statement) -> statement.sql())
                .contains("SELECT id, gpx FROM ride WHERE gpx IS NOT NULL ORDER BY id")
                .anySatisfy((sql) -> assertThat(sql).contains("DROP COLUMN gpx")));
            assertThat(storage.rides()).containsExactly(withoutTrack);
            assertThat(storage.read(withoutTrack)).hasValue(bytes("a stale copy"));
            assertThat(schema.current()).containsExactly(BEFORE);
            tracks.forEach((ride, gpx) -> assertThat(gpx(jdbc, ride)).isEqualTo(gpx));
        }
    }

    /** Rides with tracks as the app kept them before the move: random bytes, from none to 300 kB. */
    private static Map<Long, byte[]> addRidesWithTracks(JdbcTemplate jdbc, int count) {
        Random random = new Random(count);
        Map<Long, byte[]> tracks = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            byte[] gpx = new byte[(i == 0) ? 0 : random.nextInt(300_000)];
            random.nextBytes(gpx);
            tracks.put(addRide(jdbc, gpx), gpx);
        }
        return tracks;
    }

    private static long addRide(JdbcTemplate jdbc, byte[] gpx) {
        Long rider = jdbc.queryForObject("INSERT INTO rider (name, joined_at) VALUES ('Anna', now()) RETURNING id",
                Long.class);
        return jdbc.queryForObject("INSERT INTO ride (rider_id, title, type, started_at, distance_km, gpx) "
                + "VALUES (?, 'A ride', 'ROAD', now(), 42.5, ?) RETURNING id", Long.class, rider, gpx);
    }

    private static byte[] gpx(JdbcTemplate jdbc, long ride) {
        return jdbc.queryForObject("SELECT gpx FROM ride WHERE id = ?", byte[].class, ride);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
