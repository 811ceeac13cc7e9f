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

    private KillableMigration() {
    }

    /** Arguments: JDBC URL, user, password, schema, and whether 'second' is transactional. */
    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        MigrationRunner runner = new MigrationRunner(dataSource,
                new MigrationSettings(args[3], "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(30)),
                revisions(Boolean.parseBoolean(args[4]), true));
        runner.apply();
        System.out.println("finished");
    }

    /**
     * 'first' creates a table; 'second' indexes it and creates another, with or without a
     * transaction, pausing in between when asked; 'third' creates a third table.
     */
    static Revisions revisions(boolean transactional, boolean pause) {
        return TestRevisions.chain()
            .table("first", null)
            .add("second", "first", transactional, (m) -> {
                m.actions().execute(new SqlStatement("CREATE INDEX " + (transactional ? "" : "CONCURRENTLY ")
                        + "first_id ON first (id)",
                        transactional ? TransactionMode.IN_TRANSACTION : TransactionMode.NO_TRANSACTION));
                if (pause) {
                    System.out.println(PAUSED);
                    System.out.flush();
                    sleepUntilKilled();
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
