package dev.belay.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory of the ride log's embedded PostgreSQL, and the ways a start on it goes wrong
 * for someone trying the app: another ride log (or a {@code belay} command) already runs on it, an
 * earlier start was killed and left its server running, or another PostgreSQL major made it.
 */
final class EmbeddedDataDirectory {

    private static final Logger logger = LoggerFactory.getLogger(EmbeddedDataDirectory.class);

    /** The file Zonky's {@code EmbeddedPostgres} locks while it uses a data directory. */
    private static final String LOCK_FILE = "epg-lock";

    private final Path path;

    EmbeddedDataDirectory(Path path) {
        this.path = path;
    }

    Path path() {
        return this.path;
    }

    /** The PostgreSQL major that made the directory ({@code PG_VERSION}), or "" for a new one. */
    String majorVersion() {
        try {
            Path version = this.path.resolve("PG_VERSION");
            return Files.isRegularFile(version) ? Files.readString(version, StandardCharsets.US_ASCII).strip() : "";
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Stops the server an earlier start left running on this directory when it was killed (its
     * {@code postmaster.pid} names a live {@code postgres} process, and no process holds the
     * directory's lock), since a new server cannot start on it until that one has gone.
     */
    void stopOrphanedServer() {
        Optional<ProcessHandle> server = runningServer();
        if (server.isEmpty() || inUse()) {
            return;
        }
        logger.warn("Stopping the embedded PostgreSQL (pid {}) that an earlier start left running on {}",
                server.get().pid(), this.path);
        server.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with that start
        try {
            server.get().onExit().get(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the embedded PostgreSQL (pid "
                    + server.get().pid() + ") on " + this.path, ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new EmbeddedDatabaseException("An embedded PostgreSQL (pid " + server.get().pid()
                    + ") that an earlier start left running on " + this.path + " did not stop within 30 seconds.",
                    "Stop that process, then start again.", ex);
        }
    }

    /**
     * Fails with what to do when another process (another ride log, a {@code belay} command) runs
     * an embedded PostgreSQL on this directory.
     */
    void requireUnused() {
        if (inUse()) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL's data directory " + this.path
                    + " is in use by another process.", "Another ride log, or a belay command, runs on this "
                            + "directory: stop it first, or give this one a directory of its own "
                            + "(--ridelog.database.directory=...), or point both at one server "
                            + "(--spring.datasource.url=...).",
                    null);
        }
    }

    /** An exception that says what to do, for a start on this directory that failed. */
    EmbeddedDatabaseException explain(Exception failure) {
        String made = majorVersion();
        String action = made.isEmpty()
                ? "Choose another directory with --ridelog.database.directory=..., or a server of your own with "
                        + "--spring.datasource.url=..."
                : "PostgreSQL " + made + " made this directory. If the embedded server is another major now "
                        + "(-Dbelay.postgres), delete the directory or choose another with "
                        + "--ridelog.database.directory=... (--logging.level.io.zonky=info shows the server's "
                        + "own messages).";
        return new EmbeddedDatabaseException(
                "The embedded PostgreSQL could not start on " + this.path + ": " + failure.getMessage(), action,
                failure);
    }

    private Optional<ProcessHandle> runningServer() {
        Path pidFile = this.path.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            long pid = Long.parseLong(lines.get(0).strip());
            return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter((process) -> process.info().command().orElse("").contains("postgres"));
        }
        catch (IOException | RuntimeException ex) {
            return Optional.empty(); // unreadable or half-written: PostgreSQL judges it when it starts
        }
    }

    /** Whether a process (this one included) holds the lock Zonky takes on a directory it runs on. */
    private boolean inUse() {
        Path lockFile = this.path.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
        catch (OverlappingFileLockException ex) {
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

}
