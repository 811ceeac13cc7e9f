package dev.belay.workbench;

import javax.sql.DataSource;

/**
 * The database where the workbench builds and rehearses ({@code belay.dev-url}): the mapping's
 * desired schema, the revision chain for {@code check}, {@code generate --shadow} and
 * {@code verify}. With one, those commands read the application's database and never build in it,
 * and {@code check} works where no application database runs at all (in CI).
 */
public interface DevDatabase {

    /** Connections to it, started when first asked for. */
    DataSource dataSource();

    /** It in words, for messages, e.g. {@code the embedded PostgreSQL 18 (belay.dev-url=embedded)}. */
    String description();

}
