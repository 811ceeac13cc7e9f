package dev.belay.sample.migrations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import dev.belay.revision.MigrationException;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationRunner;
import dev.belay.sample.RideLogApplication;
import dev.belay.sample.rides.GpxStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The hand-written revision that moves GPX tracks out of {@code ride.gpx} into files, on the ride
 * log's own embedded PostgreSQL: each test starts the app at the revision before it, puts tracks
 * into the column as the previous version of the app did, and drives the revision through
 * Belay's {@link MigrationRunner}. Tracks are random bytes, large and small and empty, so that a
 * file must hold exactly what the column held.
 */
class GpxTracksToFilesTests {

    private static final String BEFORE = "20261121_195408_commute_rides_and_elevation_gain";

    private static final String MOVE = "20261121_195517_gpx_tracks_to_files";

    @TempDir
    Path directory;

    @Test
    void movesEveryTrackIntoAFileThatReadsBackAndBringsThemBackOnRollbackKeepingTheFiles() {
        try (ConfigurableApplicationContext app = startAt(BEFORE)) {
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            GpxStorage storage = app.getBean(GpxStorage.class);
            MigrationRunner runner = app.getBean(MigrationRunner.class);
            Map<Long, byte[]> tracks = addRidesWithTracks(jdbc, 12);
            long withoutTrack = addRide(jdbc, null);
            long orphan = 987_654L;
            storage.write(orphan, bytes("a track of a ride deleted long ago"));

            MigrationResult applied = runner.apply(MOVE);

            assertThat(applied.ids()).containsExactly(MOVE);
            assertThat(columns(jdbc)).doesNotContain("gpx");
            tracks.forEach((ride, gpx) -> assertThat(storage.read(ride)).as("ride %d", ride).hasValue(gpx));
            assertThat(storage.contains(withoutTrack)).isFalse();
            assertThat(storage.read(orphan)).as("a file no ride refers to is left alone")
                .hasValue(bytes("a track of a ride deleted long ago"));

            MigrationResult rolledBack = runner.rollback(1);

            assertThat(rolledBack.ids()).containsExactly(MOVE);
            tracks.forEach((ride, gpx) -> assertThat(gpx(jdbc, ride)).as("ride %d", ride).isEqualTo(gpx));
            assertThat(gpx(jdbc, withoutTrack)).isNull();
            assertThat(storage.rides()).as("down keeps the files").containsAll(tracks.keySet());
        }
    }

    @Test
    void movingAgainAfterARollbackFollowsTheColumnNotTheFilesLeftBehind() {
        try (ConfigurableApplicationContext app = startAt(BEFORE)) {
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            GpxStorage storage = app.getBean(GpxStorage.class);
            MigrationRunner runner = app.getBean(MigrationRunner.class);
            Map<Long, byte[]> tracks = addRidesWithTracks(jdbc, 3);
            List<Long> rides = List.copyOf(tracks.keySet());
            runner.apply(MOVE);
            runner.rollback(1);
            // The previous version of the app, back in charge, removes one track and replaces another.
            jdbc.update("UPDATE ride SET gpx = NULL WHERE id = ?", rides.get(0));
            jdbc.update("UPDATE ride SET gpx = ? WHERE id = ?", bytes("a better track"), rides.get(1));

            runner.apply(MOVE);

            assertThat(storage.contains(rides.get(0))).as("the removed track stays removed").isFalse();
            assertThat(storage.read(rides.get(1))).hasValue(bytes("a better track"));
            assertThat(storage.read(rides.get(2))).hasValue(tracks.get(rides.get(2)));
        }
    }

    @Test
    void aMoveWhoseTransactionFailsAfterTheFilesAreWrittenKeepsEveryTrackInTheColumn() {
        try (ConfigurableApplicationContext app = startAt(BEFORE)) {
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            MigrationRunner runner = app.getBean(MigrationRunner.class);
            Map<Long, byte[]> tracks = addRidesWithTracks(jdbc, 5);
            // A view on the column makes the drop, the revision's last step, fail.
            jdbc.execute("CREATE VIEW ride_track AS SELECT id, gpx FROM ride");

            assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.apply(MOVE)).withMessageContaining(MOVE);

            assertThat(runner.status().current()).containsExactly(BEFORE);
            tracks.forEach((ride, gpx) -> assertThat(gpx(jdbc, ride)).as("ride %d", ride).isEqualTo(gpx));

            jdbc.execute("DROP VIEW ride_track");
            runner.apply(MOVE);

            GpxStorage storage = app.getBean(GpxStorage.class);
            tracks.forEach((ride, gpx) -> assertThat(storage.read(ride)).as("ride %d", ride).hasValue(gpx));
        }
    }

    @Test
    void aRollbackWhoseTransactionFailsKeepsEveryFile() {
        try (ConfigurableApplicationContext app = startAt(BEFORE)) {
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            GpxStorage storage = app.getBean(GpxStorage.class);
            MigrationRunner runner = app.getBean(MigrationRunner.class);
            Map<Long, byte[]> tracks = addRidesWithTracks(jdbc, 5);
            runner.apply(MOVE);
            long last = List.copyOf(tracks.keySet()).get(4);
            jdbc.execute("CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'ride % is read-only', NEW.id; END $$");
            jdbc.execute("CREATE TRIGGER ride_read_only BEFORE UPDATE ON ride FOR EACH ROW WHEN (NEW.id = " + last
                    + ") EXECUTE FUNCTION refuse_update()");

            assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> runner.rollback(1))
                .withMessageContaining(MOVE);

            assertThat(runner.status().current()).containsExactly(MOVE);
            assertThat(columns(jdbc)).doesNotContain("gpx");
            tracks.forEach((ride, gpx) -> assertThat(storage.read(ride)).as("ride %d", ride).hasValue(gpx));
        }
    }

    @Test
    void aDryRunReadsTheTracksButLeavesTheFilesAndTheColumnAlone() {
        try (ConfigurableApplicationContext app = startAt(BEFORE)) {
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            GpxStorage storage = app.getBean(GpxStorage.class);
            MigrationRunner runner = app.getBean(MigrationRunner.class);
            Map<Long, byte[]> tracks = addRidesWithTracks(jdbc, 3);
            long withoutTrack = addRide(jdbc, null);
            storage.write(withoutTrack, bytes("a stale copy"));

            MigrationResult dryRun = runner.apply(MOVE, true);

            assertThat(dryRun.revisions()).singleElement().satisfies((run) -> assertThat(run.statements())
                .extracting((statement) -> statement.sql())
                .contains("SELECT id, gpx FROM ride WHERE gpx IS NOT NULL ORDER BY id")
                .anySatisfy((sql) -> assertThat(sql).contains("DROP COLUMN gpx")));
            assertThat(storage.rides()).containsExactly(withoutTrack);
            assertThat(storage.read(withoutTrack)).hasValue(bytes("a stale copy"));
            assertThat(runner.status().current()).containsExactly(BEFORE);
            tracks.forEach((ride, gpx) -> assertThat(gpx(jdbc, ride)).isEqualTo(gpx));
        }
    }

    private ConfigurableApplicationContext startAt(String target) {
        // Arguments, not default properties: they must win over application.properties.
        return new SpringApplicationBuilder(RideLogApplication.class).main(RideLogApplication.class)
            .web(WebApplicationType.NONE)
            .run("--ridelog.database.directory=" + this.directory.resolve("db"),
                    "--ridelog.data-directory=" + this.directory.resolve("data"), "--belay.target=" + target,
                    "--belay.drift=off", "--spring.main.banner-mode=off");
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

    private static List<String> columns(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT attname FROM pg_attribute WHERE attrelid = 'ride'::regclass AND attnum > 0 "
                + "AND NOT attisdropped", String.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
