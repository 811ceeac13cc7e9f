package dev.belay.revision;

import dev.belay.actions.DatabaseActions;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a running {@link Revision} uses to touch the database: everything it does goes through the
 * migration's own connection, inside the revision's transaction when it is transactional, with
 * {@code search_path} set to the managed schema and {@code lock_timeout} set from
 * {@code belay.lock-timeout}.
 * <p>
 * Revisions must not inject a {@code JdbcTemplate}, a repository or anything JPA: revisions run
 * before those exist, on a connection of their own, and the JPA mapping describes the newest
 * schema rather than the schema this revision sees. Use {@link #jdbc()} instead.
 */
public interface Migrator {

    /** The schema recipe book, running its statements on the migration's connection. */
    DatabaseActions actions();

    /** A {@code JdbcTemplate} on the migration's connection and transaction, for data changes. */
    JdbcTemplate jdbc();

    /** The name of the managed schema (as PostgreSQL stores it, unquoted). */
    String schema();

    /**
     * Whether this is a dry run: statements run in a transaction that is rolled back, and those
     * that cannot run in a transaction are only recorded. A revision that touches anything outside
     * the database (files, other services) should leave it alone when this is {@code true}.
     */
    boolean dryRun();

}
