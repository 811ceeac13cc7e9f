package dev.belay.test;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** A class annotated {@link BelayRevisionTests}, with its checks as children. */
final class RevisionTestsDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "class";

    private final Class<?> testClass;

    RevisionTestsDescriptor(UniqueId parent, Class<?> testClass) {
        super(parent.append(SEGMENT, testClass.getName()), testClass.getSimpleName(), ClassSource.from(testClass));
        this.testClass = testClass;
        for (CheckDescriptor.Check check : CheckDescriptor.Check.values()) {
            addChild(new CheckDescriptor(getUniqueId(), testClass, check));
        }
    }

    Class<?> testClass() {
        return this.testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

}
