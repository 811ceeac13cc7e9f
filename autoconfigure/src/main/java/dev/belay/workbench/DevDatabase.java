package dev.belay.workbench;

import javax.sql.DataSource;

import dev.belay.runner.MigrationRunner;

import org.jspecify.annotations.Nullable;

/**
 * The database where the workbench builds and rehearses ({@code belay.dev-url}): the mapping's
 * desired schema, the revision chain for {@code check}, {@code generate --shadow} and
 * {@code verify}. With one, those commands read the application's database and never build in it,
 * and {@code check} works where no application database runs at all (in CI).
 */
public interface DevDatabase {

    /** Connections to it, started when first asked for. */
    DataSource dataSource();

    /** It in words, for messages, e.g. {@code the embedded PostgreSQL (belay.dev-url=embedded)}. */
    String description();

    /**
     * The runner that rehearses the revisions: the same revisions on the dev database when there
     * is one, else the runner itself (scratch schemas of the application's database).
     */
    static MigrationRunner rehearsals(MigrationRunner runner, @Nullable DevDatabase dev) {
        return (dev != null) ? runner.forDataSource(dev.dataSource()) : runner;
    }

}
