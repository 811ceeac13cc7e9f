package dev.belay.autoconfigure;

import java.sql.Connection;
import java.sql.Statement;

import dev.belay.runner.BaselineSchema;
import dev.belay.workbench.MappingSnapshot;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What Belay reads at runtime that a native image keeps only when told, for an application built
 * with Spring AOT (registered in {@code META-INF/spring/aot.factories}, so whichever of Belay's
 * auto-configurations are active):
 * <ul>
 * <li>the resources written beside revisions, found by revision id: the mapping a revision was
 * generated for ({@code belay/mappings/<id>.sql}, for drift, lint and generate) and the schema a
 * baseline was written from ({@code belay/baselines/<id>.schema}, to take over a database);</li>
 * <li>the configuration metadata, from which Belay knows its own property names to warn about
 * unknown ones;</li>
 * <li>the JDK proxies that record the statements of a revision's rehearsal;</li>
 * <li>the types Belay looks up by name, since most are optional: the shell, Zonky's embedded
 * PostgreSQL for a dev database, and what a revision must not inject.</li>
 * </ul>
 * The revision classes themselves are the application's: {@link RevisionBeanDefinitions}
 * registers them when the build finds them.
 */
final class BelayRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.resources()
            .registerPattern(MappingSnapshot.resource("*"))
            .registerPattern(BaselineSchema.resource("*"))
            .registerPattern(BelayPropertyNames.METADATA);
        hints.proxies().registerJdkProxy(Connection.class).registerJdkProxy(Statement.class);
        hints.reflection()
            .registerTypeIfPresent(classLoader, BelayCommandLineEnvironmentPostProcessor.SHELL)
            .registerTypeIfPresent(classLoader, BelayDevDatabase.ZONKY);
        RevisionInjectionCheck.FORBIDDEN.keySet()
            .forEach((name) -> hints.reflection().registerTypeIfPresent(classLoader, name));
    }

}
