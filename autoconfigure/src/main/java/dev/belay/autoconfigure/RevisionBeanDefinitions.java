package dev.belay.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.belay.revision.MigrationRevision;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Prepares the revision bean definitions before any bean exists:
 * <ul>
 * <li>when the context has none, as in {@code @DataJpaTest} and other test slices that leave
 * {@code @Component} classes out, registers the {@link MigrationRevision} classes of the
 * application's packages, so that the slice's database is migrated too;</li>
 * <li>makes revisions lazy, so that only revisions that run are created (with the beans they
 * inject), and a start with everything applied creates none.</li>
 * </ul>
 * <p>
 * <b>Under Spring AOT</b> both are done when the build generates the bean definitions, which
 * carry the revisions it found and their laziness; as a
 * {@link BeanFactoryInitializationAotProcessor} this post-processor is left out of the generated
 * context (its work is in it), and contributes the reflection hints of the revision classes
 * instead: Belay reads their annotations, looks at their constructors, fields and methods for what
 * they inject, and {@code belay lint} loads them by name.
 */
final class RevisionBeanDefinitions implements BeanDefinitionRegistryPostProcessor,
        BeanFactoryInitializationAotProcessor, BeanFactoryAware, EnvironmentAware, ResourceLoaderAware, Ordered {

    private @Nullable BeanFactory beanFactory;

    private @Nullable Environment environment;

    private @Nullable ResourceLoader resourceLoader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (hasRevisionDefinitions(registry) || this.beanFactory == null
                || !AutoConfigurationPackages.has(this.beanFactory)) {
            return;
        }
        List<String> packages = AutoConfigurationPackages.get(this.beanFactory);
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
                (this.environment != null) ? this.environment : new StandardEnvironment());
        if (this.resourceLoader != null) {
            scanner.setResourceLoader(this.resourceLoader);
        }
        scanner.addIncludeFilter(new AnnotationTypeFilter(MigrationRevision.class));
        Set<String> registered = registeredClassNames(registry);
        for (String basePackage : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                if (registered.add(candidate.getBeanClassName())) {
                    if (candidate instanceof AnnotatedBeanDefinition annotated) {
                        AnnotationConfigUtils.processCommonDefinitionAnnotations(annotated);
                    }
                    String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry);
                    registry.registerBeanDefinition(name, candidate);
                }
            }
        }
    }

    /**
     * Makes every revision lazy. Revisions are recognised from the annotation metadata that
     * scanning already read, so no class is loaded and no type is predicted here.
     */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (isRevision(definition)) {
                definition.setLazyInit(true);
            }
        }
    }

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
            ConfigurableListableBeanFactory beanFactory) {
        List<Class<?>> revisions = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            if (isRevision(beanFactory.getBeanDefinition(name))) {
                Class<?> type = beanFactory.getType(name, false);
                if (type != null) {
                    revisions.add(ClassUtils.getUserClass(type));
                }
            }
        }
        if (revisions.isEmpty()) {
            return null;
        }
        return (generationContext, code) -> {
            ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
            revisions.forEach(reflection::registerType);
        };
    }

    /**
     * Whether a definition is of a class annotated {@code @MigrationRevision}: from the metadata
     * that scanning or registration read, or from a class given when the bean was registered.
     */
    static boolean isRevision(BeanDefinition definition) {
        if (definition instanceof AnnotatedBeanDefinition annotated) {
            return annotated.getFactoryMethodMetadata() == null
                    && annotated.getMetadata().isAnnotated(MigrationRevision.class.getName());
        }
        return definition instanceof AbstractBeanDefinition given && given.hasBeanClass()
                && given.getFactoryMethodName() == null
                && AnnotatedElementUtils.hasAnnotation(given.getBeanClass(), MigrationRevision.class);
    }

    private static boolean hasRevisionDefinitions(BeanDefinitionRegistry registry) {
        for (String name : registry.getBeanDefinitionNames()) {
            if (isRevision(registry.getBeanDefinition(name))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> registeredClassNames(BeanDefinitionRegistry registry) {
        Set<String> names = new HashSet<>();
        for (String name : registry.getBeanDefinitionNames()) {
            BeanDefinition definition = registry.getBeanDefinition(name);
            if (definition.getBeanClassName() != null) {
                names.add(definition.getBeanClassName());
            }
            if (definition instanceof AnnotatedBeanDefinition annotated) {
                MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
                if (factoryMethod != null) {
                    names.add(factoryMethod.getReturnTypeName());
                }
            }
        }
        return names;
    }

}
