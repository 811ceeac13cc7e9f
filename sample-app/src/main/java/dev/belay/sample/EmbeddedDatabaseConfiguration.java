package dev.belay.sample;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero set-up: when no {@code spring.datasource.url} is given, the app starts its own PostgreSQL
 * whose data lives in {@code sample.data-directory} (by default {@code target/ridelog-db}), so a
 * second start finds the revisions of the first applied.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__none__")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${sample.data-directory:target/ridelog-db}") Path directory)
            throws IOException {
        return EmbeddedPostgres.builder()
            .setDataDirectory(directory.toAbsolutePath())
            .setCleanDataDirectory(false)
            .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }

}
