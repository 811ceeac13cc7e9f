package dev.belay.autoconfigure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.belay.revision.MigrationException;
import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Revision;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
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
 * inject);</li>
 * <li>rejects revisions that inject what needs the migrated database, see
 * {@link RevisionInjectionCheck}.</li>
 * </ul>
 */
final class RevisionBeanDefinitions implements BeanDefinitionRegistryPostProcessor, BeanFactoryAware,
        BeanClassLoaderAware, EnvironmentAware, ResourceLoaderAware, Ordered {

    private @Nullable BeanFactory beanFactory;

    private @Nullable ClassLoader classLoader;

    private @Nullable Environment environment;

    private @Nullable ResourceLoader resourceLoader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
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
                (this.environment != null) ? this.environment : new org.springframework.core.env.StandardEnvironment());
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

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        checkAnnotatedClassesAreRevisions(beanFactory);
        RevisionInjectionCheck check = new RevisionInjectionCheck(beanFactory.getBeanClassLoader());
        for (String name : beanFactory.getBeanNamesForType(Revision.class, true, false)) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            definition.setLazyInit(true);
            Class<?> type = beanFactory.getType(name, false);
            if (type != null) {
                check.check(ClassUtils.getUserClass(type));
            }
        }
    }

    private static boolean hasRevisionDefinitions(BeanDefinitionRegistry registry) {
        for (String name : registry.getBeanDefinitionNames()) {
            if (registry.getBeanDefinition(name) instanceof AnnotatedBeanDefinition annotated
                    && annotated.getMetadata().isAnnotated(MigrationRevision.class.getName())) {
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

    private void checkAnnotatedClassesAreRevisions(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            if (beanFactory.getBeanDefinition(name) instanceof AnnotatedBeanDefinition annotated
                    && annotated.getMetadata().isAnnotated(MigrationRevision.class.getName())) {
                String className = annotated.getMetadata().getClassName();
                Class<?> type = ClassUtils.resolveClassName(className, this.classLoader);
                if (!Revision.class.isAssignableFrom(type)) {
                    throw new MigrationException(className + " is annotated @MigrationRevision but does not implement "
                            + Revision.class.getName() + ".",
                            "Make it implement Revision, with up(Migrator) and down(Migrator).");
                }
            }
        }
    }

}
