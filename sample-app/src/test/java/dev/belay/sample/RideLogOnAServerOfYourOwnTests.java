package dev.belay.sample;

import java.nio.file.Path;
import java.util.List;

import dev.belay.runner.MigrationRunner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ride log given {@code spring.datasource.url}: it starts no PostgreSQL of its own and Belay
 * migrates the server the URL names. (The server here is one the test starts itself.)
 */
class RideLogOnAServerOfYourOwnTests {

    @TempDir
    Path directory;

    @Test
    void migratesTheServerThatSpringDatasourceUrlNamesAndStartsNoEmbeddedOne() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(RideLogApplication.class)
                    .web(WebApplicationType.NONE)
                    .run("--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                            "--ridelog.database.directory=" + this.directory.resolve("unused-db"),
                            "--ridelog.data-directory=" + this.directory.resolve("data"),
                            "--spring.main.banner-mode=off")) {
            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(this.directory.resolve("unused-db")).doesNotExist();
            assertThat(app.getBean(MigrationRunner.class).status().upToDate()).isTrue();

            JdbcTemplate jdbc = new JdbcTemplate(server.getPostgresDatabase());
            List<String> applied = jdbc.queryForList("SELECT id FROM belay_history ORDER BY applied_rank",
                    String.class);
            assertThat(applied).hasSize(4).last().isEqualTo("20261202_092229_casts_of_the_ride_type");
        }
    }

}
