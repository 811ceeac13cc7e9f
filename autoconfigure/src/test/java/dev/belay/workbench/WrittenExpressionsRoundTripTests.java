package dev.belay.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.belay.diff.SchemaDiff;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionInfo;
import dev.belay.schema.Schema;
import dev.belay.schema.jpa.corpus.Corpus;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks, defaults and generation expressions go into generated revisions as the mapping wrote
 * them, for each feature of the corpus that has some: the revision reads as the mapping does,
 * and the database it builds holds every expression exactly as Hibernate's own {@code create}
 * of the same mapping does, so that generating again finds nothing. A database built by
 * revisions that carried PostgreSQL's rendering instead still compares equal.
 */
@PostgresTest
class WrittenExpressionsRoundTripTests {

    /** The features with expressions, and some of the text their mappings write. */
    private static final Map<Corpus, List<String>> WRITTEN = Map.of(
            Corpus.ENUMERATED_COLUMNS, List.of("by_name in ('LOW','NORMAL','HIGH','URGENT')", "by_ordinal between 0 and 3"),
            Corpus.CHECK_CONSTRAINTS, List.of("low <= high", "step > 0"),
            Corpus.COLUMN_DEFAULTS, List.of("\"'new'\"", "\"now()\""),
            Corpus.COLUMN_DEFINITIONS, List.of("length(sku) > 3"),
            Corpus.GENERATED_COLUMNS, List.of("width * height"),
            Corpus.SINGLE_TABLE_INHERITANCE, List.of("kind in ('SingleTablePayment','cash','card')",
                    "kind <> 'cash' or (tendered is not null)"),
            Corpus.ELEMENT_COLLECTIONS, List.of("step_number>=0"),
            Corpus.ORDERED_LISTS, List.of("position>=0"));

    private final TestDatabase database;

    WrittenExpressionsRoundTripTests(TestDatabase database) {
        this.database = database;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = { "ENUMERATED_COLUMNS", "CHECK_CONSTRAINTS", "COLUMN_DEFAULTS", "COLUMN_DEFINITIONS",
            "GENERATED_COLUMNS", "SINGLE_TABLE_INHERITANCE", "ELEMENT_COLLECTIONS", "ORDERED_LISTS" })
    void aRevisionWritesExpressionsAsTheMappingDoesAndBuildsWhatHibernateBuilds(Corpus feature)
            throws IOException, SQLException {
        String schema = feature.name().toLowerCase(Locale.ROOT);
        Class<?>[] entities = feature.entities().toArray(Class<?>[]::new);
        try (MappedModel hibernate = MappedModel.createdByHibernate(this.database, schema + "_hibernate", entities);
                Project project = new Project(this.database, schema).model(entities)) {
            Map<String, String> created = StoredExpressions.of(this.database.dataSource(), schema + "_hibernate");
            assertThat(created).isNotEmpty();

            GenerateResult generated = project.workbench().generate(GenerateRequest.defaults().withMessage("init"));
            String source = Files.readString(generated.written().file());
            assertThat(source).contains(WRITTEN.get(feature));
            project.compile(generated.written());
            project.runner().apply();

            assertThat(StoredExpressions.of(this.database.dataSource(), schema)).isEqualTo(created);
            assertThat(project.workbench().generate(GenerateRequest.defaults()).nothingToDo()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = { "ENUMERATED_COLUMNS", "SINGLE_TABLE_INHERITANCE" })
    void aDatabaseWhoseRevisionsCarriedTheRenderedChecksComparesEqual(Corpus feature) throws SQLException {
        String schema = "rendered_" + feature.name().toLowerCase(Locale.ROOT);
        Class<?>[] entities = feature.entities().toArray(Class<?>[]::new);
        Schema built;
        try (MappedModel hibernate = MappedModel.createdByHibernate(this.database, schema + "_hibernate", entities);
                Connection connection = this.database.connect()) {
            built = new SchemaInspector().inspect(connection, schema + "_hibernate");
        }
        try (Project project = new Project(this.database, schema).model(entities)) {
            project.revision(new RevisionInfo("rendered", List.of(), "rendered", true, "test.rendered"),
                    new RenderedRevision(built));
            project.runner().apply();
            Map<String, String> stored = StoredExpressions.of(this.database.dataSource(), schema);
            assertThat(stored).isNotEqualTo(StoredExpressions.of(this.database.dataSource(), schema + "_hibernate"));

            Comparison check = project.workbench().check();

            assertThat(check.passed()).as("%s", check.plan()).isTrue();
            assertThat(project.workbench().generate(GenerateRequest.defaults()).nothingToDo()).isTrue();
        }
    }

    /** What a revision that creates every object from its rendering (as Belay once wrote them) does. */
    private record RenderedRevision(Schema schema) implements Revision {

        @Override
        public void up(Migrator migrator) {
            SchemaDiff.between(Schema.empty(), this.schema).applyTo(migrator.actions());
        }

        @Override
        public void down(Migrator migrator) {
            SchemaDiff.between(this.schema, Schema.empty()).applyTo(migrator.actions());
        }

    }

}
