package dev.belay.runner;

import java.time.Duration;

import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.revision.Revisions;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migration for a JVM of its own that {@link KilledMigrationTests} kills: three revisions,
 * the second of which stops halfway and says so on standard output.
 */
public final class KillableMigration {

    static final String PAUSED = "paused halfway through 'second'";

    /** What 'second' does halfway, until the JVM is killed. */
    enum Halfway {

        /** Sleeps in Java: the server session is idle, in a transaction or not. */
        PAUSE,

        /** Runs a long statement, as the server checks for a lost client (Belay's setting). */
        LONG_STATEMENT,

        /** Runs a long statement with the server's check for a lost client switched off. */
        LONG_STATEMENT_UNCHECKED

    }

    private KillableMigration() {
    }

    /**
     * Arguments: JDBC URL, user, password, schema, whether 'second' is transactional, and what it
     * does halfway (a {@link Halfway}, by default {@code PAUSE}).
     */
    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        MigrationRunner runner = new MigrationRunner(dataSource,
                new MigrationSettings(args[3], "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(30)),
                revisions(Boolean.parseBoolean(args[4]), (args.length > 5) ? Halfway.valueOf(args[5]) : Halfway.PAUSE));
        runner.apply();
        System.out.println("finished");
    }

    /**
     * 'first' creates a table; 'second' indexes it and creates another, with or without a
     * transaction, pausing in between when asked; 'third' creates a third table.
     */
    static Revisions revisions(boolean transactional, boolean pause) {
        return revisions(transactional, pause ? Halfway.PAUSE : null);
    }

    /**
     * The same three revisions; 'second' stops halfway as {@code halfway} says, or not at all when
     * it is {@code null}.
     */
    static Revisions revisions(boolean transactional, Halfway halfway) {
        return TestRevisions.chain()
            .table("first", null)
            .add("second", "first", transactional, (m) -> {
                m.actions().execute(new SqlStatement("CREATE INDEX " + (transactional ? "" : "CONCURRENTLY ")
                        + "first_id ON first (id)",
                        transactional ? TransactionMode.IN_TRANSACTION : TransactionMode.NO_TRANSACTION));
                if (halfway == Halfway.PAUSE) {
                    System.out.println(PAUSED);
                    System.out.flush();
                    sleepUntilKilled();
                }
                else if (halfway != null) {
                    if (halfway == Halfway.LONG_STATEMENT_UNCHECKED) {
                        m.jdbc().execute("SET client_connection_check_interval = 0");
                    }
                    System.out.println(PAUSED);
                    System.out.flush();
                    m.jdbc().execute("SELECT pg_sleep(120)");
                }
                m.actions().execute("CREATE TABLE second (id int)");
            }, (m) -> {
                m.actions().execute("DROP TABLE second");
                m.actions().execute("DROP INDEX first_id");
            })
            .table("third", "second")
            .build();
    }

    private static void sleepUntilKilled() {
        try {
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Nobody killed this JVM");
    }

}
