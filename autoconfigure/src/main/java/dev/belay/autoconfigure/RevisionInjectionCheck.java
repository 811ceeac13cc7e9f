package dev.belay.autoconfigure;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionInfo;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Rejects a revision class that injects what needs the migrated database, before the revision
 * is created: revisions run before {@code JdbcTemplate}, repositories and JPA exist, so injecting
 * them would end in a circular-reference stack trace instead of a migration.
 */
final class RevisionInjectionCheck {

    /** Types a revision must not inject (by name: most are optional), with what to say about each. */
    static final Map<String, String> FORBIDDEN;

    static {
        Map<String, String> forbidden = new LinkedHashMap<>();
        forbidden.put("org.springframework.jdbc.core.JdbcOperations", "a JdbcTemplate");
        forbidden.put("org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
                "a NamedParameterJdbcTemplate");
        forbidden.put("org.springframework.jdbc.core.simple.JdbcClient", "a JdbcClient");
        forbidden.put("org.springframework.data.repository.Repository", "a Spring Data repository");
        forbidden.put("jakarta.persistence.EntityManagerFactory", "an EntityManagerFactory");
        forbidden.put("jakarta.persistence.EntityManager", "an EntityManager");
        forbidden.put("org.springframework.orm.jpa.AbstractEntityManagerFactoryBean", "an EntityManagerFactory");
        forbidden.put("org.springframework.transaction.TransactionManager", "a transaction manager");
        forbidden.put("org.springframework.transaction.support.TransactionOperations", "a TransactionTemplate");
        FORBIDDEN = forbidden;
    }

    private final Map<Class<?>, String> forbidden = new LinkedHashMap<>();

    RevisionInjectionCheck(@Nullable ClassLoader classLoader) {
        FORBIDDEN.forEach((name, description) -> {
            if (ClassUtils.isPresent(name, classLoader)) {
                this.forbidden.put(ClassUtils.resolveClassName(name, classLoader), description);
            }
        });
    }

    /**
     * @throws MigrationException naming the revision, the injection point and what to use
     * instead
     */
    void check(Class<?> revisionClass) {
        List<String> problems = new ArrayList<>();
        for (Constructor<?> constructor : revisionClass.getDeclaredConstructors()) {
            for (int i = 0; i < constructor.getParameterCount(); i++) {
                MethodParameter parameter = new MethodParameter(constructor, i);
                forbidden(ResolvableType.forMethodParameter(parameter)).ifPresent((what) -> problems
                    .add(what + " (constructor parameter " + parameterName(parameter) + ")"));
            }
        }
        ReflectionUtils.doWithFields(revisionClass, (field) -> {
            if (isInjected(field)) {
                forbidden(ResolvableType.forField(field))
                    .ifPresent((what) -> problems.add(what + " (field '" + field.getName() + "')"));
            }
        });
        ReflectionUtils.doWithMethods(revisionClass, (method) -> {
            if (isInjected(method)) {
                for (int i = 0; i < method.getParameterCount(); i++) {
                    MethodParameter parameter = new MethodParameter(method, i);
                    forbidden(ResolvableType.forMethodParameter(parameter)).ifPresent((what) -> problems
                        .add(what + " (parameter " + parameterName(parameter) + " of " + method.getName() + "())"));
                }
            }
        });
        if (!problems.isEmpty()) {
            RevisionInfo revision = RevisionInfo.of(revisionClass);
            throw new MigrationException("Revision " + revision.describe() + " injects " + String.join(", ", problems)
                    + ". Revisions run before JdbcTemplate, repositories and JPA exist, on the migration's own "
                    + "connection and transaction; and the JPA mapping describes the newest schema, not the one a "
                    + "revision sees.",
                    "Use migrator.jdbc() in up() and down() instead: a JdbcTemplate on the migration's connection, "
                            + "inside the revision's transaction. Other beans may still be injected.");
        }
    }

    /** The description of a forbidden type, looking inside generics such as ObjectProvider<JdbcTemplate>. */
    private Optional<String> forbidden(ResolvableType type) {
        Class<?> resolved = type.resolve();
        if (resolved != null) {
            for (Map.Entry<Class<?>, String> entry : this.forbidden.entrySet()) {
                if (entry.getKey().isAssignableFrom(resolved)) {
                    return Optional.of(entry.getValue() + " [" + resolved.getName() + "]");
                }
            }
        }
        for (ResolvableType generic : type.getGenerics()) {
            Optional<String> found = forbidden(generic);
            if (found.isPresent()) {
                return found;
            }
        }
        return type.isArray() ? forbidden(type.getComponentType()) : Optional.empty();
    }

    private static boolean isInjected(AnnotatedElement element) {
        if (element instanceof Method method && method.isBridge()) {
            return false;
        }
        MergedAnnotations annotations = MergedAnnotations.from(element);
        return annotations.isPresent("org.springframework.beans.factory.annotation.Autowired")
                || annotations.isPresent("jakarta.inject.Inject")
                || annotations.isPresent("jakarta.annotation.Resource")
                || annotations.isPresent("jakarta.persistence.PersistenceContext")
                || annotations.isPresent("jakarta.persistence.PersistenceUnit");
    }

    private static String parameterName(MethodParameter parameter) {
        String name = parameter.getParameter().isNamePresent() ? parameter.getParameter().getName() : null;
        return (parameter.getParameterIndex() + 1) + ((name != null) ? " '" + name + "'" : "");
    }

}
