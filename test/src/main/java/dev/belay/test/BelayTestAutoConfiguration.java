package dev.belay.test;

import dev.belay.autoconfigure.BelayAutoConfiguration;
import dev.belay.runner.MigrationRunner;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * A {@link RevisionTester} in every test context that has Belay's runner: {@code belay-test} is on
 * the test class path only, so the application itself never gets one.
 */
@AutoConfiguration(after = BelayAutoConfiguration.class)
@ConditionalOnBean(MigrationRunner.class)
public final class BelayTestAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RevisionTester belayRevisionTester(MigrationRunner runner) {
        return new RevisionTester(runner);
    }

}
