package dev.belay.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.belay.autoconfigure.triplog.migrations.V20260101_000100_CreateTrips;
import dev.belay.runner.BaselineSchema;
import dev.belay.workbench.MappingSnapshot;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Belay's auto-configuration processed ahead of time (Spring AOT), as a build with
 * {@code spring-boot:process-aot} does, without a command line: the generated bean definitions
 * hold the revisions, lazy, but not the post-processor that found them (its work is done); they
 * hold the command runner and the runner-skipping post-processor, which decide at each start
 * whether it runs a command; and the runtime hints name what Belay reads by name.
 */
class BelayAotProcessingTests {

    @Test
    void theGeneratedContextHasTheRevisionsLazyButNotThePostProcessorThatFoundThem() {
        Processed processed = process();

        assertThat(processed.sources()).contains("V20260101_000100_CreateTrips__BeanDefinitions")
            .contains("beanDefinition.setLazyInit(true);")
            .doesNotContain("belayRevisionBeanDefinitions");
    }

    @Test
    void theGeneratedContextRunsCommandsWhateverTheCommandLineOfTheBuildWas() {
        Processed processed = process();

        assertThat(processed.sources()).contains("\"belayCommandRunner\"")
            .contains("\"belayApplicationRunnersSkippingPostProcessor\"")
            .contains("\"belayStatusCommand\"");
    }

    @Test
    void theHintsNameTheRevisionClassesAndWhatBelayReadsByName() {
        RuntimeHints hints = process().hints();

        assertThat(RuntimeHintsPredicates.reflection().onType(V20260101_000100_CreateTrips.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource(MappingSnapshot.resource("20260101_000100_create_trips")))
            .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource(BaselineSchema.resource("20260101_000100_create_trips")))
            .accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource(BelayPropertyNames.METADATA)).accepts(hints);
        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(Connection.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(org.springframework.jdbc.core.JdbcOperations.class))
            .accepts(hints);
    }

    private static Processed process() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(ApplicationWithARevision.class);
            InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
            DefaultGenerationContext generation = new DefaultGenerationContext(
                    new ClassNameGenerator(ClassName.get(ApplicationWithARevision.class)), files);
            new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
            generation.writeGeneratedContent();
            String sources = files.getGeneratedFiles(Kind.SOURCE).values().stream().map((source) -> {
                try (InputStream in = source.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }).collect(Collectors.joining("\n"));
            return new Processed(sources, generation.getRuntimeHints());
        }
    }

    private record Processed(String sources, RuntimeHints hints) {

    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ BelayAutoConfiguration.class,
            org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration.class,
            BelayShellAutoConfiguration.class })
    @Import(V20260101_000100_CreateTrips.class)
    static class ApplicationWithARevision {

        @Bean
        DataSource dataSource() {
            // Never created: AOT processing defines beans, it does not create them.
            return new SimpleDriverDataSource();
        }

    }

}
