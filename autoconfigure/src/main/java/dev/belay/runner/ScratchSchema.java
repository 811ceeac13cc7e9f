package dev.belay.runner;

import java.security.SecureRandom;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

import dev.belay.actions.SqlStatement;
import dev.belay.diff.DiffOptions;
import dev.belay.diff.SchemaDiff;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Schema;

/**
 * A schema of a unique name that exists only inside the caller's transaction, which the caller
 * rolls back: created, put first on the transaction's {@code search_path} (so that unqualified
 * statements land in it while names they only read, such as extension types, still resolve), and
 * filled with a plan's statements.
 */
public final class ScratchSchema {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;

    private ScratchSchema(String name) {
        this.name = name;
    }

    /** A new name starting with the prefix, e.g. {@code belay_settle_3f9a0c...}. */
    public static String newName(String prefix) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** Creates a scratch schema in the connection's transaction, which must be open. */
    public static ScratchSchema create(Connection connection, String prefix) throws SQLException {
        String name = newName(prefix);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + Identifiers.quote(name));
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', "
                + "array_to_string(array_prepend(quote_ident(?), "
                + "ARRAY(SELECT quote_ident(s) FROM unnest(current_schemas(false)) AS s)), ', '), true)")) {
            statement.setString(1, name);
            statement.execute();
        }
        return new ScratchSchema(name);
    }

    /**
     * Creates a scratch schema in the connection's transaction and builds a schema in it from
     * nothing, with Belay's own plan for the server's major version: a copy of a schema's
     * structure, without rows.
     * @throws SQLException naming the statement that fails
     */
    public static ScratchSchema build(Connection connection, String prefix, Schema schema, int serverVersion)
            throws SQLException {
        ScratchSchema scratch = create(connection, prefix);
        scratch.run(connection, SchemaDiff.between(Schema.empty(), schema,
                DiffOptions.defaults().withServerVersion(serverVersion)).sqlStatements());
        return scratch;
    }

    public String name() {
        return this.name;
    }

    /**
     * Runs the statements in one round trip, each in its transactional form (they run in the
     * caller's transaction). When one fails, the scratch schema is rolled back to where it was and
     * the statements run again one at a time to name the one that fails.
     * @throws SQLException naming the statement that fails
     */
    public void run(Connection connection, List<SqlStatement> statements) throws SQLException {
        runAll(connection, statements);
    }

    /**
     * {@linkplain #run Runs} statements in one round trip in the connection's transaction, in
     * whatever schema its {@code search_path} leads to: for a scratch schema created elsewhere.
     * @throws SQLException naming the statement that fails
     */
    public static void runAll(Connection connection, List<SqlStatement> statements) throws SQLException {
        List<String> sql = statements.stream()
            .map((statement) -> statement.inTransaction().orElse(null))
            .filter(java.util.Objects::nonNull)
            .map(SqlStatement::sql)
            .toList();
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            for (String each : sql) {
                statement.addBatch(each);
            }
            statement.executeBatch();
        }
        catch (BatchUpdateException ex) {
            connection.rollback(before);
            throw failingStatement(connection, sql, ex);
        }
        connection.releaseSavepoint(before);
    }

    /**
     * Commits a rehearsal's transaction in a scratch schema that lives across transactions, after
     * checking that it changed nothing outside that schema: no relation elsewhere locked for
     * writing, no object created in another schema. Otherwise it rolls the transaction back and
     * throws, naming what lay outside.
     * @throws OutsideScratchException when the transaction reached outside the scratch schema
     */
    public static void commitContained(Connection connection, String scratch) throws SQLException {
        String outside;
        try (PreparedStatement statement = connection.prepareStatement("SELECT string_agg(what, ', ') FROM ("
                + "SELECT n.nspname || '.' || c.relname || ' (' || l.mode || ')' AS what FROM pg_locks l "
                + "JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' "
                + "AND l.mode NOT IN ('AccessShareLock', 'RowShareLock') AND n.nspname <> ? "
                + "AND n.nspname NOT IN ('pg_catalog', 'pg_toast', 'information_schema') "
                + "AND n.nspname NOT LIKE 'pg\\_temp%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp%' "
                + "UNION ALL SELECT 'objects created in schema ' || n.nspname FROM pg_locks l "
                + "JOIN pg_namespace n ON n.oid = l.objid WHERE l.pid = pg_backend_pid() AND l.locktype = 'object' "
                + "AND l.classid = 'pg_namespace'::regclass AND n.nspname <> ? "
                + "AND n.nspname NOT LIKE 'pg\\_temp%') AS outside")) {
            statement.setString(1, scratch);
            statement.setString(2, scratch);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                outside = row.getString(1);
            }
        }
        if (outside != null) {
            connection.rollback();
            throw new OutsideScratchException(outside);
        }
        connection.commit();
    }

    private static SQLException failingStatement(Connection connection, List<String> sql, BatchUpdateException batch)
            throws SQLException {
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            for (String each : sql) {
                try {
                    statement.execute(each);
                }
                catch (SQLException ex) {
                    return new SQLException(ex.getMessage() + " [statement: " + each + "]", ex.getSQLState(), ex);
                }
            }
        }
        finally {
            connection.rollback(before);
        }
        return batch;
    }

}
