package dev.belay.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tests the application's own revision chain, one named test per check, on a test class that
 * Spring's test support boots ({@code @SpringBootTest}) and that needs no methods of its own:
 * <pre>{@code
 * @SpringBootTest
 * @BelayRevisionTests
 * class RevisionTests {
 * }
 * }</pre>
 * The checks, in this order:
 * <ol>
 * <li><b>graph</b>: the revisions form one graph with a single head (or reach {@code belay.target}),
 * without a cycle, an unknown parent or a duplicate id;</li>
 * <li><b>from empty</b>: every revision applies to an empty schema, in order, as on a new
 * database;</li>
 * <li><b>mapping</b>: the JPA mapping equals what the revisions build ({@code belay check});</li>
 * <li><b>drift</b>: after a full apply, nothing drifts: the database is what the revisions
 * recorded, and the mapping is what {@code belay generate} last wrote a revision for;</li>
 * <li><b>stairway</b>: for every revision, {@code up}, {@code down} and {@code up} again, the
 * schema after {@code down} equal to the schema before {@code up} (except what the revision
 * declares with {@link dev.belay.revision.DownKeeps @DownKeeps}), and {@code up} again building
 * what it built the first time.</li>
 * </ol>
 * A failure names the revision and shows the difference as SQL.
 * <p>
 * The checks run in new schemas of the test context's database ({@code belay_test_...}), dropped
 * afterwards, so they neither need nor touch the schema the application migrated at startup;
 * the mapping is built where {@code belay check} builds it ({@code belay.dev-url} or a scratch
 * schema). The context is Spring's cached test context: test classes with the same
 * configuration share it.
 * <p>
 * The checks are a JUnit Platform engine of their own ({@code belay-revisions}), found on the
 * test class path, so build tools and IDEs run them like any JUnit test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface BelayRevisionTests {

    /**
     * The revision the stairway starts at: the revisions before it are applied without a step of
     * their own (a long chain whose old revisions were tested when they were new, say). By
     * default, the first revision.
     */
    String stairwayFrom() default "";

}
