package dev.belay.test;

import java.lang.annotation.Annotation;
import java.util.List;

import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionGraphException;
import dev.belay.revision.RevisionInfo;
import dev.belay.runner.MigrationRunner;
import dev.belay.workbench.SchemaWorkbench;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestContextManager;

/**
 * Runs the checks of one {@link BelayRevisionTests} class: boots (or takes from Spring's cache)
 * the class's test context, finds the application's {@link MigrationRunner} and, with a JPA
 * mapping, its {@link SchemaWorkbench}, and reports each check to JUnit. A check whose
 * prerequisite failed is skipped with the reason; the stairway registers a test per revision as
 * it climbs.
 */
final class RevisionTestsExecution {

    private static final String DISABLED = "org.junit.jupiter.api.Disabled";

    private final RevisionTestsDescriptor tests;

    private final EngineExecutionListener listener;

    RevisionTestsExecution(RevisionTestsDescriptor tests, EngineExecutionListener listener) {
        this.tests = tests;
        this.listener = listener;
    }

    void run() {
        String disabled = disabled(this.tests.testClass());
        if (disabled != null) {
            this.listener.executionSkipped(this.tests, disabled);
            return;
        }
        this.listener.executionStarted(this.tests);
        if (!isSpringTest(this.tests.testClass())) {
            finish(this.tests, TestExecutionResult.failed(new IllegalStateException("@BelayRevisionTests checks the "
                    + "revisions of the application's test context, and " + this.tests.testClass().getName()
                    + " has none: annotate it with @SpringBootTest (or another Spring test annotation).")));
            return;
        }
        TestContextManager manager = null;
        ApplicationContext context;
        try {
            manager = new TestContextManager(this.tests.testClass());
            manager.beforeTestClass();
            context = manager.getTestContext().getApplicationContext();
        }
        catch (Throwable ex) {
            if (!startupFailure(ex)) {
                finish(this.tests, TestExecutionResult.failed(ex));
                return;
            }
            afterTestClass(manager);
            finish(this.tests, TestExecutionResult.successful());
            return;
        }
        TestExecutionResult result = TestExecutionResult.successful();
        try (RevisionChecks checks = checks(context)) {
            run(checks);
        }
        catch (Throwable ex) {
            result = TestExecutionResult.failed(ex);
        }
        afterTestClass(manager);
        finish(this.tests, result);
    }

    private void run(RevisionChecks checks) {
        if (!report(CheckDescriptor.Check.GRAPH, checks::graph)) {
            skipAllBut(CheckDescriptor.Check.GRAPH, "The revision graph is broken.");
            return;
        }
        boolean built = report(CheckDescriptor.Check.FROM_EMPTY, checks::fromEmpty);
        for (CheckDescriptor.Check check : List.of(CheckDescriptor.Check.MAPPING, CheckDescriptor.Check.DRIFT)) {
            if (!checks.hasMapping()) {
                skip(check, "No JPA mapping in the test context (Belay's workbench needs Hibernate): nothing to "
                        + "compare the revisions with.");
            }
            else if (!built) {
                skip(check, "The revisions do not apply to an empty schema.");
            }
            else {
                report(check, (check == CheckDescriptor.Check.MAPPING) ? checks::mapping : checks::drift);
            }
        }
        TestDescriptor stairway = descriptor(CheckDescriptor.Check.STAIRWAY);
        this.listener.executionStarted(stairway);
        List<RevisionInfo> steps;
        try {
            steps = checks.stairwaySteps(stairwayFrom());
        }
        catch (RevisionCheckFailure ex) {
            finish(stairway, TestExecutionResult.failed(ex));
            return;
        }
        for (RevisionInfo revision : steps) {
            TestDescriptor step = new CheckDescriptor.Step(stairway, this.tests.testClass(), revision.id());
            stairway.addChild(step);
            this.listener.dynamicTestRegistered(step);
            report(step, () -> checks.stairway(revision));
        }
        finish(stairway, TestExecutionResult.successful());
    }

    /**
     * Why the class is disabled, when JUnit Jupiter's {@code @Disabled} is on it: the annotation a
     * developer reaches for, honoured here too (by name, as Jupiter need not be on the class path).
     */
    private static @Nullable String disabled(Class<?> testClass) {
        for (Annotation annotation : testClass.getAnnotations()) {
            if (annotation.annotationType().getName().equals(DISABLED)) {
                String reason = (String) AnnotationUtils.getValue(annotation);
                return (reason == null || reason.isEmpty()) ? testClass.getSimpleName() + " is @Disabled" : reason;
            }
        }
        return null;
    }

    /** Whether Spring's test support boots a context for the class: a bootstrapper or a configuration is declared. */
    private static boolean isSpringTest(Class<?> testClass) {
        MergedAnnotations annotations = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY);
        return annotations.isPresent(BootstrapWith.class) || annotations.isPresent(ContextConfiguration.class);
    }

    private String stairwayFrom() {
        return AnnotationSupport.findAnnotation(this.tests.testClass(), BelayRevisionTests.class)
            .map(BelayRevisionTests::stairwayFrom)
            .orElse("");
    }

    private RevisionChecks checks(ApplicationContext context) {
        MigrationRunner runner = context.getBeanProvider(MigrationRunner.class).getIfUnique();
        if (runner == null) {
            throw new IllegalStateException("The test context of " + this.tests.testClass().getName() + " has no "
                    + "single MigrationRunner: @BelayRevisionTests needs the application's context, with "
                    + "belay-spring-boot-starter and belay.enabled=true. Annotate the class with @SpringBootTest too.");
        }
        SchemaWorkbench workbench = context.getBeanProvider(SchemaWorkbench.class).getIfUnique();
        return new RevisionChecks(runner, workbench, context.getEnvironment().getProperty("belay.target"));
    }

    private boolean report(CheckDescriptor.Check check, Runnable work) {
        return report(descriptor(check), work);
    }

    /** Runs a test and reports it: a failed check is a failure, anything else thrown an error. */
    private boolean report(TestDescriptor test, Runnable work) {
        this.listener.executionStarted(test);
        try {
            work.run();
        }
        catch (Throwable ex) {
            finish(test, TestExecutionResult.failed(ex));
            return false;
        }
        finish(test, TestExecutionResult.successful());
        return true;
    }

    private void skip(CheckDescriptor.Check check, String reason) {
        this.listener.executionSkipped(descriptor(check), reason);
    }

    private void skipAllBut(CheckDescriptor.Check ran, String reason) {
        for (CheckDescriptor.Check check : CheckDescriptor.Check.values()) {
            if (check != ran) {
                skip(check, reason);
            }
        }
    }

    private TestDescriptor descriptor(CheckDescriptor.Check check) {
        return this.tests.getChildren()
            .stream()
            .filter((child) -> child instanceof CheckDescriptor descriptor && descriptor.check() == check)
            .findFirst()
            .orElseThrow();
    }

    private void finish(TestDescriptor descriptor, TestExecutionResult result) {
        this.listener.executionFinished(descriptor, result);
    }

    private static void afterTestClass(@Nullable TestContextManager manager) {
        if (manager == null) {
            return;
        }
        try {
            manager.afterTestClass();
        }
        catch (Exception ex) {
            // The checks have been reported; a context that fails to close says so in its own log.
        }
    }

    /**
     * Reports a context that did not start because of Belay, as the check that failed: a broken
     * graph (Belay refuses it as the runner is created), or a migration at startup that failed
     * (the chain does not apply). Anything else fails the class.
     * @return whether the failure was reported as a check's
     */
    private boolean startupFailure(Throwable failure) {
        RevisionGraphException graph = cause(failure, RevisionGraphException.class);
        if (graph != null) {
            report(CheckDescriptor.Check.GRAPH, () -> {
                throw new RevisionCheckFailure(graph.getMessage(), graph);
            });
            skipAllBut(CheckDescriptor.Check.GRAPH, "The revision graph is broken.");
            return true;
        }
        MigrationException migration = cause(failure, MigrationException.class);
        if (migration != null) {
            skip(CheckDescriptor.Check.GRAPH, "The test context did not start.");
            report(CheckDescriptor.Check.FROM_EMPTY, () -> {
                throw new RevisionCheckFailure("The application's migration at startup failed, so its test context "
                        + "did not start: " + migration.getMessage() + " (Set belay.migrate-on-startup=false for this "
                        + "test class to run the other checks on the chain still.)", migration);
            });
            for (CheckDescriptor.Check check : List.of(CheckDescriptor.Check.MAPPING, CheckDescriptor.Check.DRIFT,
                    CheckDescriptor.Check.STAIRWAY)) {
                skip(check, "The test context did not start.");
            }
            return true;
        }
        return false;
    }

    private static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

}
