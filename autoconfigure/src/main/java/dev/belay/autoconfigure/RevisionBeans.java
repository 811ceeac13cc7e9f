package dev.belay.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.belay.revision.MigrationException;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanCurrentlyInCreationException;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The application's revisions as Spring beans: described from their classes without creating
 * them, and created only when they run.
 */
final class RevisionBeans {

    private RevisionBeans() {
    }

    static Revisions revisions(ListableBeanFactory beanFactory) {
        List<Revisions.Entry> entries = new ArrayList<>();
        for (String name : beanFactory.getBeanNamesForType(Revision.class, true, false)) {
            Class<?> type = beanFactory.getType(name, false);
            if (type == null) {
                throw new IllegalStateException("Cannot tell the class of revision bean '" + name + "'");
            }
            RevisionInfo info = RevisionInfo.of(type);
            entries.add(new Revisions.Entry(info, () -> create(beanFactory, name, info)));
        }
        return Revisions.ofEntries(entries);
    }

    private static Revision create(ListableBeanFactory beanFactory, String name, RevisionInfo info) {
        try {
            return beanFactory.getBean(name, Revision.class);
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
