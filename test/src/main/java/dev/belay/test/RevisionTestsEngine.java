package dev.belay.test;

import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * The JUnit Platform engine behind {@link BelayRevisionTests}: it finds the classes so annotated
 * wherever JUnit looks for tests (a class, a package, the class path), gives each one a test per
 * check, and runs them in the class's Spring test context (see {@link RevisionTestsExecution}).
 * It is found through {@code META-INF/services}, so Maven's Surefire, Gradle and the IDEs run it
 * beside JUnit Jupiter with no set-up; a class needs no test methods for it, and Jupiter leaves a
 * class without any alone.
 */
public final class RevisionTestsEngine implements TestEngine {

    /** The engine's id, the first segment of its tests' unique ids. */
    public static final String ID = "belay-revisions";

    private static final EngineDiscoveryRequestResolver<EngineDescriptor> resolver = EngineDiscoveryRequestResolver
        .<EngineDescriptor>builder()
        .addClassContainerSelectorResolver(RevisionTestsEngine::isRevisionTests)
        .addSelectorResolver((context) -> new ClassResolver(context.getClassNameFilter()))
        .build();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.belay");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("belay-test");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Belay revision tests");
        resolver.resolve(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        request.getEngineExecutionListener().executionStarted(engine);
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof RevisionTestsDescriptor tests) {
                new RevisionTestsExecution(tests, request.getEngineExecutionListener()).run();
            }
        }
        request.getEngineExecutionListener().executionFinished(engine, TestExecutionResult.successful());
    }

    static boolean isRevisionTests(Class<?> candidate) {
        return AnnotationSupport.isAnnotated(candidate, BelayRevisionTests.class)
                && !Modifier.isAbstract(candidate.getModifiers()) && !candidate.isLocalClass()
                && !candidate.isAnonymousClass() && (candidate.getEnclosingClass() == null
                        || Modifier.isStatic(candidate.getModifiers()));
    }

    /** Classes, and unique ids of their tests (an IDE's "run again"), to their descriptors. */
    private static final class ClassResolver implements SelectorResolver {

        private final Predicate<String> classNameFilter;

        ClassResolver(Predicate<String> classNameFilter) {
            this.classNameFilter = classNameFilter;
        }

        @Override
        public Resolution resolve(ClassSelector selector, Context context) {
            Class<?> candidate = selector.getJavaClass();
            if (!isRevisionTests(candidate) || !this.classNameFilter.test(candidate.getName())) {
                return Resolution.unresolved();
            }
            return context
                .addToParent((parent) -> Optional.of(new RevisionTestsDescriptor(parent.getUniqueId(), candidate)))
                .map((descriptor) -> Resolution.match(Match.exact(descriptor)))
                .orElse(Resolution.unresolved());
        }

        /** A check or a step is run with the other checks of its class: they share their schemas. */
        @Override
        public Resolution resolve(UniqueIdSelector selector, Context context) {
            UniqueId id = selector.getUniqueId();
            if (id.getSegments().isEmpty() || !id.getSegments().get(0).getValue().equals(ID)) {
                return Resolution.unresolved();
            }
            return id.getSegments()
                .stream()
                .filter((segment) -> segment.getType().equals(RevisionTestsDescriptor.SEGMENT))
                .findFirst()
                .map((segment) -> Resolution.selectors(Set.of(DiscoverySelectors.selectClass(segment.getValue()))))
                .orElse(Resolution.unresolved());
        }

    }

}
