package dev.belay.revision;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.belay.schema.Identifiers;

import org.jspecify.annotations.Nullable;

/**
 * The history table in the managed schema ({@code belay_history} by default): one row per applied
 * revision, with its parents and message as they were when it was applied, when and by whom, and
 * how long it took. A non-transactional revision's row exists while it runs, in state
 * {@code applying} (or {@code reverting} while its {@code down} runs), so a run that dies midway
 * leaves a trace that names it.
 * <p>
 * Every method runs on a connection it is given and leaves its transaction alone.
 */
public final class RevisionHistory {

    private final String schema;

    private final String table;

    private final String qualifiedName;

    /**
     * @param schema the managed schema, as PostgreSQL stores its name
     * @param table the history table's name, as PostgreSQL stores it
     */
    public RevisionHistory(String schema, String table) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.table = Objects.requireNonNull(table, "table");
        this.qualifiedName = Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }

    public String schema() {
        return this.schema;
    }

    public String table() {
        return this.table;
    }

    /** The table's name as SQL, schema-qualified and quoted where needed. */
    public String qualifiedName() {
        return this.qualifiedName;
    }

    /**
     * Creates the table, and the schema unless it exists. Run it while holding the migration lock
     * (or inside a transaction). The schema is looked up first because {@code CREATE SCHEMA IF NOT
     * EXISTS} needs the right to create schemas even when there is nothing to create.
     */
    public void create(Connection connection) throws SQLException {
        boolean schemaExists;
        try (PreparedStatement statement = connection
            .prepareStatement("SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = ?)")) {
            statement.setString(1, this.schema);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                schemaExists = row.getBoolean(1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            if (!schemaExists) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(this.schema));
            }
            statement.execute("CREATE TABLE IF NOT EXISTS " + this.qualifiedName + " ("
                    + "id text PRIMARY KEY, "
                    + "parents text[] NOT NULL, "
                    + "message text NOT NULL, "
                    + "state text NOT NULL CHECK (state IN ('applied', 'applying', 'reverting')), "
                    + "applied_rank bigint GENERATED ALWAYS AS IDENTITY, "
                    + "applied_at timestamptz NOT NULL DEFAULT now(), "
                    + "execution_ms bigint, "
                    + "applied_by text NOT NULL DEFAULT current_user, "
                    + FINGERPRINT_COLUMNS.replace("ADD COLUMN IF NOT EXISTS ", "") + ")");
        }
    }

    /**
     * The columns that record what each run of revisions did to the schema, added to a history
     * table created before they existed:
     * <ul>
     * <li>{@code run_id}: the run that applied the revision, shared by the revisions applied
     * together;</li>
     * <li>{@code effect_fingerprint} and {@code effect}, on the last revision of a run: what the
     * run changed, for {@code belay verify};</li>
     * <li>{@code schema_fingerprint} and {@code schema_snapshot}, on the latest applied revision
     * only: the whole schema as the last migration left it, for the drift check.</li>
     * </ul>
     */
    private static final String FINGERPRINT_COLUMNS = "ADD COLUMN IF NOT EXISTS run_id text, "
            + "ADD COLUMN IF NOT EXISTS effect_fingerprint text, ADD COLUMN IF NOT EXISTS effect bytea, "
            + "ADD COLUMN IF NOT EXISTS schema_fingerprint text, ADD COLUMN IF NOT EXISTS schema_snapshot bytea";

    /** Whether the table has the fingerprint columns (a table created by an older Belay has not). */
    public boolean hasFingerprintColumns(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT EXISTS (SELECT FROM pg_attribute "
                + "WHERE attrelid = to_regclass(?) AND attname = 'schema_snapshot' AND NOT attisdropped)")) {
            statement.setString(1, this.qualifiedName);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /**
     * Adds the fingerprint columns to a table created before they existed. Run it while holding
     * the migration lock; it needs the right to alter the table (its owner).
     */
    public void addFingerprintColumns(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + this.qualifiedName + " " + FINGERPRINT_COLUMNS);
        }
    }

    /** The rows in the order the revisions were applied. */
    public List<HistoryEntry> read(Connection connection) throws SQLException {
        return read(connection, hasFingerprintColumns(connection));
    }

    /**
     * The rows in the order the revisions were applied, when the caller knows already whether
     * the table has the fingerprint columns.
     */
    public List<HistoryEntry> read(Connection connection, boolean runs) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, parents, message, state, applied_rank, applied_at, "
                        + "execution_ms, applied_by, " + (runs ? "run_id, effect_fingerprint" : "NULL, NULL")
                        + " FROM " + this.qualifiedName + " ORDER BY applied_rank")) {
            while (rows.next()) {
                Array parents = rows.getArray(2);
                long executionMs = rows.getLong(7);
                Long finishedIn = rows.wasNull() ? null : executionMs;
                entries.add(new HistoryEntry(rows.getString(1), List.of((String[]) parents.getArray()),
                        rows.getString(3), HistoryState.fromSql(rows.getString(4)), rows.getLong(5),
                        rows.getObject(6, OffsetDateTime.class).toInstant(), finishedIn, rows.getString(8),
                        rows.getString(9), rows.getString(10)));
            }
        }
        return entries;
    }

    /**
     * Only the id and state of each row, in the order the revisions were applied, and the schema
     * fingerprint of the latest applied one: all that a start needs to see that nothing is
     * pending and what the schema should be, and cheaper to read than {@link #read}.
     * @param fingerprints whether the table has the fingerprint columns
     */
    public States readStates(Connection connection, boolean fingerprints) throws SQLException {
        Map<String, HistoryState> states = new LinkedHashMap<>();
        String fingerprint = null;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, state, "
                        + (fingerprints ? "schema_fingerprint" : "NULL") + " FROM " + this.qualifiedName
                        + " ORDER BY applied_rank")) {
            while (rows.next()) {
                HistoryState state = HistoryState.fromSql(rows.getString(2));
                states.put(rows.getString(1), state);
                if (state == HistoryState.APPLIED) {
                    fingerprint = rows.getString(3);
                }
            }
        }
        return new States(states, fingerprints, fingerprint);
    }

    /**
     * {@linkplain #readStates(Connection, boolean) Reads the states} of the history tables of the
     * same name in many schemas with one query, as a start with many tenants needs them: a schema
     * without rows is left out.
     * @param table the history table's name in each schema
     * @param schemas each schema whose history table exists, with whether it has the fingerprint columns
     * @return each schema's states, by schema
     */
    public static Map<String, States> readStates(Connection connection, String table, Map<String, Boolean> schemas)
            throws SQLException {
        if (schemas.isEmpty()) {
            return Map.of();
        }
        List<String> names = List.copyOf(schemas.keySet());
        StringBuilder sql = new StringBuilder("SELECT i, id, state, f FROM (");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            sql.append((i > 0) ? " UNION ALL " : "")
                .append("SELECT ").append(i).append(" AS i, id, state, ")
                .append(schemas.get(name) ? "schema_fingerprint" : "NULL::text").append(" AS f, applied_rank FROM ")
                .append(Identifiers.quote(name)).append('.').append(Identifiers.quote(table));
        }
        sql.append(") AS histories ORDER BY i, applied_rank");
        Map<Integer, Map<String, HistoryState>> states = new LinkedHashMap<>();
        Map<Integer, String> fingerprints = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql.toString())) {
            while (rows.next()) {
                int i = rows.getInt(1);
                HistoryState state = HistoryState.fromSql(rows.getString(3));
                states.computeIfAbsent(i, (key) -> new LinkedHashMap<>()).put(rows.getString(2), state);
                if (state == HistoryState.APPLIED) {
                    fingerprints.put(i, rows.getString(4));
                }
            }
        }
        Map<String, States> read = new LinkedHashMap<>();
        states.forEach((i, byId) -> read.put(names.get(i),
                new States(byId, schemas.get(names.get(i)), fingerprints.get(i))));
        return read;
    }

    /**
     * Each revision's state, in the order they were applied, and what the start needs to know
     * about fingerprints.
     *
     * @param states the state of each revision, by id, in the order they were applied
     * @param fingerprintColumns whether the table has the fingerprint columns
     * @param schemaFingerprint the schema fingerprint recorded on the latest applied revision, or
     * {@code null}
     */
    public record States(Map<String, HistoryState> states, boolean fingerprintColumns,
            @Nullable String schemaFingerprint) {

    }

    /**
     * Records, on the latest applied revision, the schema as the last migration left it (and
     * clears it from the others, so the table keeps one snapshot).
     * @return whether there was a revision to record it on and the condition held
     */
    public boolean recordSchema(Connection connection, String fingerprint, byte[] snapshot, String onlyIf)
            throws SQLException {
        try (PreparedStatement clear = connection.prepareStatement("UPDATE " + this.qualifiedName
                + " SET schema_fingerprint = NULL, schema_snapshot = NULL WHERE schema_fingerprint IS NOT NULL AND "
                + onlyIf);
                PreparedStatement record = connection.prepareStatement("UPDATE " + this.qualifiedName
                        + " SET schema_fingerprint = ?, schema_snapshot = ? WHERE applied_rank = (SELECT max(applied_rank) "
                        + "FROM " + this.qualifiedName + " WHERE state = 'applied') AND " + onlyIf)) {
            clear.executeUpdate();
            record.setString(1, fingerprint);
            record.setBytes(2, snapshot);
            return record.executeUpdate() == 1;
        }
    }

    /**
     * The schema fingerprint and compressed snapshot recorded on the latest applied revision, or
     * empty when none is recorded (or the table predates them).
     */
    public Optional<RecordedSchema> recordedSchema(Connection connection) throws SQLException {
        if (!hasFingerprintColumns(connection)) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT id, schema_fingerprint, schema_snapshot FROM "
                        + this.qualifiedName + " WHERE state = 'applied' ORDER BY applied_rank DESC LIMIT 1")) {
            if (!row.next() || row.getString(2) == null) {
                return Optional.empty();
            }
            return Optional.of(new RecordedSchema(row.getString(1), row.getString(2), row.getBytes(3)));
        }
    }

    /**
     * The schema as the last migration left it.
     *
     * @param revision the latest applied revision, which carries it
     * @param fingerprint its fingerprint
     * @param snapshot its compressed snapshot
     */
    public record RecordedSchema(String revision, String fingerprint, byte[] snapshot) {

    }

    /** Records what a run changed on the last revision it applied. */
    public boolean recordEffect(Connection connection, String id, String fingerprint, byte[] effect, String onlyIf)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.qualifiedName
                + " SET effect_fingerprint = ?, effect = ? WHERE id = ? AND " + onlyIf)) {
            statement.setString(1, fingerprint);
            statement.setBytes(2, effect);
            statement.setString(3, id);
            return statement.executeUpdate() == 1;
        }
    }

    /** The compressed effects recorded on the last revision of each run, by revision id. */
    public Map<String, byte[]> effects(Connection connection) throws SQLException {
        Map<String, byte[]> effects = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, effect FROM " + this.qualifiedName
                        + " WHERE effect IS NOT NULL ORDER BY applied_rank")) {
            while (rows.next()) {
                effects.put(rows.getString(1), rows.getBytes(2));
            }
        }
        return effects;
    }

    /** Whether the table exists. */
    public boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, this.qualifiedName);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /*
     * Every write below takes an SQL condition, onlyIf, that the caller vouches for (built from
     * numbers and a token, never from input): the row changes only where it holds. The runner
     * passes its migration lock's guard, so that nothing is recorded by a session that does not
     * hold the lock. Each returns whether a row changed; a false return leaves the transaction
     * usable so that the caller can find out why.
     */

    /**
     * Adds a revision's row, unless the condition is false or the revision has a row already
     * (then it waits for a transaction that is inserting one to end, and adds nothing).
     * @param runId the run that applies it, or {@code null} when it is recorded without running
     */
    public boolean claim(Connection connection, RevisionInfo revision, HistoryState state, @Nullable String runId,
            String onlyIf) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.qualifiedName
                + " (id, parents, message, state, run_id) SELECT ?, ?, ?, ?, ? WHERE " + onlyIf
                + " ON CONFLICT (id) DO NOTHING")) {
            statement.setString(1, revision.id());
            statement.setArray(2, connection.createArrayOf("text", revision.parents().toArray()));
            statement.setString(3, revision.message());
            statement.setString(4, state.sql());
            statement.setString(5, runId);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Marks a revision that is {@code applying} as applied, now, after the given time (none for a
     * revision recorded without running it).
     */
    public boolean markApplied(Connection connection, String id, @Nullable Long executionMs, String onlyIf)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.qualifiedName
                + " SET state = 'applied', applied_at = now(), execution_ms = ? WHERE id = ? AND state = 'applying' "
                + "AND " + onlyIf)) {
            if (executionMs != null) {
                statement.setLong(1, executionMs);
            }
            else {
                statement.setNull(1, java.sql.Types.BIGINT);
            }
            statement.setString(2, id);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Changes a revision's state from one of {@code from} to {@code to}: to {@code reverting} when
     * its {@code down} starts, to {@code applying} when an interrupted revision is run again, back
     * to {@code applied} when a {@code down} failed before doing anything. Running {@code up}
     * again also records who started it, and when.
     */
    public boolean setState(Connection connection, String id, Set<HistoryState> from, HistoryState to, String onlyIf)
            throws SQLException {
        return setState(connection, id, from, to, null, onlyIf);
    }

    /**
     * {@linkplain #setState(Connection, String, Set, HistoryState, String) Changes a revision's
     * state}, and when it is run again, records the run that does it.
     */
    public boolean setState(Connection connection, String id, Set<HistoryState> from, HistoryState to,
            @Nullable String runId, String onlyIf) throws SQLException {
        boolean again = to == HistoryState.APPLYING;
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + this.qualifiedName
                + " SET state = ?" + (again ? ", applied_at = now(), applied_by = current_user, run_id = ?" : "")
                + " WHERE id = ? AND state = ANY (?) AND " + onlyIf)) {
            int parameter = 1;
            statement.setString(parameter++, to.sql());
            if (again) {
                statement.setString(parameter++, runId);
            }
            statement.setString(parameter++, id);
            statement.setArray(parameter, connection.createArrayOf("text", from.stream().map(HistoryState::sql).toArray()));
            return statement.executeUpdate() == 1;
        }
    }

    /** Removes a revision's row. */
    public boolean delete(Connection connection, String id, String onlyIf) throws SQLException {
        try (PreparedStatement statement = connection
            .prepareStatement("DELETE FROM " + this.qualifiedName + " WHERE id = ? AND " + onlyIf)) {
            statement.setString(1, id);
            return statement.executeUpdate() == 1;
        }
    }

    /** The state of a revision's row, or empty when it has none. */
    public Optional<HistoryState> stateOf(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = connection
            .prepareStatement("SELECT state FROM " + this.qualifiedName + " WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(HistoryState.fromSql(row.getString(1))) : Optional.empty();
            }
        }
    }

    /** The statement that removes a revision's row, for messages that tell a person what to run. */
    public String deleteStatement(String id) {
        return "DELETE FROM " + this.qualifiedName + " WHERE id = " + Identifiers.literal(id);
    }

    /** The statement that marks a revision as applied, for messages that tell a person what to run. */
    public String markAppliedStatement(String id) {
        return "UPDATE " + this.qualifiedName + " SET state = 'applied' WHERE id = " + Identifiers.literal(id);
    }

}
