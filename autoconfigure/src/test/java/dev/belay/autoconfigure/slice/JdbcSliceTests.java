package dev.belay.autoconfigure.slice;

import dev.belay.runner.MigrationRunner;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @JdbcTest} migrates the slice's database before its {@code JdbcTemplate} is used. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@DirtiesContext
class JdbcSliceTests {

    private static final TestDatabase database = TestDatabase.create();

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private MigrationRunner runner;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database.registerWith(registry);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void theJdbcTemplateSeesTheMigratedSchema() {
        assertThat(this.jdbc.queryForObject("SELECT title FROM track WHERE id = 1", String.class))
            .isEqualTo("the first track");
        assertThat(this.runner.status().current()).containsExactly("20260101_tracks");
    }

}
