package dev.belay.autoconfigure.slice;

import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJpaTest} leaves {@code @Component} classes such as revisions out of the context, yet
 * Belay still migrates the slice's database before Hibernate validates it.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@DirtiesContext
class DataJpaSliceTests {

    private static final TestDatabase database = TestDatabase.create();

    @Autowired
    private TrackRepository tracks;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database.registerWith(registry);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void repositoriesSeeTheMigratedSchema() {
        assertThat(this.tracks.findById(1L)).map(Track::title).contains("the first track");
        this.tracks.save(new Track(2L, "another"));
        assertThat(this.tracks.count()).isEqualTo(2);
    }

}
