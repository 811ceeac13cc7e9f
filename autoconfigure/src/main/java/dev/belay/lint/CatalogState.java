package dev.belay.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.belay.schema.Identifiers;

import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL's catalog says about a rehearsal's scratch schema at one moment, read in one
 * round trip on the rehearsal's own connection: its relations with their files and how often they
 * were scanned, their columns and constraints, the relation locks the connection's transaction
 * holds (anywhere outside the system schemas) and its {@code lock_timeout}. Two states read around
 * a statement say what the statement did.
 *
 * @param relations the scratch schema's tables, indexes and sequences by oid
 * @param columns the tables' columns by table oid, in column order
 * @param constraints the tables' constraints by oid
 * @param locks the relation locks held, with where the relation lives
 * @param lockTimeout the session's {@code lock_timeout}, as {@code current_setting} renders it
 */
record CatalogState(Map<Long, Relation> relations, Map<Long, List<ColumnState>> columns,
        Map<Long, ConstraintState> constraints, Set<HeldLock> locks, String lockTimeout) {

    /**
     * The relation locks the connection's transaction holds in this database, one row each. Only
     * oid and mode: naming them all would cost a catalog lookup per lock, and a revision that
     * creates many tables holds a lock on each until its end.
     */
    private static final String HELD = "SELECT relation::bigint, mode FROM pg_locks WHERE pid = pg_backend_pid() "
            + "AND locktype = 'relation' AND granted "
            + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    /** Schemas whose locks no statement of a revision takes on purpose: the catalog reads' own. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");

    /** Reads the state of a schema on the connection, in its transaction. */
    static CatalogState read(Connection connection, String schema) throws SQLException {
        return read(connection, schema, null, heldLocks(connection));
    }

    /**
     * Reads what may have changed since an earlier state: only the relations the transaction holds
     * a lock on (PostgreSQL changes, scans or drops no relation without one), and keeps the rest
     * as it was. So a statement costs one scan of the lock table and reads keyed by the few
     * relations it touched, however large the schema or the revision.
     * @param settled relations not to read again although locked: those an earlier statement of
     * the same revision created, which stay locked to its end and which no rule looks at after
     * their creation; their locks are left out of the state too
     */
    CatalogState update(Connection connection, String schema, Set<Long> settled) throws SQLException {
        Map<Long, Set<String>> held = heldLocks(connection);
        held.keySet().removeAll(settled);
        Set<Long> touched = held.keySet();
        CatalogState locked = read(connection, schema, touched, held);
        Map<Long, Relation> relations = new LinkedHashMap<>();
        this.relations.forEach((oid, relation) -> {
            if (settled.contains(oid) || (!touched.contains(oid) && !touched.contains(relation.table()))) {
                relations.put(oid, relation);
            }
        });
        relations.putAll(locked.relations);
        Map<Long, List<ColumnState>> columns = new HashMap<>();
        this.columns.forEach((table, list) -> {
            if (!touched.contains(table)) {
                columns.put(table, list);
            }
        });
        columns.putAll(locked.columns);
        Map<Long, ConstraintState> constraints = new LinkedHashMap<>();
        this.constraints.forEach((oid, constraint) -> {
            if (!touched.contains(constraint.table())) {
                constraints.put(oid, constraint);
            }
        });
        constraints.putAll(locked.constraints);
        return new CatalogState(relations, columns, constraints, locked.locks, locked.lockTimeout);
    }

    /** The modes of the relation locks the transaction holds, by relation oid. */
    private static Map<Long, Set<String>> heldLocks(Connection connection) throws SQLException {
        Map<Long, Set<String>> held = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(HELD)) {
            while (rows.next()) {
                held.computeIfAbsent(rows.getLong(1), (relation) -> new HashSet<>()).add(rows.getString(2));
            }
        }
        return held;
    }

    /**
     * @param only the relations to read (with the indexes of those that are tables), or
     * {@code null} for the whole schema
     * @param held the locks held, by relation, to name
     */
    private static CatalogState read(Connection connection, String schema, @Nullable Set<Long> only,
            Map<Long, Set<String>> held) throws SQLException {
        String namespace = "(SELECT oid FROM pg_namespace WHERE nspname = " + Identifiers.literal(schema) + ")";
        String oids = (only == null) ? "" : oidArray(only);
        // The relations and the indexes of those that are tables, found through the oid indexes of
        // pg_class and pg_index: an OR of the two would scan every relation of the database.
        String onlyRelations = (only == null) ? ""
                : " AND c.oid = ANY (ARRAY(SELECT unnest(" + oids + ") UNION ALL "
                        + "SELECT indexrelid FROM pg_index WHERE indrelid = ANY (" + oids + ")))";
        String onlyTables = (only == null) ? "" : " AND c.oid = ANY (" + oids + ")";
        // The counters of the current transaction are added to those already flushed, so that the sum
        // stays right whenever the backend flushes; none of them may be cached for the transaction.
        String sql = "SET LOCAL stats_fetch_consistency = none;"
                + "SELECT c.oid::bigint, c.relname, c.relkind::text, coalesce(pg_relation_filenode(c.oid), 0)::bigint, "
                + "coalesce(i.indrelid, 0)::bigint, coalesce(i.indisunique, false), coalesce(i.indnkeyatts, 0), "
                + "(pg_stat_get_numscans(c.oid) + pg_stat_get_xact_numscans(c.oid))::bigint "
                + "FROM pg_class c LEFT JOIN pg_index i ON i.indexrelid = c.oid "
                + "WHERE c.relnamespace = " + namespace + " AND c.relkind IN ('r', 'p', 'i', 'I', 'S', 'v', 'm')"
                + onlyRelations + ";"
                + "SELECT a.attrelid::bigint, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                + "pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE c.relnamespace = " + namespace + " AND c.relkind IN ('r', 'p') AND a.attnum > 0 "
                + "AND NOT a.attisdropped" + onlyTables + " ORDER BY a.attrelid, a.attnum;"
                + "SELECT con.oid::bigint, con.conrelid::bigint, con.conname, con.contype::text, con.convalidated, "
                + "con.confrelid::bigint, pg_get_constraintdef(con.oid), "
                + "ARRAY(SELECT a.attname FROM unnest(con.conkey) AS k(n) JOIN pg_attribute a "
                + "ON a.attrelid = con.conrelid AND a.attnum = k.n) "
                + "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
                + "WHERE c.relnamespace = " + namespace + onlyTables + ";"
                + "SELECT c.oid::bigint, n.nspname, c.relname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ANY (" + oidArray(held.keySet()) + ");"
                + "SELECT current_setting('lock_timeout')";
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            statement.execute(sql);
            Results results = new Results(statement);
            Map<Long, Relation> relations = new LinkedHashMap<>();
            try (ResultSet rows = results.next()) {
                while (rows.next()) {
                    Relation relation = new Relation(rows.getLong(1), rows.getString(2), rows.getString(3).charAt(0),
                            rows.getLong(4), rows.getLong(5), rows.getBoolean(6), rows.getInt(7), rows.getLong(8));
                    relations.put(relation.oid(), relation);
                }
            }
            Map<Long, List<ColumnState>> columns = new HashMap<>();
            try (ResultSet rows = results.next()) {
                while (rows.next()) {
                    ColumnState column = new ColumnState(rows.getLong(1), rows.getInt(2), rows.getString(3),
                            rows.getString(4), rows.getBoolean(5), rows.getString(6), rows.getString(7),
                            rows.getString(8));
                    columns.computeIfAbsent(column.table(), (table) -> new ArrayList<>()).add(column);
                }
            }
            Map<Long, ConstraintState> constraints = new LinkedHashMap<>();
            try (ResultSet rows = results.next()) {
                while (rows.next()) {
                    ConstraintState constraint = new ConstraintState(rows.getLong(1), rows.getLong(2),
                            rows.getString(3), rows.getString(4).charAt(0), rows.getBoolean(5), rows.getLong(6),
                            rows.getString(7), List.of((String[]) rows.getArray(8).getArray()));
                    constraints.put(constraint.oid(), constraint);
                }
            }
            Map<Long, String[]> names = new HashMap<>();
            try (ResultSet rows = results.next()) {
                while (rows.next()) {
                    names.put(rows.getLong(1), new String[] { rows.getString(2), rows.getString(3) });
                }
            }
            Set<HeldLock> locks = new HashSet<>();
            held.forEach((relation, modes) -> {
                // A relation dropped in the transaction has no name any more, and is still locked.
                String[] name = names.getOrDefault(relation, new String[] { "", "" });
                if (!SYSTEM_SCHEMAS.contains(name[0])) {
                    modes.forEach((mode) -> locks.add(new HeldLock(relation, mode, name[0], name[1])));
                }
            });
            String lockTimeout;
            try (ResultSet rows = results.next()) {
                rows.next();
                lockTimeout = rows.getString(1);
            }
            return new CatalogState(relations, columns, constraints, locks, lockTimeout);
        }
    }

    /** An SQL array of oids, such as {@code '{16384,16390}'::oid[]} (empty when there are none). */
    private static String oidArray(Set<Long> oids) {
        return oids.stream().map(String::valueOf).collect(Collectors.joining(",", "'{", "}'::oid[]"));
    }

    /** A table's columns (none for a relation that is not a table of the scratch schema). */
    List<ColumnState> columnsOf(long table) {
        return this.columns.getOrDefault(table, List.of());
    }

    /** Reads a multi-statement's results one by one, skipping update counts. */
    private static final class Results {

        private final Statement statement;

        private boolean first = true;

        Results(Statement statement) {
            this.statement = statement;
        }

        ResultSet next() throws SQLException {
            boolean isResultSet = !this.first && this.statement.getMoreResults();
            if (this.first) {
                isResultSet = this.statement.getResultSet() != null;
                this.first = false;
            }
            while (!isResultSet) {
                if (this.statement.getUpdateCount() == -1) {
                    throw new SQLException("The catalog query returned fewer results than expected");
                }
                isResultSet = this.statement.getMoreResults();
            }
            return this.statement.getResultSet();
        }

    }

    /**
     * A table, index, sequence or view of the scratch schema.
     *
     * @param oid its oid
     * @param name its name
     * @param kind {@code pg_class.relkind}
     * @param filenode the file its data lives in: a new one means PostgreSQL rewrote it
     * @param table for an index, the oid of its table, else {@code 0}
     * @param unique for an index, whether it is unique
     * @param keyColumns for an index, how many key columns it has
     * @param scans for a table, how many sequential scans PostgreSQL has started on it (for an index,
     * index scans)
     */
    record Relation(long oid, String name, char kind, long filenode, long table, boolean unique, int keyColumns,
            long scans) {

        boolean isTable() {
            return this.kind == 'r' || this.kind == 'p';
        }

        boolean isIndex() {
            return this.kind == 'i' || this.kind == 'I';
        }

    }

    /**
     * A column of a table.
     *
     * @param table the table's oid
     * @param number its {@code attnum}, which a rename keeps
     * @param name its name
     * @param type its type, as {@code format_type} renders it
     * @param notNull whether it is {@code NOT NULL}
     * @param defaultExpression its default, or {@code null}
     * @param identity {@code attidentity}: empty, {@code a} or {@code d}
     * @param generated {@code attgenerated}: empty, {@code s} or {@code v}
     */
    record ColumnState(long table, int number, String name, String type, boolean notNull,
            @Nullable String defaultExpression, String identity, String generated) {

    }

    /**
     * A constraint of a table.
     *
     * @param oid its oid
     * @param table its table's oid
     * @param name its name
     * @param type {@code pg_constraint.contype}
     * @param validated whether PostgreSQL has checked it against every row
     * @param referenced for a foreign key, the referenced table's oid
     * @param definition as {@code pg_get_constraintdef} renders it
     * @param columns the constrained columns, in key order
     */
    record ConstraintState(long oid, long table, String name, char type, boolean validated, long referenced,
            String definition, List<String> columns) {

    }

    /**
     * A relation lock the rehearsal's transaction holds.
     *
     * @param relation the relation's oid
     * @param mode e.g. {@code AccessExclusiveLock}
     * @param schema the schema the relation lives in (empty when it was dropped)
     * @param name the relation's name (empty when it was dropped)
     */
    record HeldLock(long relation, String mode, String schema, String name) {

    }

}
