package dev.belay.revision;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

/**
 * Declares a {@link Revision}: its id, the revisions it comes after, and how it runs. A class so
 * annotated is a Spring component, so it may inject any bean it needs, except those that need the
 * migrated database (see {@link Migrator}).
 * <pre>{@code
 * @MigrationRevision(id = "20261121_1530_add_author", after = "20261120_0900_init", message = "add author")
 * public class AddAuthor implements Revision { ... }
 * }</pre>
 * Revision beans are created only when they run, so a database that already has a revision never
 * builds it (nor the beans it injects).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface MigrationRevision {

    /** The revision's id, unique among all revisions and never changed once applied anywhere. */
    String id();

    /**
     * The ids of the revisions this one comes after: none for the first revision, one for an
     * ordinary revision, two or more for a revision that merges branches.
     */
    String[] after() default {};

    /** What the revision does, in a few words; kept in the history table and shown in logs. */
    String message() default "";

    /**
     * Whether the revision and its history row run in one transaction, so that it is applied
     * entirely or not at all (the default). Set {@code false} for statements that cannot run in a
     * transaction, such as {@code CREATE INDEX CONCURRENTLY}: each statement then commits on its
     * own and the revision is recorded only once all of them have run.
     */
    boolean transactional() default true;

    /**
     * Whether {@code up} (and {@code down}) may simply run again, from the start, after a run that
     * stopped midway, and then finish the job: every step is safe to repeat ({@code CREATE INDEX
     * CONCURRENTLY IF NOT EXISTS}, {@code VALIDATE CONSTRAINT}, {@code ADD VALUE IF NOT EXISTS}, a
     * backfill that skips rows already done). It matters only with {@code transactional = false}:
     * an interrupted non-transactional revision is normally left for a person to finish, but an
     * idempotent one is resumed by the next {@code belay apply} or start. {@code belay generate
     * --online-safe} declares its non-transactional revisions so.
     */
    boolean idempotent() default false;

    /**
     * Whether this is the baseline of a database that Belay took over ({@code belay baseline}):
     * the first revision, which builds the schema as it was then. On a database without Belay's
     * history whose schema is exactly the one the baseline recorded beside it
     * ({@code belay/baselines/<id>.schema}), the baseline is recorded as applied without running;
     * on an empty one it runs like any revision.
     */
    boolean baseline() default false;

    /**
     * Whether this revision is of the application's own schema ({@code belay.schema}), shared by
     * every tenant, rather than of each tenant's schema: where there are tenants, the shared
     * revisions form a chain of their own, applied once to the application's schema before any
     * tenant migrates (a plans table the tenants' tables refer to, say), and the other revisions
     * are applied to every tenant. Each chain has a first revision of its own. Without tenants a
     * shared revision is refused: there is only the application's schema, and one chain.
     */
    boolean shared() default false;

}
