package dev.belay.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import dev.belay.actions.SchemaSnapshot;
import dev.belay.revision.RevisionHistory;
import dev.belay.schema.postgres.SchemaInspector;

import org.jspecify.annotations.Nullable;

/**
 * Reads the managed schema as a {@link SchemaSnapshot} and records it in the history table, so
 * that later starts can tell, without building anything, whether the database is still what its
 * revisions left ({@code schema_fingerprint}), and {@code belay verify} whether a revision still
 * does what it did here ({@code effect_fingerprint}).
 * <p>
 * Fingerprints are kept with the PostgreSQL major they were read on ({@code pg18/belay-schema-1:...}),
 * since the catalog spells some definitions differently from one major to the next.
 */
public final class SchemaRecorder {

    private final SchemaInspector inspector = new SchemaInspector();

    private final RevisionHistory history;

    private final MigrationSettings settings;

    SchemaRecorder(RevisionHistory history, MigrationSettings settings) {
        this.history = history;
        this.settings = settings;
    }

    /** The managed schema as it is now, without the history table and the tables other tools own. */
    SchemaSnapshot snapshot(Connection connection) throws SQLException {
        return SchemaSnapshot.of(this.settings.managed(this.inspector.inspect(connection, this.history.schema())));
    }

    /** A fingerprint with the server's major version in front. */
    public static String fingerprint(Connection connection, SchemaSnapshot snapshot) throws SQLException {
        return "pg" + connection.getMetaData().getDatabaseMajorVersion() + "/" + snapshot.fingerprint();
    }

    /** The major version a recorded fingerprint was read on, if it says. */
    public static Optional<Integer> major(@Nullable String fingerprint) {
        if (fingerprint == null || !fingerprint.startsWith("pg") || fingerprint.indexOf('/') < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(fingerprint.substring(2, fingerprint.indexOf('/'))));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /**
     * Records the schema as it is now on the latest applied revision.
     * @return the schema's snapshot
     */
    SchemaSnapshot recordSchema(Connection connection, LockGuard lock) throws SQLException {
        SchemaSnapshot now = snapshot(connection);
        this.history.recordSchema(connection, fingerprint(connection, now), now.compressed(), lock.condition());
        return now;
    }

    /**
     * Records what a run changed, from the schema before it, on the last revision it applied,
     * and the schema it left on the latest applied revision.
     */
    void recordRun(Connection connection, LockGuard lock, SchemaSnapshot before, String lastApplied)
            throws SQLException {
        SchemaSnapshot after = recordSchema(connection, lock);
        SchemaSnapshot effect = before.effectTo(after);
        this.history.recordEffect(connection, lastApplied, fingerprint(connection, effect), effect.compressed(),
                lock.condition());
    }

}
