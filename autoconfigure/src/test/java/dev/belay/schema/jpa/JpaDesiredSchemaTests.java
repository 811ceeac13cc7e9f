package dev.belay.schema.jpa;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.belay.schema.Cast;
import dev.belay.schema.CastContext;
import dev.belay.schema.CastMethod;
import dev.belay.schema.Schema;
import dev.belay.schema.jpa.corpus.Corpus;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.hibernate.cfg.MappingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest
class JpaDesiredSchemaTests {

    @BeforeAll
    static void createSomethingToKeep(TestDatabase database) {
        database.execute("CREATE SCHEMA \"Other Schema\"", "CREATE TABLE public.kept (id int PRIMARY KEY)",
                "CREATE TYPE public.mood AS ENUM ('calm', 'stormy')");
    }

    @Test
    void buildsTheDesiredSchemaAndLeavesNothingBehind(TestDatabase database) throws SQLException {
        try (HibernateModel model = HibernateModel.of(database.dataSource(), Corpus.allEntities());
                Connection connection = database.connect()) {
            CatalogSnapshot before = CatalogSnapshot.of(connection);
            String searchPath = searchPath(connection);
            new JpaDesiredSchema(model.metadata()).desiredSchema(connection);
            assertThat(CatalogSnapshot.of(connection)).isEqualTo(before);
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(searchPath(connection)).isEqualTo(searchPath);
        }
    }

    @Test
    void leavesNothingBehindWhenTheDdlFailsAndNamesTheStatement(TestDatabase database) throws SQLException {
        try (HibernateModel model = HibernateModel.of(database.dataSource(), List.of(Fine.class, Broken.class));
                Connection connection = database.connect()) {
            CatalogSnapshot before = CatalogSnapshot.of(connection);
            JpaDesiredSchema desired = new JpaDesiredSchema(model.metadata());
            assertThat(desired.ddl().get(0)).startsWith("create table alpha_fine");
            assertThatExceptionOfType(DesiredSchemaException.class)
                .isThrownBy(() -> desired.desiredSchema(connection))
                .satisfies((ex) -> assertThat(ex.statement()).startsWith("create table broken_gadget")
                    .contains("no_such_type"))
                .withMessageContaining("create table broken_gadget")
                .withMessageContaining("table broken_gadget of entity BrokenGadget (dev.belay.schema.jpa.JpaDesiredSchemaTests$Broken)")
                .withMessageContaining("type \"no_such_type\" does not exist");
            assertThat(CatalogSnapshot.of(connection)).isEqualTo(before);
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(scalar(connection, "SELECT count(*) FROM kept")).isEqualTo("0");
        }
    }

    @Test
    void keepsTheCallersTransactionAndSearchPath(TestDatabase database) throws SQLException {
        try (HibernateModel model = HibernateModel.of(database.dataSource(), Corpus.NAMED_ENUMS.entities());
                Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO \"Other Schema\", public");
                statement.execute("INSERT INTO kept VALUES (1)");
            }
            new JpaDesiredSchema(model.metadata()).desiredSchema(connection);
            assertThat(connection.getAutoCommit()).isFalse();
            assertThat(searchPath(connection)).isEqualTo("\"Other Schema\", public");
            assertThat(scalar(connection, "SELECT count(*) FROM kept")).isEqualTo("1");
            connection.rollback();
        }
    }

    @Test
    void keepsTheCallersTransactionWhenTheDdlFails(TestDatabase database) throws SQLException {
        try (HibernateModel model = HibernateModel.of(database.dataSource(), List.of(Broken.class));
                Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO kept VALUES (2)");
            }
            JpaDesiredSchema desired = new JpaDesiredSchema(model.metadata());
            assertThatExceptionOfType(DesiredSchemaException.class).isThrownBy(() -> desired.desiredSchema(connection));
            assertThat(scalar(connection, "SELECT count(*) FROM kept WHERE id = 2")).isEqualTo("1");
            connection.rollback();
        }
    }

    @Test
    void writesTheDdlWithoutASchemaNameEvenWhenHibernateHasADefaultSchema(TestDatabase database) throws SQLException {
        try (HibernateModel model = HibernateModel.of(database.dataSource(), Corpus.NAMED_ENUMS.entities(),
                Map.of(MappingSettings.DEFAULT_SCHEMA, "Other Schema"));
                Connection connection = database.connect()) {
            JpaDesiredSchema desired = new JpaDesiredSchema(model.metadata());
            assertThat(desired.ddl()).contains("create table named_enum_ride (id bigint not null, kind RideKind, "
                    + "primary key (id))");
            assertThat(desired.ddl()).noneMatch((statement) -> statement.contains("Other Schema"));
            CatalogSnapshot before = CatalogSnapshot.of(connection);
            desired.desiredSchema(connection);
            assertThat(CatalogSnapshot.of(connection)).isEqualTo(before);
        }
    }

    @Test
    void rejectsAMappingThatNamesASchemaOfItsOwn(TestDatabase database) throws SQLException {
        try (HibernateModel model = HibernateModel.of(database.dataSource(), List.of(Elsewhere.class));
                Connection connection = database.connect()) {
            CatalogSnapshot before = CatalogSnapshot.of(connection);
            JpaDesiredSchema desired = new JpaDesiredSchema(model.metadata());
            assertThatExceptionOfType(DesiredSchemaException.class).isThrownBy(() -> desired.desiredSchema(connection))
                .withMessageContaining("table \"Other Schema\".audit_entry")
                .withMessageContaining("Remove 'schema'");
            assertThat(CatalogSnapshot.of(connection)).isEqualTo(before);
        }
    }

    @Test
    void createsNothingButWhatTheMappingNeeds(TestDatabase database) {
        try (HibernateModel model = HibernateModel.of(database.dataSource(), Corpus.allEntities())) {
            assertThat(new JpaDesiredSchema(model.metadata()).ddl()).allSatisfy((statement) -> assertThat(statement)
                .doesNotContainIgnoringCase("drop ").doesNotContainIgnoringCase("create schema"));
        }
    }

    @Test
    void createsInTheScratchSchemaWhatHasTheNameOfAnExistingTable(TestDatabase database) throws SQLException {
        try (HibernateModel model = HibernateModel.of(database.dataSource(), List.of(Kept.class));
                Connection connection = database.connect()) {
            CatalogSnapshot before = CatalogSnapshot.of(connection);
            Schema desired = new JpaDesiredSchema(model.metadata()).desiredSchema(connection);
            assertThat(desired.tables().get("kept").columns()).containsOnlyKeys("id", "label");
            assertThat(desired.tables().get("kept").uniqueConstraints()).hasSize(1);
            assertThat(CatalogSnapshot.of(connection)).isEqualTo(before);
        }
    }

    @Test
    void readsTheCastsOfANamedEnumAsTheDesiredSchemasAndLeavesNoneBehind(TestDatabase database) throws SQLException {
        // A database that already has the enum type and its casts, as one Belay built has.
        database.execute("CREATE TYPE public.ridekind AS ENUM ('COMMUTE')",
                "CREATE CAST (public.ridekind AS varchar) WITH INOUT AS IMPLICIT",
                "CREATE CAST (varchar AS public.ridekind) WITH INOUT AS IMPLICIT");
        try (HibernateModel model = HibernateModel.of(database.dataSource(), Corpus.NAMED_ENUMS.entities());
                Connection connection = database.connect()) {
            CatalogSnapshot before = CatalogSnapshot.of(connection);
            Schema desired = new JpaDesiredSchema(model.metadata()).desiredSchema(connection);
            assertThat(desired.casts().values()).containsExactlyInAnyOrder(
                    Cast.of("ridekind", "character varying", CastMethod.INOUT, CastContext.IMPLICIT),
                    Cast.of("character varying", "ridekind", CastMethod.INOUT, CastContext.IMPLICIT));
            assertThat(desired.enumTypes().get("ridekind").labels()).hasSize(4);
            assertThat(CatalogSnapshot.of(connection)).isEqualTo(before);
            assertThat(before.objects()).contains("cast ridekind -> character varying",
                    "cast character varying -> ridekind");
        }
        finally {
            database.execute("DROP TYPE public.ridekind CASCADE");
        }
    }

    @Test
    void readsTypesFromTheSchemasOnTheSearchPath(TestDatabase database) throws SQLException {
        try (HibernateModel model = HibernateModel.of(database.dataSource(), List.of(Moody.class));
                Connection connection = database.connect()) {
            Schema desired = new JpaDesiredSchema(model.metadata()).desiredSchema(connection);
            assertThat(desired.enumTypes()).isEmpty();
            assertThat(desired.tables().get("moody_day").column("mood").type()).isEqualTo("public.mood");
        }
    }

    @Test
    void ordersTheColumnsOfAModelOnlyOnce(TestDatabase database) {
        try (HibernateModel model = HibernateModel.of(database.dataSource(), Corpus.EMBEDDABLES.entities())) {
            List<String> first = new JpaDesiredSchema(model.metadata()).ddl();
            assertThat(first).anyMatch((statement) -> statement.startsWith("create table embeddable_order_line")
                    && statement.contains("primary key (slot, order_number)"));
            assertThat(first).anyMatch((statement) -> statement.contains("foreign key (line_slot, line_order_number)"));
            assertThat(new JpaDesiredSchema(model.metadata()).ddl()).isEqualTo(first);
        }
    }

    @Test
    void readsThroughADataSource(TestDatabase database) throws SQLException {
        try (HibernateModel model = HibernateModel.of(database.dataSource(), Corpus.NAMED_ENUMS.entities());
                Connection connection = database.connect()) {
            CatalogSnapshot before = CatalogSnapshot.of(connection);
            Schema schema = new JpaDesiredSchema(model.metadata()).desiredSchema(database.dataSource());
            assertThat(schema).isNotNull();
            assertThat(CatalogSnapshot.of(connection)).isEqualTo(before);
        }
    }

    private static String searchPath(Connection connection) throws SQLException {
        return scalar(connection, "SHOW search_path");
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Created before {@link Broken}, so the failing statement is not the first. */
    @Entity(name = "AlphaFine")
    static class Fine {

        @Id
        Long id;

    }

    @Entity(name = "BrokenGadget")
    static class Broken {

        @Id
        Long id;

        @Column(columnDefinition = "no_such_type")
        String setting;

    }

    /** Mapped to the name of a table that exists in public with other columns. */
    @Entity(name = "KeptLabel")
    @Table(name = "kept")
    static class Kept {

        @Id
        Long id;

        @Column(unique = true)
        String label;

    }

    /** Uses a type of another schema on the search path, as extension types are used. */
    @Entity(name = "MoodyDay")
    static class Moody {

        @Id
        Long id;

        @Column(columnDefinition = "mood")
        String mood;

    }

    @Entity(name = "ElsewhereAuditEntry")
    @Table(name = "audit_entry", schema = "\"Other Schema\"")
    static class Elsewhere {

        @Id
        Long id;

    }

}
