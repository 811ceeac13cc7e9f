package dev.belay.diff;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.schema.Schema;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Statements that cannot share a transaction are marked, and the marks matter: run the way
 * they say, plans work; crammed into one transaction, PostgreSQL refuses them.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionModeTests {

    private DiffDatabase database;

    @BeforeAll
    void connect(TestDatabase database) {
        this.database = new DiffDatabase(database);
    }

    @Test
    void aNewEnumLabelGetsATransactionOfItsOwnSinceItCannotBeUsedInTheOneThatAddsIt() throws SQLException {
        Schema current = this.database.build("label", "CREATE TYPE ride_type AS ENUM ('ROAD')",
                "CREATE TABLE ride (type ride_type DEFAULT 'ROAD')");
        Schema desired = this.database.build("label_target", "CREATE TYPE ride_type AS ENUM ('ROAD', 'MTB')",
                "CREATE TABLE ride (type ride_type DEFAULT 'MTB')");
        MigrationPlan plan = SchemaDiff.between(current, desired);
        assertThat(plan.sqlStatements()).filteredOn((statement) -> statement.sql().contains("ADD VALUE"))
            .singleElement()
            .extracting(SqlStatement::mode)
            .isEqualTo(TransactionMode.OWN_TRANSACTION);
        assertThat(plan.fitsInOneTransaction()).isFalse();
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> inOneTransaction("label", plan.statements()))
            .withMessageContaining("unsafe use of new value");
        this.database.apply("label", plan);
        assertThat(this.database.inspect("label")).isEqualTo(desired);
    }

    @Test
    void onlineSafeIndexesAreBuiltConcurrentlyOutsideAnyTransaction() throws SQLException {
        Schema current = this.database.build("index", "CREATE TABLE ride (id integer, name text)",
                "CREATE INDEX ride_old_idx ON ride (id)");
        Schema desired = this.database.build("index_target", "CREATE TABLE ride (id integer, name text)",
                "CREATE INDEX ride_name_idx ON ride (name)");
        MigrationPlan plain = SchemaDiff.between(current, desired);
        MigrationPlan online = SchemaDiff.between(current, desired, DiffOptions.defaults().withOnlineSafe(true));
        assertThat(plain.fitsInOneTransaction()).isTrue();
        assertThat(online.sqlStatements()).extracting(SqlStatement::mode)
            .containsOnly(TransactionMode.NO_TRANSACTION);
        assertThat(online.statements()).allMatch((sql) -> sql.contains("CONCURRENTLY"));
        assertThatExceptionOfType(SQLException.class).isThrownBy(() -> inOneTransaction("index", online.statements()))
            .withMessageContaining("cannot run inside a transaction block");
        this.database.apply("index", online);
        assertThat(this.database.inspect("index")).isEqualTo(desired);
    }

    @Test
    void onlineSafeConstraintsOnExistingTablesAreAddedNotValidThenValidated() throws SQLException {
        Schema current = this.database.build("valid", "CREATE TABLE rider (id integer PRIMARY KEY)",
                "CREATE TABLE ride (rider_id integer, d integer)", "INSERT INTO rider VALUES (1)",
                "INSERT INTO ride VALUES (1, 5)");
        Schema desired = this.database.build("valid_target", "CREATE TABLE rider (id integer PRIMARY KEY)",
                "CREATE TABLE ride (rider_id integer REFERENCES rider (id), d integer CHECK (d > 0))");
        MigrationPlan plan = SchemaDiff.between(current, desired, DiffOptions.defaults().withOnlineSafe(true));
        assertThat(plan.changes()).extracting((change) -> change.getClass().getSimpleName())
            .containsExactly("AddCheckConstraintNotValid", "AddForeignKeyNotValid", "ValidateConstraint",
                    "ValidateConstraint");
        assertThat(plan.sqlStatements()).extracting(SqlStatement::mode).containsOnly(TransactionMode.OWN_TRANSACTION);
        this.database.apply("valid", plan);
        assertThat(this.database.inspect("valid")).isEqualTo(desired);
        assertThat(this.database.rows("valid", "SELECT count(*) FROM pg_constraint WHERE NOT convalidated "
                + "AND connamespace = 'valid'::regnamespace")).containsExactly(List.of("0"));
    }

    @Test
    void onlineSafeNotNullUsesAValidatedCheckBeforePostgres18AndNotNullNotValidFrom18() throws SQLException {
        Schema current = this.database.build("nulls", "CREATE TABLE ride (id integer, name text)",
                "INSERT INTO ride VALUES (1, 'a')");
        Schema desired = this.database.build("nulls_target", "CREATE TABLE ride (id integer NOT NULL, name text)");
        DiffOptions online = DiffOptions.defaults().withOnlineSafe(true);
        MigrationPlan viaCheck = SchemaDiff.between(current, desired, online.withServerVersion(17));
        MigrationPlan notValid = SchemaDiff.between(current, desired, online.withServerVersion(18));
        assertThat(viaCheck.changes()).extracting((change) -> change.getClass().getSimpleName())
            .containsExactly("AddNotNullCheckNotValid", "ValidateNotNullCheck", "SetNotNullFromCheck");
        assertThat(viaCheck.statements()).hasSize(4).anyMatch((sql) -> sql.contains("CHECK (id IS NOT NULL) NOT VALID"));
        assertThat(notValid.changes()).extracting((change) -> change.getClass().getSimpleName())
            .containsExactly("AddNotNullNotValid", "ValidateNotNull");
        this.database.apply("nulls", viaCheck);
        assertThat(this.database.inspect("nulls")).isEqualTo(desired);
        assertThat(this.database.rows("nulls", "SELECT count(*) FROM pg_constraint WHERE contype = 'c' "
                + "AND connamespace = 'nulls'::regnamespace")).as("the helper check is gone").containsExactly(List.of("0"));
        if (this.database.majorVersion() >= 18) {
            this.database.apply("nulls", viaCheck.reverse());
            this.database.apply("nulls", notValid);
            assertThat(this.database.inspect("nulls")).isEqualTo(desired);
            assertThat(this.database.rows("nulls", "SELECT convalidated FROM pg_constraint WHERE contype = 'n' "
                    + "AND conrelid = 'nulls.ride'::regclass")).containsExactly(List.of("t"));
        }
    }

    private void inOneTransaction(String schema, List<String> statements) throws SQLException {
        try (Connection connection = this.database.database().connect();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET search_path = " + schema);
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
            }
            finally {
                connection.rollback();
            }
        }
    }

}
