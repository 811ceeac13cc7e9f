package dev.belay.actions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.Deferrability;
import dev.belay.schema.Cast;
import dev.belay.schema.CastContext;
import dev.belay.schema.CastMethod;
import dev.belay.schema.EnumType;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.Identity;
import dev.belay.schema.Index;
import dev.belay.schema.MatchType;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.ReferentialAction;
import dev.belay.schema.Schema;
import dev.belay.schema.Sequence;
import dev.belay.schema.SequenceOptions;
import dev.belay.schema.Table;
import dev.belay.schema.UniqueConstraint;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;

import static dev.belay.actions.ColumnDefinition.column;
import static dev.belay.actions.IndexDefinition.on;
import static dev.belay.actions.References.references;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The recipes as a revision calls them, run on a real database with names that need quoting:
 * quotes, spaces, mixed case, reserved words and non-ASCII letters.
 */
@PostgresTest
class DatabaseActionsTests {

    private static final String TABLE = "Ride \"Log\"";

    private static final String OTHER = "select";

    @Test
    void everyRecipeWorksWithNamesThatNeedQuoting(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA \"Weird Schema\"");
            statement.execute("SET search_path = \"Weird Schema\"");
            DatabaseActions actions = new DatabaseActions((sql) -> {
                try {
                    statement.execute(sql.sql());
                }
                catch (SQLException ex) {
                    throw new IllegalStateException(ex.getMessage() + " in " + sql, ex);
                }
            });
            actions.createEnumType("Mood \"x\"", List.of("happy", "it's"));
            actions.addEnumValue("Mood \"x\"", "sad", EnumPosition.before("happy"));
            actions.addEnumValue("Mood \"x\"", "Grüße", EnumPosition.after("it's"));
            actions.addEnumValue("Mood \"x\"", "last", EnumPosition.last());
            actions.renameEnumValue("Mood \"x\"", "last", "zuletzt");
            actions.createCast("\"Mood \"\"x\"\"\"", "character varying", CastMethod.INOUT, CastContext.IMPLICIT);
            actions.createCast("text", "\"Mood \"\"x\"\"\"", CastMethod.INOUT, CastContext.ASSIGNMENT);
            actions.createSequence("Seq One", SequenceOptions.defaults("bigint").withIncrement(5));
            actions.alterSequence("Seq One", SequenceOptions.defaults("integer").withStart(10));
            actions.renameSequence("Seq One", "seq 2");
            actions.createTable(TABLE, List.of(new Column(TABLE, "User", "integer", true, null,
                    new Identity(Identity.Generation.BY_DEFAULT, SequenceOptions.defaults("integer")), null, null,
                    "the \"user\""), Column.of(TABLE, "from", "\"Mood \"\"x\"\"\"").withDefault("'it''s'::\"Mood \"\"x\"\"\"")));
            actions.createTable(OTHER, List.of(Column.of(OTHER, "ref", "integer"), Column.of(OTHER, "Größe", "text")));
            actions.addColumn(TABLE, Column.of(TABLE, "order", "character varying(10)"));
            actions.renameColumn(TABLE, "order", "Order By");
            actions.alterColumnType(TABLE, "Order By", "text", "\"C\"", null);
            actions.setColumnDefault(TABLE, "Order By", "'x'::text");
            actions.addNotNull(TABLE, "Order By");
            actions.setColumnComment(TABLE, "Order By", "it's sorted");
            actions.setTableComment(TABLE, "a \"log\" of rides");
            actions.alterIdentity(TABLE, "User", new Identity(Identity.Generation.ALWAYS,
                    SequenceOptions.defaults("integer").withStart(100)));
            actions.addColumn(OTHER, Column.of(OTHER, "n", "bigint").withDefault("nextval('\"seq 2\"'::regclass)"));
            actions.setSequenceOwner("seq 2", OTHER, "n");
            actions.addPrimaryKey(PrimaryKey.of(TABLE, "Ride PK", "User"));
            actions.addUniqueConstraint(new UniqueConstraint(TABLE, "unique \"order\"", List.of("Order By", "from"), true,
                    Deferrability.DEFERRABLE_INITIALLY_DEFERRED));
            actions.addCheckConstraintNotValid(new CheckConstraint(TABLE, "Check It", "\"Order By\" <> ''", List.of()));
            actions.validateConstraint(TABLE, "Check It");
            actions.addForeignKey(new ForeignKey(OTHER, "to \"log\"", List.of("ref"), null, TABLE, List.of("User"),
                    ReferentialAction.CASCADE, ReferentialAction.SET_NULL, MatchType.FULL, Deferrability.NOT_DEFERRABLE));
            actions.createIndex(new Index(OTHER, "Index Größe", false, "btree", List.of("lower(\"Größe\")"), List.of("ref"),
                    "ref > 0", false, new TreeSet<>(List.of("Größe", "ref"))));
            actions.renameIndex("Index Größe", "Index 2");
            actions.renameConstraint(TABLE, "Ride PK", "Ride \"PK\"");
            actions.addNotNullThroughCheck(OTHER, "Größe");

            Schema schema = new SchemaInspector().inspect(connection, "Weird Schema");
            assertThat(schema.enumTypes().get("Mood \"x\""))
                .isEqualTo(EnumType.of("Mood \"x\"", "sad", "happy", "it's", "Grüße", "zuletzt"));
            assertThat(schema.casts().values()).containsExactlyInAnyOrder(
                    Cast.of("\"Mood \"\"x\"\"\"", "character varying", CastMethod.INOUT, CastContext.IMPLICIT),
                    Cast.of("text", "\"Mood \"\"x\"\"\"", CastMethod.INOUT, CastContext.ASSIGNMENT));
            assertThat(schema.sequences().get("seq 2"))
                .isEqualTo(new Sequence("seq 2", new SequenceOptions("integer", 10, 1, 1, Integer.MAX_VALUE, 1, false),
                        new Sequence.ColumnRef(OTHER, "n")));
            Table log = schema.tables().get(TABLE);
            assertThat(log.comment()).isEqualTo("a \"log\" of rides");
            assertThat(log.column("Order By")).isEqualTo(new Column(TABLE, "Order By", "text", true, "'x'::text", null,
                    null, "\"C\"", "it's sorted"));
            assertThat(log.column("User").identity().generation()).isEqualTo(Identity.Generation.ALWAYS);
            assertThat(log.column("User").comment()).isEqualTo("the \"user\"");
            assertThat(log.primaryKey()).isEqualTo(PrimaryKey.of(TABLE, "Ride \"PK\"", "User"));
            assertThat(log.uniqueConstraints()).containsOnlyKeys("unique \"order\"");
            assertThat(log.checkConstraints()).containsOnlyKeys("Check It");
            Table other = schema.tables().get(OTHER);
            assertThat(other.foreignKeys().get("to \"log\"").onDelete()).isEqualTo(ReferentialAction.SET_NULL);
            assertThat(other.indexes()).containsOnlyKeys("Index 2");
            assertThat(other.column("Größe").notNull()).isTrue();
            assertThat(other.checkConstraints()).isEmpty();

            actions.dropIndex("Index 2");
            actions.dropConstraint(OTHER, "to \"log\"");
            actions.clearSequenceOwner("seq 2");
            actions.dropColumn(OTHER, "n");
            actions.dropSequence("seq 2");
            actions.dropIdentity(TABLE, "User");
            actions.dropColumnDefault(TABLE, "Order By");
            actions.dropConstraint(TABLE, "unique \"order\"");
            actions.dropNotNull(TABLE, "Order By");
            actions.dropCast("\"Mood \"\"x\"\"\"", "character varying");
            actions.dropCast("text", "\"Mood \"\"x\"\"\"");
            actions.replaceEnumType("Mood \"x\"", List.of("it's", "happy"), List.of(EnumColumn.of(TABLE, "from", "'happy'::\"Mood \"\"x\"\"\"")));
            actions.renameTable(OTHER, "from");
            actions.dropTable("from");
            actions.dropTable(TABLE);
            actions.dropEnumType("Mood \"x\"");
            assertThat(new SchemaInspector().inspect(connection, "Weird Schema").isEmpty()).isTrue();
        }
    }

    @Test
    void theShortFormsSendWhatTheModelFormsSendAndPostgresBuildsWhatTheySay(TestDatabase database)
            throws SQLException {
        ColumnDefinition user = column("User", "integer").identity(SequenceOptions.defaults("integer").withStart(100))
            .comment("the \"user\"");
        ColumnDefinition id = column("id", "bigint").identityAlways();
        ColumnDefinition from = column("from", "text").notNull().defaultValue("'it''s'::text").collation("\"C\"");
        ColumnDefinition doubled = column("Doubled", "bigint").generatedStored("(account * 2)");
        ColumnDefinition account = column("account", "bigint");
        ColumnDefinition order = column("Order By", "character varying(10)");
        References toLog = references(TABLE, "User", "id").onDelete(ReferentialAction.CASCADE)
            .onUpdate(ReferentialAction.RESTRICT)
            .match(MatchType.FULL)
            .initiallyDeferred();
        References toAccount = references("account", "id").inSchema("Shared").deferrable();
        IndexDefinition open = on("from", "Order By").unique().include("account").where("(\"Order By\" IS NULL)")
            .nullsNotDistinct();
        List<SqlStatement> shortForms = statements((actions) -> {
            actions.createTable(TABLE, user, id, from, doubled, account);
            actions.addColumn(TABLE, order);
            actions.addPrimaryKey(TABLE, "Ride PK", "User", "id");
            actions.addUniqueConstraint(TABLE, "unique \"from\"", "from", "Order By");
            actions.createTable(OTHER, column("ref", "integer"), column("ref id", "bigint"));
            actions.addForeignKey(OTHER, "to \"log\"", List.of("ref", "ref id"), toLog);
            actions.addForeignKeyNotValid(TABLE, "to account", "account", toAccount);
            actions.createIndex(TABLE, "Index Größe", open);
            actions.createIndex(OTHER, "other ref", "ref", "ref id");
            actions.createIndexConcurrently(OTHER, "other ref id", "ref id");
            actions.createIndexConcurrently(OTHER, "other hash", on("ref").using("hash"));
            actions.addCheckConstraint(TABLE, "Positive \"account\"", "account > 0");
            actions.addCheckConstraintNotValid(OTHER, "ref set", "ref IS NOT NULL");
        });
        List<SqlStatement> modelForms = statements((actions) -> {
            actions.createTable(TABLE, List.of(user.toColumn(TABLE), id.toColumn(TABLE), from.toColumn(TABLE),
                    doubled.toColumn(TABLE), account.toColumn(TABLE)));
            actions.addColumn(TABLE, order.toColumn(TABLE));
            actions.addPrimaryKey(PrimaryKey.of(TABLE, "Ride PK", "User", "id"));
            actions.addUniqueConstraint(UniqueConstraint.of(TABLE, "unique \"from\"", "from", "Order By"));
            actions.createTable(OTHER, List.of(Column.of(OTHER, "ref", "integer"), Column.of(OTHER, "ref id", "bigint")));
            actions.addForeignKey(new ForeignKey(OTHER, "to \"log\"", List.of("ref", "ref id"), null, TABLE,
                    List.of("User", "id"), ReferentialAction.RESTRICT, ReferentialAction.CASCADE, MatchType.FULL,
                    Deferrability.DEFERRABLE_INITIALLY_DEFERRED));
            actions.addForeignKeyNotValid(new ForeignKey(TABLE, "to account", List.of("account"), "Shared", "account",
                    List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, MatchType.SIMPLE,
                    Deferrability.DEFERRABLE_INITIALLY_IMMEDIATE));
            actions.createIndex(Index.of(TABLE, "Index Größe", "from", "Order By")
                .withUnique(true)
                .withInclude(List.of("account"))
                .withPredicate("(\"Order By\" IS NULL)")
                .withNullsNotDistinct(true));
            actions.createIndex(Index.of(OTHER, "other ref", "ref", "ref id"));
            actions.createIndexConcurrently(Index.of(OTHER, "other ref id", "ref id"));
            actions.createIndexConcurrently(Index.of(OTHER, "other hash", "ref").withMethod("hash"));
            actions.addCheckConstraint(CheckConstraint.of(TABLE, "Positive \"account\"", "account > 0", "account"));
            actions.addCheckConstraintNotValid(CheckConstraint.of(OTHER, "ref set", "ref IS NOT NULL", "ref"));
        });

        assertThat(shortForms).isEqualTo(modelForms);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA \"Shared\"");
            statement.execute("CREATE TABLE \"Shared\".account (id bigint PRIMARY KEY)");
            statement.execute("CREATE SCHEMA \"Short Forms\"");
            statement.execute("SET search_path = \"Short Forms\"");
            for (SqlStatement sql : shortForms) {
                statement.execute(sql.sql());
            }
            Schema schema = new SchemaInspector().inspect(connection, "Short Forms");
            Table log = schema.tables().get(TABLE);
            for (ColumnDefinition definition : List.of(user, id, from, doubled, account, order)) {
                Column column = definition.toColumn(TABLE);
                assertThat(log.column(column.name())).isEqualTo(column);
            }
            assertThat(log.primaryKey()).isEqualTo(PrimaryKey.of(TABLE, "Ride PK", "User", "id"));
            assertThat(log.uniqueConstraints().get("unique \"from\""))
                .isEqualTo(UniqueConstraint.of(TABLE, "unique \"from\"", "from", "Order By"));
            assertThat(log.foreignKeys().get("to account"))
                .isEqualTo(toAccount.toForeignKey(TABLE, "to account", List.of("account")));
            assertThat(log.indexes().get("Index Größe")).isEqualTo(open.toIndex(TABLE, "Index Größe"));
            Table other = schema.tables().get(OTHER);
            assertThat(other.foreignKeys().get("to \"log\""))
                .isEqualTo(toLog.toForeignKey(OTHER, "to \"log\"", List.of("ref", "ref id")));
            assertThat(other.indexes()).containsOnlyKeys("other ref", "other ref id", "other hash");
            assertThat(other.indexes().get("other hash")).isEqualTo(on("ref").using("hash").toIndex(OTHER, "other hash"));
        }
    }

    @Test
    void shortFormsThatCannotBeBuiltAreRefusedWithTheFix() {
        assertThatIllegalArgumentException().isThrownBy(() -> column("id", "uuid").identity())
            .withMessage("Column id is of type uuid, and an identity column is smallint, integer or bigint: change "
                    + "the type, or give the identity's sequence options with identity(SequenceOptions)");
        assertThatIllegalArgumentException().isThrownBy(() -> references("rider"))
            .withMessage("A foreign key references at least one column of rider: name it, e.g. references(\"rider\", \"id\")");
        assertThatIllegalArgumentException().isThrownBy(() -> new DatabaseActions(new RecordingStatementSink())
            .addForeignKey("ride", "ride_rider_fk", "rider_id", references("rider", "id", "region")))
            .withMessage("Foreign key ride_rider_fk on ride has 1 columns but references 2");
        assertThatIllegalArgumentException().isThrownBy(IndexDefinition::on)
            .withMessage("An index needs at least one column: on(\"column\", ...)");
        assertThat(column("id", "int8").identity().toColumn("ride").identity())
            .isEqualTo(column("id", "bigint").identity().toColumn("ride").identity());
    }

    private static List<SqlStatement> statements(java.util.function.Consumer<DatabaseActions> calls) {
        RecordingStatementSink sink = new RecordingStatementSink();
        calls.accept(new DatabaseActions(sink));
        return sink.statements();
    }

    @Test
    void aCastBetweenTypesNotWrittenAsSqlIsRefusedWithTheFix() {
        DatabaseActions actions = new DatabaseActions(new RecordingStatementSink());
        assertThatIllegalArgumentException()
            .isThrownBy(() -> actions.createCast("ridetype ", "character varying", CastMethod.INOUT, CastContext.IMPLICIT))
            .withMessageContaining("source type must be SQL as format_type writes it, e.g. ridetype or character varying");
        assertThatIllegalArgumentException().isThrownBy(() -> actions.dropCast("ridetype", ""))
            .withMessageContaining("target type");
    }

    @Test
    void aColumnDeclaredForAnotherTableIsRefusedWithTheFix() {
        DatabaseActions actions = new DatabaseActions(new RecordingStatementSink());
        assertThatIllegalArgumentException().isThrownBy(() -> actions.addColumn("ride", Column.of("trip", "x", "text")))
            .withMessage("Column x is declared for table trip, not ride; build it with Column.of('ride', ...)");
    }

    @Test
    void namesDerivedFromLongNamesStayWithinPostgresLimits(TestDatabase database) throws SQLException {
        String table = "t".repeat(40) + "ä".repeat(11);
        String column = "c".repeat(63);
        assertThat(Names.derived(table, "_belay_old").getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE \"" + table + "\" (\"" + column + "\" integer)");
            RecordingStatementSink sink = new RecordingStatementSink();
            new DatabaseActions(sink).addNotNullThroughCheck(table, column);
            for (SqlStatement sql : sink.statements()) {
                statement.execute(sql.sql());
            }
            assertThat(new SchemaInspector().inspect(connection, "public").tables().get(table).column(column).notNull())
                .isTrue();
        }
    }

    @Test
    void concurrentIndexStatementsMayRunAgainAndHaveATransactionalForm(TestDatabase database) throws SQLException {
        RecordingStatementSink sink = new RecordingStatementSink();
        DatabaseActions actions = new DatabaseActions(sink);
        actions.createIndexConcurrently(new Index("t", "t x", true, "btree", List.of("x"), List.of(), null, false,
                new TreeSet<>(List.of("x"))));
        actions.dropIndexConcurrently("t x");
        List<SqlStatement> statements = sink.statements();
        assertThat(statements).extracting(SqlStatement::sql)
            .containsExactly("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"t x\" ON t USING btree (x)",
                    "DROP INDEX CONCURRENTLY IF EXISTS \"t x\"");
        assertThat(statements).extracting((statement) -> statement.inTransaction().orElseThrow().sql())
            .containsExactly("CREATE UNIQUE INDEX IF NOT EXISTS \"t x\" ON t USING btree (x)",
                    "DROP INDEX IF EXISTS \"t x\"");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (x integer)");
            for (SqlStatement each : List.of(statements.get(0), statements.get(0), statements.get(1), statements.get(1))) {
                statement.execute(each.sql());
            }
            connection.setAutoCommit(false);
            for (SqlStatement each : List.of(statements.get(0), statements.get(0))) {
                statement.execute(each.inTransaction().orElseThrow().sql());
            }
            assertThat(new SchemaInspector().inspect(connection, "public").tables().get("t").indexes())
                .containsOnlyKeys("t x");
            for (SqlStatement each : List.of(statements.get(1), statements.get(1))) {
                statement.execute(each.inTransaction().orElseThrow().sql());
            }
            assertThat(new SchemaInspector().inspect(connection, "public").tables().get("t").indexes()).isEmpty();
            connection.rollback();
        }
    }

    @Test
    void theStepsOfANotNullThroughACheckAreTheOneCallsStatements() {
        RecordingStatementSink oneCall = new RecordingStatementSink();
        new DatabaseActions(oneCall).addNotNullThroughCheck("ride", "name");
        RecordingStatementSink steps = new RecordingStatementSink();
        DatabaseActions actions = new DatabaseActions(steps);
        actions.addNotNullCheckNotValid("ride", "name");
        actions.validateNotNullCheck("ride", "name");
        actions.setNotNullFromCheck("ride", "name");
        assertThat(steps.statements()).isEqualTo(oneCall.statements()).containsExactly(
                new SqlStatement("ALTER TABLE ride ADD CONSTRAINT ride_name_not_null_check CHECK (name IS NOT NULL) "
                        + "NOT VALID", TransactionMode.OWN_TRANSACTION),
                new SqlStatement("ALTER TABLE ride VALIDATE CONSTRAINT ride_name_not_null_check",
                        TransactionMode.OWN_TRANSACTION),
                SqlStatement.of("ALTER TABLE ride ALTER COLUMN name SET NOT NULL"),
                SqlStatement.of("ALTER TABLE ride DROP CONSTRAINT ride_name_not_null_check"));
    }

    @Test
    void recordsStatementsWithTheirTransactionModes() {
        RecordingStatementSink sink = new RecordingStatementSink();
        DatabaseActions actions = new DatabaseActions(sink);
        actions.addEnumValue("t", "x", EnumPosition.last());
        actions.createIndexConcurrently(new Index("t", "i", false, "btree", List.of("a"), List.of(), null, false,
                new TreeSet<>(List.of("a"))));
        actions.dropColumn("t", "a");
        assertThat(sink.statements()).extracting(SqlStatement::mode).containsExactly(TransactionMode.OWN_TRANSACTION,
                TransactionMode.NO_TRANSACTION, TransactionMode.IN_TRANSACTION);
    }

}
