package dev.belay.revision;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what a revision's {@code down} leaves in place on purpose, to keep its data: a column
 * that {@code up} added and {@code down} does not drop, say, so that rolling back and forth
 * loses nothing. {@code up} must then cope with finding it (add it only if it is missing).
 * <pre>{@code
 * @MigrationRevision(id = "20261121_1530_ride_notes", after = "20261120_0900_init")
 * @DownKeeps(value = "ride.notes", reason = "Notes typed after the upgrade survive a rollback.")
 * public class RideNotes implements Revision { ... }
 * }</pre>
 * Belay's test kit ({@code @BelayRevisionTests} in {@code belay-test}) checks that every
 * revision's {@code down} restores the schema its {@code up} started from; what is declared here,
 * and whatever depends only on it (an index or a constraint of a kept column), is allowed to
 * remain. Anything else left behind still fails the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DownKeeps {

    /**
     * What {@code down} keeps, each a name as the schema stores it: {@code table.column} for a
     * column, or the name of a table, sequence or enum type.
     */
    String[] value();

    /** Why {@code down} keeps it, for the next person who reads the revision. */
    String reason() default "";

}
