package dev.belay.sample.migrations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.belay.lint.SuppressFinding;
import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.sample.rides.GpxStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.RowCallbackHandler;

import static dev.belay.actions.ColumnDefinition.column;

/**
 * GPX tracks to files: moves the tracks out of {@code ride.gpx} into {@link GpxStorage} (files
 * under {@code ridelog.data-directory}) and drops the column; {@code down} brings the column back
 * and fills it from the files.
 * <p>
 * {@code belay generate} wrote this revision as a bare {@code dropColumn} (with its
 * {@code DATA_LOSS} hazard) and {@code addColumn}; the moving of the tracks is written by hand,
 * as the README describes. It shows a revision that injects a bean of the application and touches
 * something outside the database, and the rule such a revision lives by: never lose a track.
 * <p>
 * <b>Tenants</b>: with {@code belay.tenants.schemas} Belay runs this revision once per tenant, on
 * the tenant's schema, and ride ids repeat from one tenant to the next. Each tenant's tracks have
 * a directory of their own, and the revision works only in that of the schema it runs on,
 * {@link GpxStorage#forSchema(String) forSchema(m.schema())}: the files it writes, deletes
 * and reads back below are always the tenant's own, never another tenant's of the same ride id.
 * <p>
 * <b>Up</b>, in one transaction (the revision is transactional):
 * <ol>
 * <li>{@code LOCK TABLE ride IN EXCLUSIVE MODE}: an instance still running the previous version
 * cannot change a track between its copy and the drop (reads go on).</li>
 * <li>Each track is written to its file (atomically, forced to disk) and read back and compared
 * before the next; a track that does not read back as it is stops the revision.</li>
 * <li>A file of a ride whose column is {@code NULL} is a stale copy (kept by an earlier
 * {@code down}) of a track removed since: it goes, so that the API does not bring a removed track
 * back. Files of rides that no longer exist are left alone.</li>
 * <li>Only then is the column dropped.</li>
 * </ol>
 * Should anything fail, before or at the commit, the transaction rolls back and the column keeps
 * every track: the files written are identical copies (the next attempt writes them again), and a
 * file deleted was a copy of a track the column no longer had. Once the commit succeeds, every
 * track has a file that was verified. There is no moment at which a track is in neither place.
 * <p>
 * <b>Down</b> adds the column and fills it from the files, and <em>keeps the files</em>. They
 * could be deleted safely only after the commit, which a revision cannot see; deleted before it,
 * a failed commit would take the refilled column with it and the tracks would be gone. The
 * copies left behind are harmless: the previous version of the app reads the column, and running
 * {@code up} again rewrites the files from it and removes those of tracks removed meanwhile.
 * Roll back with the app stopped: a track uploaded to the new version during the rollback would
 * be in its file but not in the column.
 * <p>
 * <b>Lint</b>: {@code belay lint} flags the drop of {@code ride.gpx}, which the previous release
 * still reads, as it would break that release during a rolling deploy; the suppression below says
 * why it does not apply to the ride log.
 * <p>
 * <b>Dry runs</b> ({@code belay apply --dry-run}, {@code belay generate --shadow}) run the SQL in
 * a transaction that is rolled back and must leave the files alone: with {@link Migrator#dryRun()}
 * up reads the rows but writes and deletes nothing, and down only reads files.
 */
@MigrationRevision(
        id = "20261121_195517_gpx_tracks_to_files",
        after = "20261121_195408_commute_rides_and_elevation_gain",
        message = "GPX tracks to files"
)
@SuppressFinding(rule = "drop-column", reason = "The ride log runs as one instance and is upgraded by stopping the "
        + "old version before the new one starts: no instance of the previous release reads ride.gpx once the drop "
        + "commits. A rolling deploy would first ship a release that reads tracks from the files.")
public class V20261121_195517_GpxTracksToFiles implements Revision {

    private static final Logger logger = LoggerFactory.getLogger(V20261121_195517_GpxTracksToFiles.class);

    private final GpxStorage storage;

    public V20261121_195517_GpxTracksToFiles(GpxStorage storage) {
        this.storage = storage;
    }

    @Override
    public void up(Migrator m) {
        GpxStorage files = this.storage.forSchema(m.schema());
        m.jdbc().execute("LOCK TABLE ride IN EXCLUSIVE MODE");
        Set<Long> moved = new HashSet<>();
        m.jdbc().query((connection) -> {
            PreparedStatement tracks = connection
                .prepareStatement("SELECT id, gpx FROM ride WHERE gpx IS NOT NULL ORDER BY id");
            tracks.setFetchSize(16); // a few tracks in memory at a time, not the whole table
            return tracks;
        }, (RowCallbackHandler) (ResultSet row) -> {
            long ride = row.getLong("id");
            byte[] gpx = row.getBytes("gpx");
            if (!m.dryRun()) {
                files.write(ride, gpx);
                verify(files, ride, gpx);
            }
            moved.add(ride);
        });
        List<Long> withoutTrack = m.jdbc().queryForList("SELECT id FROM ride WHERE gpx IS NULL", Long.class);
        Set<Long> stale = new HashSet<>(files.rides());
        stale.retainAll(withoutTrack);
        if (!m.dryRun()) {
            stale.forEach(files::delete);
        }
        m.actions().dropColumn("ride", "gpx");
        if (m.dryRun()) {
            logger.info("Dry run: would move {} GPX tracks to {} and remove {} stale files", moved.size(),
                    files.directory(), stale.size());
        }
        else {
            logger.info("Moved {} GPX tracks to {} and removed {} stale files", moved.size(), files.directory(),
                    stale.size());
        }
    }

    @Override
    public void down(Migrator m) {
        GpxStorage files = this.storage.forSchema(m.schema());
        m.actions().addColumn("ride", column("gpx", "bytea"));
        int restored = 0;
        List<Long> orphans = new ArrayList<>();
        for (long ride : files.rides()) {
            byte[] gpx = files.read(ride)
                .orElseThrow(() -> new IllegalStateException("The GPX track of ride " + ride + " disappeared from "
                        + files.directory() + " during the rollback; is the app still running?"));
            if (m.jdbc().update("UPDATE ride SET gpx = ? WHERE id = ?", gpx, ride) == 1) {
                restored++;
            }
            else {
                orphans.add(ride);
            }
        }
        logger.info("Restored {} GPX tracks from {} into ride.gpx; the files stay where they are", restored,
                files.directory());
        if (!orphans.isEmpty()) {
            logger.warn("GPX tracks of rides that no longer exist were left in {}: {}", files.directory(),
                    orphans);
        }
    }

    private static void verify(GpxStorage files, long ride, byte[] gpx) {
        byte[] written = files.read(ride).orElse(null);
        if (written == null || !Arrays.equals(written, gpx)) {
            throw new IllegalStateException("The GPX track of ride " + ride + " did not read back as written to "
                    + files.directory() + " (" + ((written == null) ? "no file" : written.length + " bytes")
                    + " instead of " + gpx.length + " bytes); ride.gpx is kept. Check the disk and apply again.");
        }
    }

}
