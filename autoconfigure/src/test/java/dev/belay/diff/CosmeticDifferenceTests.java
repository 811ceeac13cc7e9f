package dev.belay.diff;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.belay.schema.Deferrability;
import dev.belay.schema.ObjectKind;
import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differences that change nothing a row can tell: names, a primary key's column order, a
 * sequence's {@code START}. The plan renames, keeps or changes them without rebuilding anything
 * and without moving a sequence, on a real database with rows.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CosmeticDifferenceTests {

    private DiffDatabase database;

    @BeforeAll
    void connect(TestDatabase database) {
        this.database = new DiffDatabase(database);
    }

    @Test
    void keysConstraintsAndIndexesThatDifferOnlyByNameAreRenamedNeverDroppedAndAdded() throws SQLException {
        Schema current = this.database.build("names", "CREATE TABLE author (id bigint, code varchar(20) NOT NULL, "
                + "CONSTRAINT pk_author PRIMARY KEY (id), CONSTRAINT ux_author_code UNIQUE (code))",
                "CREATE TABLE book (id bigint CONSTRAINT pk_book PRIMARY KEY, author_id bigint, pages integer, "
                        + "title text, CONSTRAINT fk_book_author_id FOREIGN KEY (author_id) REFERENCES author (id), "
                        + "CONSTRAINT ck_book_pages CHECK (pages > 0))",
                "CREATE INDEX idx_book_title ON book (title)",
                "INSERT INTO author VALUES (1, 'a'), (2, 'b')",
                "INSERT INTO book VALUES (10, 1, 100, 'x'), (11, 2, 200, 'y')");
        Schema desired = this.database.build("names_target", "CREATE TABLE author (id bigint PRIMARY KEY, "
                + "code varchar(20) NOT NULL, CONSTRAINT uk_author_code UNIQUE (code))",
                "CREATE TABLE book (id bigint PRIMARY KEY, author_id bigint, pages integer, title text, "
                        + "CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES author (id), "
                        + "CONSTRAINT book_pages_check CHECK (pages > 0))",
                "CREATE INDEX book_title_idx ON book (title)");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.changes()).as("%s", plan)
            .allMatch((change) -> change instanceof Change.RenameConstraint || change instanceof Change.RenameIndex)
            .hasSize(6);
        assertThat(plan.changes()).extracting(Change::object)
            .extracting((object) -> object.kind())
            .containsExactlyInAnyOrder(ObjectKind.PRIMARY_KEY, ObjectKind.PRIMARY_KEY, ObjectKind.UNIQUE_CONSTRAINT,
                    ObjectKind.FOREIGN_KEY, ObjectKind.CHECK_CONSTRAINT, ObjectKind.INDEX);
        assertThat(plan.hazards()).isEmpty();
        this.database.apply("names", plan);
        assertThat(this.database.inspect("names")).isEqualTo(desired);
        assertThat(this.database.rows("names", "SELECT b.id, a.code FROM book b JOIN author a ON a.id = b.author_id "
                + "ORDER BY b.id")).isEqualTo(List.of(List.of("10", "a"), List.of("11", "b")));
    }

    @Test
    void aUniqueIndexBecomesTheMappingsUniqueConstraintWithoutBeingBuiltAgain() throws SQLException {
        Schema current = this.database.build("unique_index", "CREATE TABLE jhi_user (id bigint PRIMARY KEY, "
                + "login varchar(50) NOT NULL, email varchar(191))",
                "CREATE UNIQUE INDEX ux_user_email ON jhi_user (email)",
                "CREATE UNIQUE INDEX jhi_user_login_key ON jhi_user (login)",
                "INSERT INTO jhi_user VALUES (1, 'admin', 'admin@localhost'), (2, 'user', NULL)");
        Schema desired = this.database.build("unique_index_target", "CREATE TABLE jhi_user (id bigint PRIMARY KEY, "
                + "login varchar(50) NOT NULL UNIQUE, email varchar(191) UNIQUE)");
        String email = relation("unique_index", "ux_user_email");
        String login = relation("unique_index", "jhi_user_login_key");

        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.changes()).as("%s", plan)
            .containsExactlyInAnyOrder(new Change.RenameIndex("jhi_user", "ux_user_email", "jhi_user_email_key", List.of()),
                    new Change.AddUniqueConstraintUsingIndex("jhi_user", "jhi_user_email_key",
                            Deferrability.NOT_DEFERRABLE, List.of()),
                    new Change.AddUniqueConstraintUsingIndex("jhi_user", "jhi_user_login_key",
                            Deferrability.NOT_DEFERRABLE, List.of()));
        assertThat(plan.hazards()).isEmpty();
        this.database.apply("unique_index", plan);
        assertThat(this.database.inspect("unique_index")).isEqualTo(desired);
        assertThat(relation("unique_index", "jhi_user_email_key")).as("the index, renamed, not built again")
            .isEqualTo(email);
        assertThat(relation("unique_index", "jhi_user_login_key")).isEqualTo(login);
        assertThat(this.database.rows("unique_index", "SELECT count(*) FROM jhi_user")).isEqualTo(List.of(List.of("2")));

        this.database.apply("unique_index", plan.reverse());
        assertThat(this.database.inspect("unique_index")).isEqualTo(current);
    }

    @Test
    void primaryKeyWithTheColumnsInAnotherOrderKeepsItsOrderAndIsNoted() throws SQLException {
        Schema current = this.database.build("key_order", "CREATE TABLE user_authority (user_id bigint NOT NULL, "
                + "authority_name varchar(50) NOT NULL, CONSTRAINT pk_user_authority PRIMARY KEY (authority_name, user_id))",
                "INSERT INTO user_authority VALUES (1, 'ROLE_ADMIN'), (1, 'ROLE_USER'), (2, 'ROLE_USER')");
        Schema desired = this.database.build("key_order_target", "CREATE TABLE user_authority (user_id bigint NOT NULL, "
                + "authority_name varchar(50) NOT NULL, PRIMARY KEY (user_id, authority_name))");
        String index = relation("key_order", "pk_user_authority");

        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.changes()).as("%s", plan)
            .containsExactly(new Change.RenameConstraint("user_authority", "pk_user_authority", "user_authority_pkey",
                    ObjectKind.PRIMARY_KEY, List.of()));
        assertThat(plan.notes()).singleElement().satisfies((note) -> {
            assertThat(note.kind()).isEqualTo(PlanNote.Kind.KEY_ORDER_KEPT);
            assertThat(note.object().name()).isEqualTo("user_authority_pkey");
            assertThat(note.text()).contains("(authority_name, user_id)").contains("(user_id, authority_name)");
        });
        assertThat(plan.toString()).contains("-- note: primary key user_authority.user_authority_pkey: keeps its "
                + "column order (authority_name, user_id)");
        this.database.apply("key_order", plan);
        assertThat(relation("key_order", "user_authority_pkey")).as("the key's index, renamed, not rebuilt")
            .isEqualTo(index);
        MigrationPlan again = SchemaDiff.between(this.database.inspect("key_order"), desired);
        assertThat(again.isEmpty()).isTrue();
        assertThat(again.notes()).extracting(PlanNote::kind).containsExactly(PlanNote.Kind.KEY_ORDER_KEPT);
        assertThat(again.toString()).startsWith("-- No changes: the database has the desired schema, but for what the "
                + "notes say is kept.\n-- note: primary key user_authority.user_authority_pkey: keeps its column order");
        assertThat(again.reverse().changes()).as("the way back keeps the order too")
            .isEmpty();
        assertThat(this.database.rows("key_order", "SELECT count(*) FROM user_authority"))
            .isEqualTo(List.of(List.of("3")));
    }

    @Test
    void primaryKeyIsRebuiltInTheMappingsOrderWhenAsked() throws SQLException {
        Schema current = this.database.build("key_reorder", "CREATE TABLE user_authority (user_id bigint NOT NULL, "
                + "authority_name varchar(50) NOT NULL, CONSTRAINT pk_user_authority PRIMARY KEY (authority_name, user_id))",
                "INSERT INTO user_authority VALUES (1, 'ROLE_ADMIN'), (2, 'ROLE_USER')");
        Schema desired = this.database.build("key_reorder_target", "CREATE TABLE user_authority (user_id bigint "
                + "NOT NULL, authority_name varchar(50) NOT NULL, PRIMARY KEY (user_id, authority_name))");
        MigrationPlan plan = SchemaDiff.between(current, desired, DiffOptions.defaults().withReorderKeys(true));
        assertThat(plan.notes()).isEmpty();
        assertThat(plan.changes()).hasSize(2)
            .anyMatch((change) -> change instanceof Change.DropConstraint)
            .anyMatch((change) -> change instanceof Change.AddPrimaryKey);
        this.database.apply("key_reorder", plan);
        assertThat(this.database.inspect("key_reorder")).isEqualTo(desired);
        assertThat(this.database.rows("key_reorder", "SELECT count(*) FROM user_authority"))
            .isEqualTo(List.of(List.of("2")));
    }

    @Test
    void uniqueConstraintWithTheColumnsInAnotherOrderIsRebuiltInTheMappingsOrder() throws SQLException {
        Schema current = this.database.build("unique_order", "CREATE TABLE seat (row_no integer NOT NULL, "
                + "place integer NOT NULL, CONSTRAINT ux_seat UNIQUE (place, row_no))");
        Schema desired = this.database.build("unique_order_target", "CREATE TABLE seat (row_no integer NOT NULL, "
                + "place integer NOT NULL, CONSTRAINT ux_seat UNIQUE (row_no, place))");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.notes()).isEmpty();
        this.database.apply("unique_order", plan);
        assertThat(this.database.inspect("unique_order")).isEqualTo(desired);
    }

    /** The relation's file, which changes when PostgreSQL builds it again. */
    private String relation(String schema, String name) throws SQLException {
        return this.database.rows(schema, "SELECT relfilenode FROM pg_class WHERE relname = '" + name + "' "
                + "AND relnamespace = '" + schema + "'::regnamespace").get(0).get(0);
    }

    @Test
    void sequenceStartChangesWithoutMovingTheNextValue() throws SQLException {
        Schema current = this.database.build("seq_start",
                "CREATE SEQUENCE sequence_generator START WITH 1050 INCREMENT BY 50");
        this.database.rows("seq_start", "SELECT nextval('sequence_generator'), nextval('sequence_generator'), "
                + "nextval('sequence_generator')");
        current = this.database.inspect("seq_start");
        Schema desired = this.database.build("seq_start_target",
                "create sequence sequence_generator start with 1 increment by 50");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.hazards()).isEmpty();
        assertThat(plan.notes()).singleElement().satisfies((note) -> {
            assertThat(note.kind()).isEqualTo(PlanNote.Kind.SEQUENCE_START);
            assertThat(note.text()).contains("START 1050 → 1").contains("the next value stays");
        });
        assertThat(plan.toString()).contains("-- note: sequence sequence_generator: START 1050 → 1");
        assertThat(plan.statements()).as("nothing that reads as a restart")
            .containsExactly("ALTER SEQUENCE sequence_generator START WITH 1");
        this.database.apply("seq_start", plan);
        assertThat(this.database.rows("seq_start", "SELECT nextval('sequence_generator')"))
            .isEqualTo(List.of(List.of("1200")));
        Schema after = this.database.inspect("seq_start");
        assertThat(after).isEqualTo(desired);
        MigrationPlan back = plan.reverse();
        assertThat(back.statements()).containsExactly("ALTER SEQUENCE sequence_generator START WITH 1050");
        this.database.apply("seq_start", back);
        assertThat(this.database.rows("seq_start", "SELECT nextval('sequence_generator')"))
            .isEqualTo(List.of(List.of("1250")));
    }

}
