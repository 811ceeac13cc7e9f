package dev.belay.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Zero set-up: unless {@code spring.datasource.url} names a server, the ride log starts a
 * PostgreSQL of its own (Zonky's embedded binaries) whose data lives in
 * {@code ridelog.database.directory} (default {@code target/ridelog-db}), so a second start finds the
 * revisions of the first applied. Spring Boot builds its usual connection pool on top, and Belay
 * migrates it like any other database. {@code ridelog.database.embedded=false} turns it off (for
 * Testcontainers' {@code @ServiceConnection}, say).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ridelog.database.embedded", havingValue = "true", matchIfMissing = true)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${ridelog.database.directory:target/ridelog-db}") Path directory)
            throws IOException {
        EmbeddedDataDirectory data = new EmbeddedDataDirectory(directory.toAbsolutePath());
        data.requireUnused();
        data.stopOrphanedServer();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data.path())
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(30)) // a server that cannot start is only found out by waiting
                .start();
        }
        catch (IOException | RuntimeException ex) {
            throw data.explain(ex);
        }
        logger.info("Embedded PostgreSQL {} on port {}, data in {}", data.majorVersion(), postgres.getPort(),
                data.path());
        return postgres;
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
        return new JdbcConnectionDetails() {

            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            }

        };
    }

}
