package dev.belay.sample.rides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where GPX tracks live: one file per ride, {@code tracks/<ride id>.gpx} under
 * {@code ridelog.data-directory} (default {@code target/ridelog-data}, relative to the working
 * directory). The API reads and writes tracks here, and so does the revision that moved them out
 * of the database, which injects this bean.
 * <p>
 * With tenants (a {@link CurrentTenant} bean) ride ids repeat from one tenant's schema to the
 * next, so each tenant has a directory of its own, {@code tracks/<schema>/}, and this bean holds
 * none itself: the API uses {@link #forCurrentTenant()}, a revision {@link #forSchema(String)}
 * with the schema it runs on. Without tenants both are this storage, in {@code tracks/}.
 * <p>
 * A track is written to a temporary file next to its place, forced to disk and then moved into
 * place in one step, so that a reader, a crash or a failed migration finds the old track or the
 * new one, never part of one.
 */
@Component
public class GpxStorage {

    private static final Pattern TRACK = Pattern.compile("(\\d{1,18})\\.gpx");

    private final Path directory;

    /**
     * The current tenant, on the storage of every tenant's tracks; {@code null} on one tenant's,
     * and without tenants.
     */
    private final @Nullable CurrentTenant tenant;

    @Autowired
    public GpxStorage(@Value("${ridelog.data-directory:target/ridelog-data}") Path dataDirectory,
            ObjectProvider<CurrentTenant> tenant) {
        this.directory = dataDirectory.toAbsolutePath().resolve("tracks");
        this.tenant = tenant.getIfAvailable();
    }

    /** The storage of one tenant's tracks. */
    private GpxStorage(Path directory) {
        this.directory = directory;
        this.tenant = null;
    }

    /** The tracks of the current request's tenant; this storage without tenants. */
    public GpxStorage forCurrentTenant() {
        return (this.tenant != null) ? forSchema(this.tenant.schema()) : this;
    }

    /**
     * The tracks of the tenant whose schema this is ({@code Migrator.schema()} in a revision);
     * this storage without tenants, whatever the schema.
     */
    public GpxStorage forSchema(String schema) {
        if (this.tenant == null) {
            return this;
        }
        Path directory = this.directory.resolve(schema).normalize();
        if (!this.directory.equals(directory.getParent())) {
            throw new IllegalArgumentException("'" + schema + "' cannot name a directory of its own in "
                    + this.directory + ": a tenant's schema names its directory of tracks.");
        }
        return new GpxStorage(directory);
    }

    /** The directory that holds the track files. */
    public Path directory() {
        if (this.tenant != null) {
            throw new IllegalStateException("Each tenant has its GPX tracks in a directory of its own under "
                    + this.directory + ": use forCurrentTenant() in a request, forSchema(migrator.schema()) in a "
                    + "revision.");
        }
        return this.directory;
    }

    /** Stores the track of a ride, replacing the one it had. */
    public void write(long ride, byte[] gpx) {
        Path target = path(ride);
        try {
            Path directory = directory();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ride + ".", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    ByteBuffer content = ByteBuffer.wrap(gpx);
                    while (content.hasRemaining()) {
                        channel.write(content);
                    }
                    channel.force(true);
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the GPX track of ride " + ride + " to " + target, ex);
        }
    }

    /** The track of a ride, if it has one. */
    public Optional<byte[]> read(long ride) {
        Path path = path(ride);
        try {
            return Optional.of(Files.readAllBytes(path));
        }
        catch (NoSuchFileException ex) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the GPX track of ride " + ride + " from " + path, ex);
        }
    }

    /** Whether a ride has a track. */
    public boolean contains(long ride) {
        return Files.isRegularFile(path(ride));
    }

    /** Removes the track of a ride; {@code false} when it had none. */
    public boolean delete(long ride) {
        Path path = path(ride);
        try {
            return Files.deleteIfExists(path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not delete the GPX track of ride " + ride + " at " + path, ex);
        }
    }

    /** The ids of the rides that have a track, in order. */
    public SortedSet<Long> rides() {
        SortedSet<Long> rides = new TreeSet<>();
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return rides;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach((file) -> {
                Matcher track = TRACK.matcher(file.getFileName().toString());
                if (track.matches() && Files.isRegularFile(file)) {
                    rides.add(Long.valueOf(track.group(1)));
                }
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not list the GPX tracks in " + directory, ex);
        }
        return rides;
    }

    private Path path(long ride) {
        return directory().resolve(ride + ".gpx");
    }

}
