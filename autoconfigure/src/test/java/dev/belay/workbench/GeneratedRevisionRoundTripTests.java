package dev.belay.workbench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.belay.runner.MigrationRunner;
import dev.belay.schema.Schema;
import dev.belay.schema.jpa.corpus.Corpus;
import dev.belay.schema.jpa.corpus.NamedEnums;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

    /**
     * The casts Hibernate's {@code create} makes for a named enum are generated, applied as
     * Hibernate makes them (so a query may compare the enum column with a {@code varchar}), found
     * again by the check, and removed with the type by {@code down}.
     */
    @Test
    void theCastsOfANamedEnumAreGeneratedAppliedAsHibernateMakesThemAndRolledBack(TestDatabase database)
            throws SQLException {
        List<String> byHibernate;
        try (MappedModel hibernate = MappedModel.createdByHibernate(database, "casts_by_hibernate",
                NamedEnums.Ride.class)) {
            byHibernate = casts(database, "casts_by_hibernate");
        }
        assertThat(byHibernate).hasSize(2);
        try (Project project = new Project(database, "casts")) {
            project.model(NamedEnums.Ride.class);
            GenerateResult generated = project.workbench().generate(GenerateRequest.defaults().withMessage("rides"));
            assertThat(generated.written().revision().source())
                .contains("m.actions().createCast(\"ridekind\", \"character varying\", CastMethod.INOUT, "
                        + "CastContext.IMPLICIT);");
            project.compile(generated.written());
            MigrationRunner runner = project.runner();
            runner.apply();

            assertThat(casts(database, "casts")).isEqualTo(byHibernate);
            assertThat(insertKindAsVarchar(database, "casts", "COMMUTE")).isEqualTo("COMMUTE ridekind");
            assertThat(project.workbench().check().passed()).isTrue();
            assertThat(project.workbench().generate(GenerateRequest.defaults()).nothingToDo()).isTrue();

            runner.rollback(1);
            assertThat(casts(database, "casts")).isEmpty();
            assertThat(inspect(database, "casts").withoutTable("belay_history").isEmpty()).isTrue();
        }
    }

    @Test
    void aCastDroppedByHandIsDriftAndFailsTheCheck(TestDatabase database) throws SQLException {
        try (Project project = new Project(database, "dropped_cast")) {
            project.model(NamedEnums.Ride.class);
            GenerateResult generated = project.workbench().generate(GenerateRequest.defaults().withMessage("rides"));
            project.compile(generated.written());
            MigrationRunner runner = project.runner();
            runner.apply();
            database.execute("DROP CAST (varchar AS dropped_cast.ridekind)");
            assertThatExceptionOfType(SQLException.class)
                .isThrownBy(() -> insertKindAsVarchar(database, "dropped_cast", "COMMUTE"))
                .withMessageContaining("is of type ridekind but expression is of type character varying");

            DatabaseDrift drift = new DriftDetector(runner, new SchemaInspector(), List::of,
                    getClass().getClassLoader()).database(runner.status());
            assertThat(drift.differs()).isTrue();
            assertThat(drift.differences()).singleElement().satisfies((difference) -> {
                assertThat(difference.object()).isEqualTo("cast (character varying AS ridekind)");
                assertThat(difference.before()).isEqualTo("CREATE CAST (character varying AS ridekind) WITH INOUT "
                        + "AS IMPLICIT");
                assertThat(difference.after()).isNull();
            });
            // The revisions still build what the mapping wants; the database, changed by hand, fails the check.
            Comparison check = project.workbench().check();
            assertThat(check.passed()).isFalse();
            assertThat(check.database().differs()).isTrue();
            assertThat(check.matches()).isTrue();
        }
    }

    /** Each cast from or to a type of the schema: its types, method and context as pg_cast has them. */
    private static List<String> casts(TestDatabase database, String schema) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT CASE WHEN s.typnamespace = n.oid THEN s.typname ELSE format_type(s.oid, NULL) END
                               || ' -> ' || CASE WHEN t.typnamespace = n.oid THEN t.typname ELSE format_type(t.oid, NULL) END
                               || ' method ' || c.castmethod::text || ' context ' || c.castcontext::text
                        FROM pg_cast c JOIN pg_type s ON s.oid = c.castsource JOIN pg_type t ON t.oid = c.casttarget,
                             pg_namespace n
                        WHERE n.nspname = ? AND (s.typnamespace = n.oid OR t.typnamespace = n.oid)
                        ORDER BY 1""")) {
            statement.setString(1, schema);
            List<String> casts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    casts.add(rows.getString(1));
                }
            }
            return casts;
        }
    }

    /**
     * Inserts a ride whose kind is a {@code varchar} parameter (as a JDBC {@code setString} sends
     * it), which the enum column takes only through the cast from {@code varchar}; then reads it.
     */
    private static String insertKindAsVarchar(TestDatabase database, String schema, String kind) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = " + schema);
            try (PreparedStatement insert = connection
                .prepareStatement("INSERT INTO named_enum_ride (id, kind) VALUES (1, ?)")) {
                insert.setString(1, kind);
                insert.executeUpdate();
            }
            try (ResultSet rows = statement.executeQuery("SELECT kind, pg_typeof(kind) FROM named_enum_ride")) {
                rows.next();
                String read = rows.getString(1) + " " + rows.getString(2);
                statement.execute("DELETE FROM named_enum_ride");
                return read;
            }
        }
    }

    private static Schema inspect(TestDatabase database, String schema) throws SQLException {
        try (Connection connection = database.connect()) {
            return new SchemaInspector().inspect(connection, schema);
        }
    }

}
