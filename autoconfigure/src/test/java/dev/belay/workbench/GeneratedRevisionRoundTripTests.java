package dev.belay.workbench;

import java.sql.Connection;
import java.sql.SQLException;

import dev.belay.runner.MigrationRunner;
import dev.belay.schema.Schema;
import dev.belay.schema.jpa.corpus.Corpus;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN's invariant through the generated code, on the whole JPA mapping corpus: generate on
 * an empty database, compile the file as the build would, apply it with the runner; then the
 * check passes and a second generate finds nothing; then its {@code down} leaves the schema
 * empty again, but for the history table.
 */
@PostgresTest
class GeneratedRevisionRoundTripTests {

    @Test
    void theCorpusGeneratedOnAnEmptyDatabaseAppliesChecksCleanAndRollsBackToNothing(TestDatabase database)
            throws SQLException {
        try (Project project = new Project(database, "corpus")) {
            project.model(Corpus.allEntities().toArray(Class<?>[]::new));

            GenerateResult generated = project.workbench().generate(GenerateRequest.defaults().withMessage("init"));
            assertThat(generated.nothingToDo()).isFalse();
            assertThat(generated.written().file()).startsWith(project.sources())
                .hasFileName(generated.written().revision().header().className() + ".java");
            project.compile(generated.written());

            MigrationRunner runner = project.runner();
            assertThat(runner.apply().ids()).containsExactly(generated.written().revision().header().id());
            Comparison check = project.workbench().check();
            assertThat(check.passed()).as("%s", check.plan()).isTrue();
            assertThat(check.shadow()).isFalse();
            assertThat(project.workbench().generate(GenerateRequest.defaults()).nothingToDo()).isTrue();

            runner.rollback(1);
            assertThat(inspect(database, "corpus").tables().keySet()).containsExactly("belay_history");
            assertThat(inspect(database, "corpus").withoutTable("belay_history").isEmpty()).isTrue();
        }
    }

    private static Schema inspect(TestDatabase database, String schema) throws SQLException {
        try (Connection connection = database.connect()) {
            return new SchemaInspector().inspect(connection, schema);
        }
    }

}
