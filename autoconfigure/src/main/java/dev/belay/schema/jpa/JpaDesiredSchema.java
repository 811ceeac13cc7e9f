package dev.belay.schema.jpa;

import java.security.SecureRandom;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Identifiers;
import dev.belay.schema.ObjectId;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.schema.WrittenExpressions;
import dev.belay.schema.postgres.SchemaInspector;
import org.hibernate.boot.Metadata;
import org.jspecify.annotations.Nullable;

/**
 * The schema the JPA mapping wants, normalised through PostgreSQL itself.
 * <p>
 * {@link #desiredSchema(Connection)} runs Hibernate's own {@code create} DDL for the mapping (see
 * {@link #ddl()}) in a scratch schema of a unique name, reads that schema with the same
 * {@link SchemaInspector} that reads the real one, and rolls everything back. So the desired and
 * the current state are both what PostgreSQL says, and they are equal exactly when the database
 * holds what Hibernate's {@code create} would build.
 * <p>
 * Belay manages one schema. The DDL is written without a schema name and lands in the scratch
 * schema through {@code search_path}; {@code hibernate.default_schema} is ignored for it, and a
 * mapping that names a schema ({@code @Table(schema = ...)} and the like) is rejected with a
 * {@link DesiredSchemaException}, because its DDL would reach into a real schema.
 * {@code spring.jpa.hibernate.ddl-auto} plays no part.
 */
public final class JpaDesiredSchema {

    private static final String SCRATCH_PREFIX = "belay_scratch_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<Metadata> metadata;

    private final SchemaInspector inspector;

    private volatile @Nullable Script script;

    /** The desired schema of the given Hibernate boot model. */
    public JpaDesiredSchema(Metadata metadata) {
        this(metadata, new SchemaInspector());
    }

    /** The desired schema of the given Hibernate boot model, read with the given inspector. */
    public JpaDesiredSchema(Metadata metadata, SchemaInspector inspector) {
        this(fixed(metadata), inspector);
    }

    /**
     * The desired schema of a boot model that is known later, e.g. once the
     * {@code EntityManagerFactory} has been built. The supplier is asked on every use and may
     * throw when the model is not there yet.
     */
    public JpaDesiredSchema(Supplier<Metadata> metadata, SchemaInspector inspector) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
    }

    /**
     * Hibernate's {@code create} statements for the mapping, without a schema name, in the order
     * Hibernate runs them.
     * @throws DesiredSchemaException if the mapping puts objects in a schema of their own
     */
    public List<String> ddl() {
        return script().statements();
    }

    /**
     * The desired schema, built in a scratch schema on the given data source and rolled back.
     * @see #desiredSchema(Connection)
     */
    public Schema desiredSchema(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return desiredSchema(connection);
        }
    }

    /**
     * The desired schema, built in a scratch schema on the given connection and rolled back.
     * <p>
     * Everything happens in one transaction: the connection's own when it is not in auto-commit
     * mode (then under a savepoint, so the caller's work is kept), otherwise one of its own. The
     * connection is left as it was found: auto-commit mode, {@code search_path}, and no scratch
     * schema, also when the DDL fails.
     * @throws DesiredSchemaException if a statement of the DDL fails (it names the statement and
     * the table and entity it is about) or the mapping cannot be managed by Belay
     * @throws SQLException if the database cannot be talked to
     */
    public Schema desiredSchema(Connection connection) throws SQLException {
        return desiredSchema(connection, (scratch, built) -> built);
    }

    /**
     * Builds the desired schema in a scratch schema as {@link #desiredSchema(Connection)} does,
     * and hands it, while it still exists, to {@code then} (with {@code search_path} leading to
     * it), before everything is rolled back: a caller may change it in place and read it again.
     * @param then what to read in the scratch schema
     */
    public <T> T desiredSchema(Connection connection, Built<T> then) throws SQLException {
        return build(connection, (scratch, built, written) -> then.read(scratch, built), false);
    }

    /**
     * Builds the desired schema in a scratch schema as {@link #desiredSchema(Connection, Built)}
     * does, and hands {@code then} also the checks, defaults and generation expressions as
     * Hibernate's statements wrote them, paired with the objects PostgreSQL made of them where
     * the pairing is certain (see {@link WrittenExpressions}).
     * @param then what to read in the scratch schema
     */
    public <T> T desiredSchema(Connection connection, BuiltAsWritten<T> then) throws SQLException {
        return build(connection, then, true);
    }

    private <T> T build(Connection connection, BuiltAsWritten<T> then, boolean pairWritten) throws SQLException {
        Script script = script();
        boolean autoCommit = connection.getAutoCommit();
        String searchPath = searchPath(connection);
        Savepoint savepoint = null;
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        else {
            savepoint = connection.setSavepoint();
        }
        T desired;
        try {
            String scratch = SCRATCH_PREFIX + HexFormat.of().formatHex(randomBytes());
            createScratchSchema(connection, scratch);
            try {
                runBatch(connection, script);
            }
            catch (BatchUpdateException ex) {
                rollBack(connection, savepoint);
                throw locateFailure(connection, script, scratch, ex);
            }
            Schema built = this.inspector.inspect(connection, scratch);
            WrittenExpressions written = pairWritten
                    ? WrittenPairing.pair(script.createTables(), connection, scratch, built) : WrittenExpressions.none();
            desired = then.read(scratch, built, written);
        }
        catch (Throwable ex) {
            try {
                restore(connection, autoCommit, savepoint, searchPath);
            }
            catch (SQLException | RuntimeException restoreFailure) {
                ex.addSuppressed(restoreFailure);
            }
            throw ex;
        }
        restore(connection, autoCommit, savepoint, searchPath);
        return desired;
    }

    /**
     * The conditions, as Hibernate's statements {@code ddl} (an earlier mapping's, say) write
     * them, that may be those of the given checks of {@code schema}: checks of the same table
     * that read the same columns and have the same name or, unnamed, the name PostgreSQL would
     * choose. Candidates only, since nothing shows that {@code schema} was built from those
     * statements: a caller must see PostgreSQL render a candidate as the check before using it.
     */
    public static Map<ObjectId, List<String>> writtenChecks(List<String> ddl, Schema schema,
            Collection<CheckConstraint> checks) {
        Map<String, CreateTableText> tables = new CreateTables().of(ddl);
        Map<ObjectId, List<String>> candidates = new LinkedHashMap<>();
        for (CheckConstraint check : checks) {
            CreateTableText text = tables.get(check.table());
            Table table = schema.tables().get(check.table());
            if (text == null || table == null) {
                continue;
            }
            List<String> conditions = text.checks()
                .stream()
                .filter((written) -> WrittenPairing.fits(written, check, table))
                .map(CreateTableText.Check::condition)
                .distinct()
                .toList();
            if (!conditions.isEmpty()) {
                candidates.put(check.id(), conditions);
            }
        }
        return candidates;
    }

    private static Supplier<Metadata> fixed(Metadata metadata) {
        Objects.requireNonNull(metadata, "metadata");
        return () -> metadata;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private Script script() {
        Metadata current = this.metadata.get();
        Script script = this.script;
        if (script == null || script.metadata() != current) {
            script = new Script(current, HibernateCreateScript.statements(current), new CreateTables());
            this.script = script;
        }
        return script;
    }

    /**
     * Creates the scratch schema and puts it first on the transaction's {@code search_path}, so
     * that everything the DDL creates lands there, while names it only reads (types and
     * functions of extensions, for example) still resolve as they do for the application.
     */
    private static void createScratchSchema(Connection connection, String scratch) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + Identifiers.quote(scratch));
        }
        catch (SQLException ex) {
            throw new DesiredSchemaException("Belay could not create the scratch schema " + scratch
                    + " it builds the desired schema in (it needs the CREATE privilege on the database): "
                    + ex.getMessage(), null, ex);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', "
                + "array_to_string(array_prepend(quote_ident(?), "
                + "ARRAY(SELECT quote_ident(s) FROM unnest(current_schemas(false)) AS s)), ', '), true)")) {
            statement.setString(1, scratch);
            statement.execute();
        }
    }

    /**
     * Runs the DDL as one JDBC batch, which the PostgreSQL driver sends in a single round trip
     * however large the model. Escape processing is off: the statements are PostgreSQL's SQL, and
     * a brace in a check or default is not a JDBC escape.
     */
    private static void runBatch(Connection connection, Script script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            for (String sql : script.statements()) {
                statement.addBatch(sql);
            }
            statement.executeBatch();
        }
    }

    /**
     * After a failed batch (and a rollback), runs the DDL again one statement at a time, to name
     * the statement that fails: a batch does not say reliably which one it was.
     */
    private static DesiredSchemaException locateFailure(Connection connection, Script script, String scratch,
            BatchUpdateException batchFailure) throws SQLException {
        createScratchSchema(connection, scratch);
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            for (String sql : script.statements()) {
                try {
                    statement.execute(sql);
                }
                catch (SQLException ex) {
                    return failure(script, sql, ex);
                }
            }
        }
        return failure(script, null, (batchFailure.getNextException() != null) ? batchFailure.getNextException()
                : batchFailure);
    }

    private static DesiredSchemaException failure(Script script, @Nullable String statement, SQLException cause) {
        String subject = (statement != null) ? script.subject().describe(statement) : null;
        return new DesiredSchemaException("Hibernate's DDL for the mapping fails" + ((subject != null) ? " on " + subject : "")
                + ": " + cause.getMessage() + ((statement != null) ? "\n  statement: " + statement : "")
                + "\nFix the mapping (a columnDefinition, @Check, @ColumnDefault or the like) so that PostgreSQL "
                + "accepts it.", statement, cause);
    }

    /** Back to where {@link #desiredSchema(Connection)} started, the transaction still open. */
    private static void rollBack(Connection connection, @Nullable Savepoint savepoint) throws SQLException {
        if (savepoint != null) {
            connection.rollback(savepoint);
        }
        else {
            connection.rollback();
        }
    }

    private static void restore(Connection connection, boolean autoCommit, @Nullable Savepoint savepoint,
            String searchPath) throws SQLException {
        rollBack(connection, savepoint);
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        else {
            connection.setAutoCommit(autoCommit);
        }
        if (!searchPath.equals(searchPath(connection))) {
            try (PreparedStatement statement = connection
                .prepareStatement("SELECT set_config('search_path', ?, false)")) {
                statement.setString(1, searchPath);
                statement.execute();
            }
        }
    }

    private static String searchPath(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('search_path')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /**
     * Reads what was built in the scratch schema, before it is rolled back.
     *
     * @param <T> what it reads
     */
    @FunctionalInterface
    public interface Built<T> {

        /**
         * @param scratchSchema the scratch schema's name, first on the {@code search_path};
         * {@code null} from a source that built nowhere
         * @param schema the desired schema as read from it
         */
        T read(@Nullable String scratchSchema, Schema schema) throws SQLException;

    }

    /**
     * Reads what was built in the scratch schema, before it is rolled back, with the expressions
     * as Hibernate's statements wrote them.
     *
     * @param <T> what it reads
     */
    @FunctionalInterface
    public interface BuiltAsWritten<T> {

        /**
         * @param scratchSchema the scratch schema's name, first on the {@code search_path};
         * {@code null} from a source that built nowhere
         * @param schema the desired schema as read from it
         * @param written the expressions of {@code schema} known as written
         */
        T read(@Nullable String scratchSchema, Schema schema, WrittenExpressions written) throws SQLException;

    }

    /** The DDL of one boot model, kept while the model stays the same. */
    private record Script(Metadata metadata, List<String> statements, CreateTables tables) {

        /** The {@code CREATE TABLE} statements read for their expressions, by table name. */
        Map<String, CreateTableText> createTables() {
            return this.tables.of(this.statements);
        }

        /**
         * What the statements are about, for the message of a failure: read from the model only
         * then, since every start computes the DDL for the drift check and almost none fails.
         */
        StatementSubject subject() {
            return new StatementSubject(this.metadata);
        }

    }

}
