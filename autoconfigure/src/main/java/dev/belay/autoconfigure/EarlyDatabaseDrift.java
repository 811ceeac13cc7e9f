package dev.belay.autoconfigure;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.belay.runner.MigrationRunner;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.workbench.DriftDetector;
import dev.belay.workbench.DriftDetector.DatabaseSide;

/**
 * The database side of the drift check at startup (the history, one inspection of the schema,
 * its fingerprint), started right after the migration, on a thread of its own, so that it reads
 * the catalog while Hibernate boots; {@link BelayDriftCheck} takes it once the singletons exist
 * and adds the mapping side. It needs nothing JPA, so the migration can start it before the
 * {@code EntityManagerFactory} exists.
 */
final class EarlyDatabaseDrift {

    private final MigrationRunner runner;

    private final AtomicReference<DatabaseSide> started = new AtomicReference<>();

    EarlyDatabaseDrift(MigrationRunner runner) {
        this.runner = runner;
    }

    /** Starts reading the database side, once. */
    void start() {
        if (this.started.get() == null) {
            DriftDetector reader = new DriftDetector(this.runner, new SchemaInspector(), List::of,
                    EarlyDatabaseDrift.class.getClassLoader());
            this.started.compareAndSet(null, reader.startDatabaseSide());
        }
    }

    /** The database side started at startup, if any; it is handed out once. */
    Optional<DatabaseSide> take() {
        return Optional.ofNullable(this.started.getAndSet(null));
    }

}
