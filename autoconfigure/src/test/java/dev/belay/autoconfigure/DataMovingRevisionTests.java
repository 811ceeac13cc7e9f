package dev.belay.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationRunner;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision in the style of fietsupdate: it moves GPX blobs out of a table into files of a data
 * directory through an injected bean, and its {@code down} moves them back.
 */
@PostgresTest
class DataMovingRevisionTests {

    @Test
    void movesBlobsIntoFilesThroughAnInjectedBeanAndBackOnRollback(TestDatabase database, @TempDir Path data) {
        ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, BelayAutoConfiguration.class))
            .withPropertyValues(database.springProperties())
            .withBean(GpxStorage.class, () -> new GpxStorage(data))
            .withUserConfiguration(CreateRides.class, MoveGpxToFiles.class);
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());

        app.withPropertyValues("belay.target=20260101_rides").run((context) -> assertThat(context).hasNotFailed());
        Map<Long, byte[]> tracks = new HashMap<>();
        Random random = new Random(42);
        for (long id = 1; id <= 20; id++) {
            byte[] gpx = new byte[(id == 1) ? 0 : random.nextInt(200_000)];
            random.nextBytes(gpx);
            tracks.put(id, gpx);
            jdbc.update("INSERT INTO ride (id, name, gpx) VALUES (?, ?, ?)", id, "ride " + id, gpx);
        }
        jdbc.update("INSERT INTO ride (id, name) VALUES (21, 'no track')");

        app.run((context) -> {
            MigrationRunner runner = context.getBean(MigrationRunner.class);
            assertThat(runner.status().upToDate()).isTrue();
            assertThat(columns(jdbc)).containsExactly("id", "name");
            assertThat(files(data)).hasSize(20);
            tracks.forEach((id, gpx) -> assertThat(context.getBean(GpxStorage.class).read(id)).isEqualTo(gpx));

            MigrationResult back = runner.rollback(1);

            assertThat(back.ids()).containsExactly("20260102_gpx_files");
            assertThat(columns(jdbc)).containsExactly("id", "name", "gpx");
            tracks.forEach((id, gpx) -> assertThat(
                    jdbc.queryForObject("SELECT gpx FROM ride WHERE id = ?", byte[].class, id)).isEqualTo(gpx));
            assertThat(jdbc.queryForObject("SELECT gpx FROM ride WHERE id = 21", byte[].class)).isNull();
            assertThat(files(data)).isEmpty();
        });
    }

    @Test
    void aDryRunOfTheMoveLeavesTheFilesAndTheTableAlone(TestDatabase database, @TempDir Path data) {
        ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, BelayAutoConfiguration.class))
            .withPropertyValues(database.springProperties())
            .withPropertyValues("belay.schema=dry", "belay.migrate-on-startup=false")
            .withBean(GpxStorage.class, () -> new GpxStorage(data))
            .withUserConfiguration(CreateRides.class, MoveGpxToFiles.class);
        app.run((context) -> {
            MigrationRunner runner = context.getBean(MigrationRunner.class);
            runner.apply("20260101_rides");
            new JdbcTemplate(database.dataSource()).update("INSERT INTO dry.ride VALUES (1, 'a', '\\x0102')");

            MigrationResult dryRun = runner.apply(null, true);

            assertThat(dryRun.revisions().get(0).statements()).extracting((statement) -> statement.sql())
                .containsExactly("SELECT id, gpx FROM ride WHERE gpx IS NOT NULL", "ALTER TABLE ride DROP COLUMN gpx");
            assertThat(files(data)).isEmpty();
            assertThat(new JdbcTemplate(database.dataSource())
                .queryForObject("SELECT gpx FROM dry.ride WHERE id = 1", byte[].class)).containsExactly(1, 2);
        });
    }

    private static List<String> columns(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND table_name = 'ride' ORDER BY ordinal_position", String.class);
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Where the application keeps GPX tracks once they are out of the database. */
    static class GpxStorage {

        private final Path directory;

        GpxStorage(Path directory) {
            this.directory = directory;
        }

        void write(long ride, byte[] gpx) {
            try {
                Files.write(path(ride), gpx);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        byte[] read(long ride) {
            try {
                return Files.readAllBytes(path(ride));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        List<Long> rides() {
            return files(this.directory).stream()
                .map((file) -> Long.parseLong(file.getFileName().toString().replace(".gpx", "")))
                .toList();
        }

        void delete(long ride) {
            try {
                Files.delete(path(ride));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private Path path(long ride) {
            return this.directory.resolve(ride + ".gpx");
        }

    }

    @MigrationRevision(id = "20260101_rides", message = "rides with their GPX tracks")
    static class CreateRides implements Revision {

        @Override
        public void up(Migrator migrator) {
            migrator.actions().execute("CREATE TABLE ride (id bigint PRIMARY KEY, name text, gpx bytea)");
        }

        @Override
        public void down(Migrator migrator) {
            migrator.actions().execute("DROP TABLE ride");
        }

    }

    @MigrationRevision(id = "20260102_gpx_files", after = "20260101_rides", message = "move GPX tracks into files")
    static class MoveGpxToFiles implements Revision {

        private final GpxStorage storage;

        MoveGpxToFiles(GpxStorage storage) {
            this.storage = storage;
        }

        @Override
        public void up(Migrator migrator) {
            migrator.jdbc().query("SELECT id, gpx FROM ride WHERE gpx IS NOT NULL", (row) -> {
                if (!migrator.dryRun()) {
                    this.storage.write(row.getLong("id"), row.getBytes("gpx"));
                }
            });
            migrator.actions().execute("ALTER TABLE ride DROP COLUMN gpx");
        }

        @Override
        public void down(Migrator migrator) {
            migrator.actions().execute("ALTER TABLE ride ADD COLUMN gpx bytea");
            for (long ride : this.storage.rides()) {
                migrator.jdbc().update("UPDATE ride SET gpx = ? WHERE id = ?", this.storage.read(ride), ride);
            }
            if (!migrator.dryRun()) {
                // Only once the rows are written: a failure above rolls them back and keeps the files.
                this.storage.rides().forEach(this.storage::delete);
            }
        }

    }

}
