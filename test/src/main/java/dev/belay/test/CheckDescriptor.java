package dev.belay.test;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * One check of a {@link BelayRevisionTests} class: a test, or (for the stairway) a container
 * whose tests, one per revision, are registered as it runs.
 */
final class CheckDescriptor extends AbstractTestDescriptor {

    private final Check check;

    CheckDescriptor(UniqueId parent, Class<?> testClass, Check check) {
        super(parent.append(SEGMENT, check.id), check.displayName, source(testClass, check.id));
        this.check = check;
    }

    static final String SEGMENT = "check";

    /**
     * The test class, with the check's name where a method's would be: build tools report a test
     * by its class and method (Surefire's XML, say), and the checks have no methods of their own.
     */
    static MethodSource source(Class<?> testClass, String name) {
        return MethodSource.from(testClass.getName(), name);
    }

    Check check() {
        return this.check;
    }

    @Override
    public Type getType() {
        return (this.check == Check.STAIRWAY) ? Type.CONTAINER : Type.TEST;
    }

    /** The stairway's steps are known once the context is: JUnit must keep the empty container. */
    @Override
    public boolean mayRegisterTests() {
        return this.check == Check.STAIRWAY;
    }

    /** The checks, in the order they run. */
    enum Check {

        GRAPH("graph", "the revisions form one graph with a single head"),

        FROM_EMPTY("from-empty", "every revision applies to an empty schema, in order"),

        MAPPING("mapping", "the JPA mapping equals what the revisions build (belay check)"),

        DRIFT("drift", "nothing drifts after a full apply"),

        STAIRWAY("stairway", "stairway: every revision's up, down and up again");

        final String id;

        final String displayName;

        Check(String id, String displayName) {
            this.id = id;
            this.displayName = displayName;
        }

    }

    /** One revision's step of the stairway, registered while the stairway runs. */
    static final class Step extends AbstractTestDescriptor {

        Step(TestDescriptor stairway, Class<?> testClass, String revision) {
            super(stairway.getUniqueId().append("revision", revision), revision + ": up, down, up again",
                    source(testClass, Check.STAIRWAY.id + " " + revision));
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }

    }

}
