package dev.belay.diff;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.belay.adoption.AdoptionFixtures;
import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Databases built by Liquibase (a JHipster-style changelog) and by Flyway (SQL migrations),
 * compared with the mappings they were written for: the plan renames what differs only by name,
 * keeps a primary key whose columns are in another order, changes a sequence's {@code START}
 * without moving it, and widens {@code timestamp} to Hibernate's {@code timestamp(6)}: nothing is
 * dropped and added again, nothing carries a hazard. Applied, it keeps every row, and the mapping
 * then matches. The tools' history tables are left out here, as Belay leaves them out of its
 * diffs.
 */
@PostgresTest
class AdoptedDatabaseDiffTests {

    private static final String LIQUIBASE_ROWS = """
            SELECT 'user', id::text, login, email, activated::text, created_date::text FROM jhi_user
            UNION ALL SELECT 'authority', name, NULL, NULL, NULL, NULL FROM jhi_authority
            UNION ALL SELECT 'user_authority', user_id::text, authority_name, NULL, NULL, NULL FROM jhi_user_authority
            UNION ALL SELECT 'blog', id::text, name, handle, user_id::text, created_date::text FROM blog
            UNION ALL SELECT 'post', id::text, title, content, blog_id::text, date::text FROM post
            ORDER BY 1, 2, 3""";

    private static final String FLYWAY_ROWS = """
            SELECT 'owner', id::text, first_name, last_name, email FROM owner
            UNION ALL SELECT 'pet', id::text, name, kind, owner_id::text FROM pet
            UNION ALL SELECT 'visit', id::text, pet_id::text, visited_at::text, description FROM visit
            ORDER BY 1, 2""";

    @Test
    void aLiquibaseDatabaseIsRenamedAndWidenedIntoItsMappingKeepingItsRowsKeyOrderAndSequence(TestDatabase database)
            throws SQLException {
        DiffDatabase diffDatabase = new DiffDatabase(database);
        AdoptionFixtures.liquibase(database.dataSource(), "adopt_liquibase");
        Schema current = withoutTables(diffDatabase.inspect("adopt_liquibase"), AdoptionFixtures.LIQUIBASE_TABLES);
        Schema desired = AdoptionFixtures.desiredSchema(database.dataSource(), AdoptionFixtures.liquibaseEntities());
        List<List<String>> rows = diffDatabase.rows("adopt_liquibase", LIQUIBASE_ROWS);
        List<List<String>> sequence = diffDatabase.rows("adopt_liquibase",
                "SELECT last_value, is_called FROM sequence_generator");
        assertThat(sequence).as("blogs and posts took their ids from the sequence")
            .isEqualTo(List.of(List.of("1150", "t")));
        String keyIndex = relation(diffDatabase, "adopt_liquibase", "jhi_user_authority_pkey");

        MigrationPlan plan = plan(diffDatabase, current, desired);
        assertThat(plan.hazards()).as("%s", plan).isEmpty();
        assertThat(plan.changes()).as("%s", plan).allMatch(AdoptedDatabaseDiffTests::renameOrWidening);
        assertThat(plan.changes()).filteredOn(Change.RenameConstraint.class::isInstance)
            .extracting((change) -> ((Change.RenameConstraint) change).from())
            .containsExactlyInAnyOrder("fk_blog__user_id", "fk_user_id", "fk_authority_name", "fk_post__blog_id",
                    "ux_user_email", "ux_user_login");
        assertThat(plan.changes()).filteredOn(Change.AlterColumnType.class::isInstance)
            .extracting(Change::object)
            .extracting(Object::toString)
            .containsExactlyInAnyOrder("column blog.created_date", "column jhi_user.created_date",
                    "column jhi_user.last_modified_date", "column post.date");
        assertThat(plan.changes()).filteredOn(Change.SetSequenceStart.class::isInstance)
            .containsExactly(new Change.SetSequenceStart("sequence_generator", 1, List.of()));
        assertThat(plan.notes()).extracting(PlanNote::kind)
            .containsExactlyInAnyOrder(PlanNote.Kind.KEY_ORDER_KEPT, PlanNote.Kind.SEQUENCE_START,
                    PlanNote.Kind.TYPE_WIDENED, PlanNote.Kind.TYPE_WIDENED, PlanNote.Kind.TYPE_WIDENED,
                    PlanNote.Kind.TYPE_WIDENED);
        assertThat(plan.toString()).contains("-- note: primary key jhi_user_authority.jhi_user_authority_pkey: keeps "
                + "its column order (authority_name, user_id); the mapping has (user_id, authority_name)")
            .contains("-- note: sequence sequence_generator: START 1050 → 1")
            .contains("-- note: column post.date: timestamp without time zone → timestamp(6) without time zone "
                    + "keeps every value as it is");

        diffDatabase.apply("adopt_liquibase", plan);
        assertThat(diffDatabase.rows("adopt_liquibase", LIQUIBASE_ROWS)).isEqualTo(rows);
        assertThat(diffDatabase.rows("adopt_liquibase", "SELECT last_value, is_called FROM sequence_generator"))
            .isEqualTo(sequence);
        assertThat(diffDatabase.rows("adopt_liquibase", "SELECT nextval('sequence_generator')"))
            .as("the sequence goes on where it stood").isEqualTo(List.of(List.of("1200")));
        assertThat(relation(diffDatabase, "adopt_liquibase", "jhi_user_authority_pkey"))
            .as("the join table's key, not built again").isEqualTo(keyIndex);
        MigrationPlan after = plan(diffDatabase,
                withoutTables(diffDatabase.inspect("adopt_liquibase"), AdoptionFixtures.LIQUIBASE_TABLES), desired);
        assertThat(after.isEmpty()).as("%s", after).isTrue();
        assertThat(after.notes()).extracting(PlanNote::kind).containsExactly(PlanNote.Kind.KEY_ORDER_KEPT);
    }

    @Test
    void aFlywayDatabaseIsRenamedAndWidenedIntoItsMappingKeepingItsRows(TestDatabase database) throws SQLException {
        DiffDatabase diffDatabase = new DiffDatabase(database);
        AdoptionFixtures.flyway(database.dataSource(), "adopt_flyway");
        Schema current = withoutTables(diffDatabase.inspect("adopt_flyway"), AdoptionFixtures.FLYWAY_TABLES);
        Schema desired = AdoptionFixtures.desiredSchema(database.dataSource(), AdoptionFixtures.flywayEntities());
        List<List<String>> rows = diffDatabase.rows("adopt_flyway", FLYWAY_ROWS);
        assertThat(rows).hasSize(6);

        MigrationPlan plan = plan(diffDatabase, current, desired);
        assertThat(plan.hazards()).as("%s", plan).isEmpty();
        assertThat(plan.changes()).as("%s", plan).allMatch(AdoptedDatabaseDiffTests::renameOrWidening);
        List<String> renamed = new ArrayList<>();
        for (Change change : plan.changes()) {
            if (change instanceof Change.RenameConstraint rename) {
                renamed.add(rename.from());
            }
            else if (change instanceof Change.RenameIndex rename) {
                renamed.add(rename.from());
            }
        }
        assertThat(renamed).containsExactlyInAnyOrder("pk_owner", "fk_pet_owner", "visit_pet_id_fkey",
                "owner_email_unique", "ck_pet_kind", "ix_pet_name");
        assertThat(plan.changes()).filteredOn(Change.AlterColumnType.class::isInstance)
            .extracting(Change::object)
            .extracting(Object::toString)
            .containsExactly("column visit.visited_at");

        diffDatabase.apply("adopt_flyway", plan);
        assertThat(diffDatabase.rows("adopt_flyway", FLYWAY_ROWS)).isEqualTo(rows);
        MigrationPlan after = plan(diffDatabase,
                withoutTables(diffDatabase.inspect("adopt_flyway"), AdoptionFixtures.FLYWAY_TABLES), desired);
        assertThat(after.isEmpty()).as("%s", after).isTrue();
        assertThat(after.notes()).isEmpty();
    }

    private static MigrationPlan plan(DiffDatabase database, Schema current, Schema desired) {
        return SchemaDiff.between(current, desired, DiffOptions.defaults().withServerVersion(database.majorVersion()));
    }

    private static boolean renameOrWidening(Change change) {
        return change instanceof Change.RenameConstraint || change instanceof Change.RenameIndex
                || change instanceof Change.AlterColumnType || change instanceof Change.SetSequenceStart;
    }

    private static Schema withoutTables(Schema schema, List<String> tables) {
        Schema without = schema;
        for (String table : tables) {
            without = without.withoutTable(table);
        }
        return without;
    }

    /** The relation's file, which changes when PostgreSQL builds it again. */
    private static String relation(DiffDatabase database, String schema, String name) throws SQLException {
        return database.rows(schema, "SELECT relfilenode FROM pg_class WHERE relname = '" + name
                + "' AND relnamespace = '" + schema + "'::regnamespace").get(0).get(0);
    }

}
