package dev.belay.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.belay.revision.MigrationException;
import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanCurrentlyInCreationException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * The application's revisions as Spring beans: described from their classes without creating
 * them, and created only when they run, after a check that they inject nothing that needs the
 * migrated database (see {@link RevisionInjectionCheck}).
 */
final class RevisionBeans {

    private final ConfigurableListableBeanFactory beanFactory;

    private final SingletonSupplier<RevisionInjectionCheck> injectionCheck;

    private RevisionBeans(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
        this.injectionCheck = SingletonSupplier
            .of(() -> new RevisionInjectionCheck(beanFactory.getBeanClassLoader()));
    }

    static Revisions revisions(ConfigurableListableBeanFactory beanFactory) {
        return new RevisionBeans(beanFactory).revisionsOf(null);
    }

    /**
     * The revisions that are {@linkplain MigrationRevision#shared() shared} (of the application's
     * own schema) or, with {@code shared} false, those of each tenant.
     */
    static Revisions revisions(ConfigurableListableBeanFactory beanFactory, boolean shared) {
        return new RevisionBeans(beanFactory).revisionsOf(shared);
    }

    private Revisions revisionsOf(@Nullable Boolean shared) {
        checkAnnotatedBeansAreRevisions();
        List<Revisions.Entry> entries = new ArrayList<>();
        for (String name : this.beanFactory.getBeanNamesForType(Revision.class, true, false)) {
            Class<?> type = this.beanFactory.getType(name, false);
            if (type == null) {
                throw new IllegalStateException("Cannot tell the class of revision bean '" + name + "'");
            }
            if (shared != null && isShared(type) != shared) {
                continue;
            }
            RevisionInfo info = RevisionInfo.of(type);
            entries.add(new Revisions.Entry(info, () -> create(name, ClassUtils.getUserClass(type), info)));
        }
        return Revisions.ofEntries(entries);
    }

    /**
     * @throws MigrationException naming the {@linkplain MigrationRevision#shared() shared}
     * revisions, which need tenants
     */
    static void refuseShared(ConfigurableListableBeanFactory beanFactory) {
        List<RevisionInfo> shared = revisions(beanFactory, true).graph().revisions();
        if (!shared.isEmpty()) {
            throw new MigrationException("Revision " + shared.stream().map(RevisionInfo::describe)
                .collect(java.util.stream.Collectors.joining(", ")) + " is shared (of the application's own schema, "
                    + "beside every tenant's), but this application has no tenants.", "Name the tenants "
                            + "(belay.tenants.schemas, or a TenantSource bean), or remove shared = true: without "
                            + "tenants every revision is of the application's schema.");
        }
    }

    private static boolean isShared(Class<?> type) {
        MigrationRevision annotation = AnnotationUtils.findAnnotation(ClassUtils.getUserClass(type),
                MigrationRevision.class);
        return annotation != null && annotation.shared();
    }

    private void checkAnnotatedBeansAreRevisions() {
        for (String name : this.beanFactory.getBeanDefinitionNames()) {
            if (RevisionBeanDefinitions.isRevision(this.beanFactory.getBeanDefinition(name))
                    && !this.beanFactory.isTypeMatch(name, Revision.class)) {
                Class<?> type = this.beanFactory.getType(name, false);
                String className = (type != null) ? type.getName() : name;
                throw new MigrationException(className + " is annotated @MigrationRevision but does not implement "
                        + Revision.class.getName() + ".", "Make it implement Revision, with up(Migrator) and "
                                + "down(Migrator).");
            }
        }
    }

    private Revision create(String name, Class<?> type, RevisionInfo info) {
        this.injectionCheck.obtain().check(type);
        try {
            return this.beanFactory.getBean(name, Revision.class);
        }
        catch (BeansException ex) {
            if (causedBy(ex, BeanCurrentlyInCreationException.class)) {
                throw new MigrationException("Revision " + info.describe() + " cannot be created before the migration: "
                        + "through " + String.join(" -> ", creationChain(ex)) + " it needs a bean that is only "
                        + "created after Belay has migrated (JdbcTemplate, repositories and JPA wait for Belay).",
                        "Inject neither JdbcTemplate, repositories, JPA nor beans that use them into revisions; use "
                                + "migrator.jdbc() in up() and down() instead.",
                        ex);
            }
            throw new MigrationException(
                    "Could not create revision " + info.describe() + ": " + ex.getMostSpecificCause().getMessage(),
                    "Fix the bean it needs and start again; nothing of it was applied.", ex);
        }
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The beans that were being created, outermost first, as the nested exceptions name them. */
    private static List<String> creationChain(Throwable ex) {
        Set<String> names = new LinkedHashSet<>();
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BeanCreationException creation && creation.getBeanName() != null) {
                names.add("'" + creation.getBeanName() + "'");
            }
        }
        return new ArrayList<>(names);
    }

}
