package dev.belay.revision;

/**
 * One step of the schema's history, declared with {@link MigrationRevision}. {@code up} makes the
 * change, {@code down} undoes it (a downgrade may choose to keep data, for example by not dropping
 * a column that {@code up} added).
 */
public interface Revision {

    /** Applies this revision through the migration's connection. */
    void up(Migrator migrator);

    /** Undoes this revision through the migration's connection. */
    void down(Migrator migrator);

}
