package dev.belay.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.lint.CatalogState.ColumnState;
import dev.belay.lint.CatalogState.ConstraintState;
import dev.belay.lint.CatalogState.HeldLock;
import dev.belay.lint.CatalogState.Relation;

import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL did for one statement of a rehearsed revision, read from the catalog before and
 * after it: the locks it took, the tables it rewrote or scanned, what it created, dropped, renamed
 * and changed. "Existing" means there before the revision started: what a revision creates itself
 * holds no rows in production and nobody waits for it.
 *
 * @param statement the statement as the revision wrote it
 * @param sent whether the rehearsal ran it (in its transactional form, for a statement such as
 * {@code CREATE INDEX CONCURRENTLY}), rather than only recording one that has no such form
 * @param locks the locks it took on existing relations, as {@code pg_locks} names the modes
 * @param elsewhere the locks of writing it took outside the scratch schema, as
 * {@code schema.relation (mode)}
 * @param rewritten the existing tables PostgreSQL wrote anew (a new file)
 * @param scanned the existing tables PostgreSQL read through from start to end
 * @param indexesBuilt the indexes it built on existing tables
 * @param indexesDropped the indexes of existing tables it dropped
 * @param tablesDropped the existing tables it dropped
 * @param tablesRenamed the existing tables it renamed
 * @param columns the changes to existing tables' columns
 * @param constraints the constraints it added to, or validated on, existing tables
 * @param newColumns the columns of tables it created, and the columns it added
 * @param lockTimeout the session's {@code lock_timeout} after it
 */
record StatementFacts(SqlStatement statement, boolean sent, Map<String, Set<String>> locks, List<String> elsewhere,
        List<String> rewritten, List<String> scanned, List<IndexBuilt> indexesBuilt, List<String> indexesDropped,
        List<String> tablesDropped, List<Renamed> tablesRenamed, List<ColumnChange> columns,
        List<ConstraintChange> constraints, List<NewColumn> newColumns, String lockTimeout) {

    private static final String ACCESS_EXCLUSIVE = "AccessExclusiveLock";

    /** The locks of reading ({@code SELECT}, {@code SELECT ... FOR UPDATE}), which change no table. */
    private static final Set<String> READING = Set.of("AccessShareLock", "RowShareLock");

    private static final Pattern DATA_WORK = Pattern.compile("(?i)(?:UPDATE|DELETE|INSERT|MERGE)\\b");

    private static final Pattern WITH = Pattern.compile("(?i)WITH\\b");

    private static final Pattern WRITES = Pattern.compile("(?i)\\b(?:UPDATE|DELETE|INSERT|MERGE)\\b");

    /**
     * The facts of a statement from the states before and after it.
     * @param start the state when the revision started
     * @param before the state just before the statement
     * @param locksBefore the locks the statement's transaction held before it (none when it runs in
     * a transaction of its own)
     * @param after the state just after it
     */
    static StatementFacts between(SqlStatement statement, boolean sent, CatalogState start, CatalogState before,
            Set<HeldLock> locksBefore, CatalogState after) {
        Map<String, Set<String>> locks = new HashMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (HeldLock lock : after.locks()) {
            if (locksBefore.contains(lock)) {
                continue;
            }
            Relation existing = start.relations().get(lock.relation());
            if (existing != null) {
                locks.computeIfAbsent(existing.name(), (name) -> new LinkedHashSet<>()).add(lock.mode());
            }
            else if (!after.relations().containsKey(lock.relation()) && !before.relations().containsKey(lock.relation())
                    && !lock.schema().isEmpty() && !READING.contains(lock.mode())) {
                elsewhere.add(lock.schema() + "." + lock.name() + " (" + lock.mode() + ")");
            }
        }
        List<String> rewritten = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        List<String> tablesDropped = new ArrayList<>();
        List<Renamed> tablesRenamed = new ArrayList<>();
        List<IndexBuilt> indexesBuilt = new ArrayList<>();
        List<String> indexesDropped = new ArrayList<>();
        List<ColumnChange> columns = new ArrayList<>();
        List<NewColumn> newColumns = new ArrayList<>();
        for (Relation was : before.relations().values()) {
            Relation now = after.relations().get(was.oid());
            if (now == was && after.columnsOf(was.oid()) == before.columnsOf(was.oid())) {
                // Kept from the state before, not read again: the statement took no lock on it.
                continue;
            }
            boolean existing = start.relations().containsKey(was.oid());
            if (!existing || !was.isTable()) {
                if (existing && was.isIndex() && now == null && after.relations().containsKey(was.table())) {
                    indexesDropped.add(was.name());
                }
                continue;
            }
            if (now == null) {
                tablesDropped.add(was.name());
                continue;
            }
            if (!now.name().equals(was.name())) {
                tablesRenamed.add(new Renamed(was.name(), now.name()));
            }
            if (now.filenode() != was.filenode() && !isTruncate(statement)) {
                rewritten.add(now.name());
            }
            if (now.scans() > was.scans()) {
                scanned.add(now.name());
            }
            columns.addAll(columnChanges(now.name(), before.columnsOf(was.oid()), after.columnsOf(was.oid()),
                    primaryKeyColumns(after, was.oid()), newColumns));
        }
        for (Relation now : after.relations().values()) {
            if (before.relations().containsKey(now.oid())) {
                continue;
            }
            if (now.isTable()) {
                Set<String> key = primaryKeyColumns(after, now.oid());
                after.columnsOf(now.oid()).forEach((column) -> newColumns.add(NewColumn.of(now.name(), column, true,
                        key.contains(column.name()))));
            }
            if (now.isIndex() && start.relations().containsKey(now.table())) {
                Relation table = after.relations().get(now.table());
                indexesBuilt.add(new IndexBuilt(now.name(), (table != null) ? table.name() : "?", now.unique(),
                        now.keyColumns(), isConcurrently(statement)));
            }
        }
        List<ConstraintChange> constraints = new ArrayList<>();
        for (ConstraintState constraint : after.constraints().values()) {
            if (before.constraints().get(constraint.oid()) == constraint
                    || !start.relations().containsKey(constraint.table())) {
                continue;
            }
            String table = after.relations().get(constraint.table()).name();
            ConstraintState was = before.constraints().get(constraint.oid());
            boolean validation = was != null && !was.validated() && constraint.validated();
            if (was == null || validation) {
                Relation referenced = after.relations().get(constraint.referenced());
                constraints.add(new ConstraintChange(table, constraint.name(), constraint.type(), validation,
                        constraint.validated(), (referenced != null) ? referenced.name() : null,
                        constraint.definition()));
            }
        }
        return new StatementFacts(statement, sent, locks, elsewhere, rewritten, scanned, indexesBuilt, indexesDropped,
                tablesDropped, tablesRenamed, columns, constraints, newColumns, after.lockTimeout());
    }

    /** The facts of a statement the rehearsal only recorded. */
    static StatementFacts unsent(SqlStatement statement, String lockTimeout) {
        return new StatementFacts(statement, false, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), lockTimeout);
    }

    private static List<ColumnChange> columnChanges(String table, List<ColumnState> before, List<ColumnState> after,
            Set<String> keyColumns, List<NewColumn> added) {
        Map<Integer, ColumnState> was = before.stream()
            .collect(Collectors.toMap(ColumnState::number, (column) -> column));
        Map<Integer, ColumnState> now = after.stream()
            .collect(Collectors.toMap(ColumnState::number, (column) -> column));
        List<ColumnChange> changes = new ArrayList<>();
        for (ColumnState old : before) {
            ColumnState current = now.get(old.number());
            if (current == null) {
                changes.add(new ColumnChange(table, old.name(), ColumnChange.Kind.DROPPED, old.name(), null));
                continue;
            }
            if (!current.name().equals(old.name())) {
                changes.add(new ColumnChange(table, current.name(), ColumnChange.Kind.RENAMED, old.name(),
                        current.name()));
            }
            if (!current.type().equals(old.type())) {
                changes.add(new ColumnChange(table, current.name(), ColumnChange.Kind.TYPE, old.type(),
                        current.type()));
            }
            if (current.notNull() && !old.notNull()) {
                changes.add(new ColumnChange(table, current.name(), ColumnChange.Kind.NOT_NULL_SET, null,
                        current.defaultExpression()));
            }
            if (!current.notNull() && old.notNull()) {
                changes.add(new ColumnChange(table, current.name(), ColumnChange.Kind.NOT_NULL_DROPPED, null, null));
            }
        }
        for (ColumnState column : after) {
            if (!was.containsKey(column.number())) {
                added.add(NewColumn.of(table, column, false, keyColumns.contains(column.name())));
                changes.add(new ColumnChange(table, column.name(), ColumnChange.Kind.ADDED, null,
                        column.defaultExpression()));
            }
        }
        return changes;
    }

    private static Set<String> primaryKeyColumns(CatalogState state, long table) {
        return state.constraints()
            .values()
            .stream()
            .filter((constraint) -> constraint.table() == table && constraint.type() == 'p')
            .flatMap((constraint) -> constraint.columns().stream())
            .collect(Collectors.toSet());
    }

    static boolean isTruncate(SqlStatement statement) {
        return statement.sql().stripLeading().regionMatches(true, 0, "TRUNCATE", 0, 8);
    }

    private static boolean isConcurrently(SqlStatement statement) {
        return statement.mode() == TransactionMode.NO_TRANSACTION;
    }

    /** Whether it took {@code ACCESS EXCLUSIVE} on the existing table. */
    boolean lockedExclusively(String table) {
        return this.locks.getOrDefault(table, Set.of()).contains(ACCESS_EXCLUSIVE);
    }

    /**
     * Whether it is a statement that writes rows ({@code UPDATE}, {@code DELETE}, {@code INSERT},
     * {@code MERGE}, or a {@code WITH} query that does one of them).
     */
    boolean isDataWork() {
        String sql = this.statement.sql().stripLeading();
        return DATA_WORK.matcher(sql).lookingAt()
                || (WITH.matcher(sql).lookingAt() && WRITES.matcher(sql).find());
    }

    /**
     * What PostgreSQL did, in a few words: for a finding (with the locks on its table only), or
     * for the list of every statement ({@code table} {@code null}).
     */
    String describe(@Nullable String table) {
        List<String> parts = new ArrayList<>();
        this.locks.forEach((relation, modes) -> {
            if (table == null || relation.equals(table)) {
                parts.add("took " + String.join(", ", modes) + " on " + relation);
            }
        });
        if (!this.rewritten.isEmpty()) {
            parts.add("rewrote " + String.join(", ", this.rewritten) + " (new relfilenode)");
        }
        if (!this.scanned.isEmpty()) {
            parts.add("scanned " + String.join(", ", this.scanned));
        }
        this.indexesBuilt.forEach((index) -> parts.add("built index " + index.name() + " on " + index.table()));
        this.newColumns.stream()
            .filter(NewColumn::inNewTable)
            .map(NewColumn::table)
            .distinct()
            .forEach((created) -> parts.add("created table " + created));
        this.tablesDropped.forEach((dropped) -> parts.add("dropped table " + dropped));
        this.tablesRenamed.forEach((renamed) -> parts.add("renamed table " + renamed.from() + " to " + renamed.to()));
        this.indexesDropped.forEach((dropped) -> parts.add("dropped index " + dropped));
        for (ColumnChange change : this.columns) {
            String column = change.table() + "." + change.column();
            parts.add(switch (change.kind()) {
                case ADDED -> "added column " + column;
                case DROPPED -> "dropped column " + column;
                case RENAMED -> "renamed column " + change.table() + "." + change.from() + " to " + change.to();
                case TYPE -> "changed " + column + " from " + change.from() + " to " + change.to();
                case NOT_NULL_SET -> "made " + column + " NOT NULL";
                case NOT_NULL_DROPPED -> "dropped NOT NULL of " + column;
            });
        }
        for (ConstraintChange constraint : this.constraints) {
            parts.add(constraint.validation() ? "validated " + constraint.name() + " on " + constraint.table()
                    : "added " + constraint.name() + " to " + constraint.table()
                            + (constraint.validated() ? " (validated)" : " (NOT VALID)"));
        }
        if ("0".equals(this.lockTimeout)) {
            parts.add("lock_timeout is 0 after it");
        }
        if (!this.sent) {
            parts.add("not run in the rehearsal (no form that runs in a transaction)");
        }
        if (this.statement.mode() == TransactionMode.NO_TRANSACTION && this.sent) {
            parts.add("rehearsed without CONCURRENTLY");
        }
        return parts.isEmpty() ? "nothing that lint looks at" : String.join("; ", parts);
    }

    /**
     * An index built on an existing table.
     *
     * @param name its name
     * @param table its table
     * @param unique whether it is unique
     * @param keyColumns how many key columns it has
     * @param concurrently whether the statement builds it {@code CONCURRENTLY}
     */
    record IndexBuilt(String name, String table, boolean unique, int keyColumns, boolean concurrently) {

    }

    /** A table renamed, from and to. */
    record Renamed(String from, String to) {

    }

    /**
     * A change to a column of an existing table.
     *
     * @param table the table, by its name after the statement
     * @param column the column, by its name after the statement (before, when dropped)
     * @param kind what changed
     * @param from the name or type before
     * @param to the name or type after; for a column added or made NOT NULL, its default
     */
    record ColumnChange(String table, String column, Kind kind, @Nullable String from, @Nullable String to) {

        enum Kind {

            ADDED, DROPPED, RENAMED, TYPE, NOT_NULL_SET, NOT_NULL_DROPPED

        }

    }

    /**
     * A constraint added to or validated on an existing table.
     *
     * @param table the table
     * @param name the constraint
     * @param type {@code pg_constraint.contype}
     * @param validation whether the statement validated a constraint added earlier {@code NOT VALID}
     * @param validated whether it is validated now (checked against every row)
     * @param referenced for a foreign key, the table it references
     * @param definition as PostgreSQL renders it
     */
    record ConstraintChange(String table, String name, char type, boolean validation, boolean validated,
            @Nullable String referenced, String definition) {

    }

    /**
     * A column of a table created by the statement, or added by it to an existing table.
     *
     * @param table the table
     * @param name the column
     * @param type its type
     * @param notNull whether it is {@code NOT NULL}
     * @param defaultExpression its default, or {@code null}
     * @param identity whether it is an identity column
     * @param inNewTable whether its table is new
     * @param primaryKey whether it is (part of) its new table's primary key
     */
    record NewColumn(String table, String name, String type, boolean notNull, @Nullable String defaultExpression,
            boolean identity, boolean inNewTable, boolean primaryKey) {

        static NewColumn of(String table, ColumnState column, boolean inNewTable, boolean primaryKey) {
            return new NewColumn(table, column.name(), column.type(), column.notNull(), column.defaultExpression(),
                    !column.identity().isEmpty(), inNewTable, primaryKey);
        }

        /** Whether an insert that leaves it out fails: NOT NULL with nothing to fill it. */
        boolean required() {
            return this.notNull && this.defaultExpression == null && !this.identity;
        }

        boolean serial() {
            return this.defaultExpression != null && this.defaultExpression.startsWith("nextval(");
        }

    }

    StatementFacts {
        Objects.requireNonNull(statement, "statement");
    }

}
