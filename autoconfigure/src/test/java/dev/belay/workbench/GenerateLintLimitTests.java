package dev.belay.workbench;

import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code belay generate} lints the revisions it writes, except a plan too large for lint's
 * statement-by-statement rehearsal to keep pace with generating, which it says it did not lint.
 */
@PostgresTest
class GenerateLintLimitTests {

    @Test
    void revisionsWithinTheLimitAreLintedBeforeTheyAreWritten(TestDatabase database) throws Exception {
        try (Project project = new Project(database, "lint_within")) {
            GenerateResult result = project.model(Ride.class).workbench().generate(GenerateRequest.defaults());

            assertThat(result.lint()).isNotNull();
            assertThat(result.lint().linted()).containsExactly(result.written().revision().header().id());
            assertThat(result.lintSkipped()).isNull();
        }
    }

    @Test
    void revisionsOverTheLimitAreWrittenUnlintedSayingSoAndWhatToRun(TestDatabase database) throws Exception {
        try (Project project = new Project(database, "lint_over")) {
            GenerateResult result = project.model(Ride.class).workbench().lintingAtMost(1)
                .generate(GenerateRequest.defaults());

            int changes = result.plan().changes().size();
            assertThat(changes).isGreaterThan(1);
            assertThat(result.written().file()).exists();
            assertThat(result.lint()).isNull();
            assertThat(result.lintSkipped()).startsWith("not run for " + changes + " changes (more than 1)")
                .contains("run `belay lint`");
        }
    }

    @Entity
    @Table(name = "ride")
    static class Ride {

        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        String title;

    }

}
