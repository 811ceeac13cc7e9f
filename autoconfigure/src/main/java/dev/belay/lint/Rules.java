package dev.belay.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.lint.StatementFacts.ColumnChange;
import dev.belay.lint.StatementFacts.ConstraintChange;
import dev.belay.lint.StatementFacts.IndexBuilt;
import dev.belay.lint.StatementFacts.NewColumn;
import dev.belay.lint.StatementFacts.Renamed;
import dev.belay.revision.MigrationException;
import dev.belay.runner.OutsideScratchException;
import dev.belay.runner.SqlFailures;

import org.jspecify.annotations.Nullable;

/**
 * Turns what PostgreSQL did in a revision's rehearsal into findings, rule by rule (see
 * {@link Rule}).
 */
final class Rules {

    private static final Pattern DROP_DATABASE = Pattern.compile("(?is)^\\s*DROP\\s+DATABASE\\b");

    private static final Pattern DROP_INDEX = Pattern.compile("(?is)^\\s*DROP\\s+INDEX\\b");

    private static final Pattern DOMAIN_CONSTRAINT = Pattern.compile(
            "(?is)^\\s*(?:CREATE\\s+DOMAIN\\b.*\\b(?:CHECK|NOT\\s+NULL)\\b|ALTER\\s+DOMAIN\\b.*\\bADD\\b)");

    private static final Pattern LIMIT = Pattern.compile("(?i)\\bLIMIT\\b");

    /** The {@code DO} block of {@code addNotNullWhenEmpty}: NOT NULL only on a table without rows. */
    private static final Pattern WHEN_EMPTY = Pattern.compile(
            "(?is)^\\s*DO\\b.*\\bIF\\s+EXISTS\\s*\\(\\s*SELECT\\s+FROM\\b.*\\bSET\\s+NOT\\s+NULL\\b");

    private final RevisionFacts facts;

    private final PreviousRelease previous;

    private final int serverVersion;

    private final List<Finding> findings = new ArrayList<>();

    private Rules(RevisionFacts facts, PreviousRelease previous, int serverVersion) {
        this.facts = facts;
        this.previous = previous;
        this.serverVersion = serverVersion;
    }

    /**
     * The findings of a revision.
     * @param previous what the release before it maps
     * @param serverVersion the production server's {@code server_version_num}, or {@code 0} when
     * unknown
     */
    static List<Finding> of(RevisionFacts facts, PreviousRelease previous, int serverVersion) {
        Rules rules = new Rules(facts, previous, serverVersion);
        rules.revision();
        rules.statements();
        rules.failure();
        return List.copyOf(rules.findings);
    }

    private boolean transactional() {
        return this.facts.revision().transactional();
    }

    private void revision() {
        if (!transactional() && !this.facts.revision().idempotent()) {
            add(Rule.NON_TRANSACTIONAL_NOT_IDEMPOTENT, null, (String) null, "Revision '" + this.facts.revision().id()
                    + "' " + Rule.NON_TRANSACTIONAL_NOT_IDEMPOTENT.why() + ".", "");
        }
    }

    private void statements() {
        Set<String> lockedExclusively = new HashSet<>();
        Set<String> addedNotValid = new HashSet<>();
        boolean lockTimeoutOff = false;
        for (StatementFacts statement : this.facts.statements()) {
            String sql = statement.statement().sql();
            if (DROP_DATABASE.matcher(sql).find()) {
                add(Rule.DROP_DATABASE, null, statement, null, "");
            }
            if (DOMAIN_CONSTRAINT.matcher(sql).find()) {
                add(Rule.DOMAIN_CONSTRAINT, null, statement, null, "");
            }
            if (statement.statement().mode() == TransactionMode.NO_TRANSACTION && transactional()) {
                add(Rule.CONCURRENTLY_IN_TRANSACTION, null, statement, null, "");
            }
            if (!statement.sent()) {
                continue;
            }
            Set<String> explained = new HashSet<>();
            indexes(statement, explained);
            columns(statement, explained);
            constraints(statement, explained, addedNotValid);
            rolling(statement);
            newColumns(statement);
            if (StatementFacts.isTruncate(statement.statement()) && !statement.locks().isEmpty()) {
                for (String table : statement.locks().keySet().stream().filter(this.facts::existedAtStart).toList()) {
                    add(Rule.TRUNCATE, table, statement, null, statement.describe(table));
                }
            }
            for (String table : statement.rewritten()) {
                if (explained.add(table)) {
                    add(Rule.TABLE_REWRITE, table, statement, null, statement.describe(table));
                }
            }
            List<String> touched = new ArrayList<>(statement.scanned());
            statement.rewritten().stream().filter((table) -> !touched.contains(table)).forEach(touched::add);
            for (String table : touched) {
                if (transactional() && lockedExclusively.contains(table)) {
                    add(Rule.ACCESS_EXCLUSIVE_OVER_SCAN, table, statement, null, statement.describe(table)
                            + "; ACCESS EXCLUSIVE on " + table + " held since an earlier statement");
                }
                else if (statement.isDataWork() && statement.scanned().contains(table)
                        && !LIMIT.matcher(sql).find()) {
                    add(Rule.UNBATCHED_DATA_WORK, table, statement, null, statement.describe(table));
                }
            }
            statement.locks().keySet().stream().filter(statement::lockedExclusively).forEach(lockedExclusively::add);
            if (!statement.elsewhere().isEmpty()) {
                add(Rule.OUTSIDE_MANAGED_SCHEMA, null, statement, null,
                        "locked " + String.join(", ", statement.elsewhere()));
            }
            boolean off = "0".equals(statement.lockTimeout());
            if (off && !lockTimeoutOff) {
                add(Rule.LOCK_TIMEOUT_RESET, null, statement, null, "lock_timeout is 0 after it");
            }
            lockTimeoutOff = off;
        }
    }

    private void indexes(StatementFacts statement, Set<String> explained) {
        Set<String> constrained = new HashSet<>();
        for (ConstraintChange constraint : statement.constraints()) {
            if (!constraint.validation() && "pux".indexOf(constraint.type()) >= 0) {
                constrained.add(constraint.table());
            }
        }
        for (IndexBuilt index : statement.indexesBuilt()) {
            if (index.concurrently() && this.serverVersion >= 140000 && this.serverVersion < 140004) {
                add(Rule.CONCURRENT_INDEX_CORRUPTION, index.table(), statement, null,
                        statement.describe(index.table()));
            }
            if (!index.unique() && index.keyColumns() > 3) {
                add(Rule.WIDE_INDEX, index.table(), statement,
                        "index " + index.name() + ", " + index.keyColumns() + " columns",
                        statement.describe(index.table()));
            }
            if (constrained.contains(index.table())) {
                add(Rule.CONSTRAINT_BUILDS_INDEX, index.table(), statement, "index " + index.name(),
                        statement.describe(index.table()));
                explained.add(index.table());
            }
            else if (!index.concurrently()) {
                add(Rule.INDEX_NOT_CONCURRENT, index.table(), statement,
                        "index " + index.name() + " on " + index.table(), statement.describe(index.table()));
            }
        }
        if (!statement.indexesDropped().isEmpty() && DROP_INDEX.matcher(statement.statement().sql()).find()
                && statement.statement().mode() != TransactionMode.NO_TRANSACTION) {
            String table = statement.locks().keySet().stream().filter(this.facts::existedAtStart).findFirst()
                .orElse(null);
            add(Rule.DROP_INDEX_NOT_CONCURRENT, table, statement,
                    "index " + String.join(", ", statement.indexesDropped()), statement.describe(table));
        }
    }

    private void columns(StatementFacts statement, Set<String> explained) {
        boolean whenEmpty = WHEN_EMPTY.matcher(statement.statement().sql()).find();
        for (ColumnChange change : statement.columns()) {
            String table = change.table();
            boolean rewritten = statement.rewritten().contains(table);
            boolean scanned = statement.scanned().contains(table);
            switch (change.kind()) {
                case TYPE -> {
                    if ((rewritten || scanned) && explained.add(table)) {
                        add(Rule.COLUMN_TYPE_CHANGE, table, statement, table + "." + change.column() + ": "
                                + change.from() + " to " + change.to() + ", " + (rewritten ? "rewritten" : "scanned"),
                                statement.describe(table));
                    }
                }
                case ADDED -> {
                    NewColumn column = added(statement, table, change.column());
                    if (rewritten && change.to() != null && explained.add(table)) {
                        add(Rule.VOLATILE_DEFAULT, table, statement,
                                table + "." + change.column() + " DEFAULT " + change.to(), statement.describe(table));
                    }
                    if (column != null && column.required()) {
                        add(Rule.REQUIRED_COLUMN_WITHOUT_DEFAULT, table, statement, table + "." + change.column(),
                                statement.describe(table));
                    }
                }
                case NOT_NULL_SET -> {
                    if (scanned && !whenEmpty && !rewritten && explained.add(table)) {
                        add(Rule.NOT_NULL_SCAN, table, statement, table + "." + change.column(),
                                statement.describe(table));
                    }
                }
                case NOT_NULL_DROPPED -> add(Rule.DROP_NOT_NULL, table, statement, table + "." + change.column(), "");
                default -> {
                }
            }
        }
        if (whenEmpty) {
            statement.scanned().forEach(explained::add);
        }
    }

    private void constraints(StatementFacts statement, Set<String> explained, Set<String> addedNotValid) {
        for (ConstraintChange constraint : statement.constraints()) {
            String table = constraint.table();
            String key = table + "." + constraint.name();
            if (constraint.validation()) {
                explained.add(table);
                if (transactional() && addedNotValid.contains(key)) {
                    add(Rule.VALIDATE_IN_SAME_TRANSACTION, table, statement, constraint.name(),
                            statement.describe(table));
                }
                continue;
            }
            if (!constraint.validated()) {
                addedNotValid.add(key);
                continue;
            }
            if (constraint.type() == 'c') {
                add(Rule.CHECK_WITHOUT_NOT_VALID, table, statement, constraint.name() + ": " + constraint.definition(),
                        statement.describe(table));
                explained.add(table);
            }
            else if (constraint.type() == 'f') {
                add(Rule.FOREIGN_KEY_WITHOUT_NOT_VALID, table, statement, constraint.name() + " on " + table
                        + " referencing " + constraint.referenced(), statement.describe(table));
                explained.add(table);
            }
        }
    }

    /** The rules of a rolling deploy: what the previous release, still running, needs. */
    private void rolling(StatementFacts statement) {
        String from = "; " + this.previous.source();
        for (String table : statement.tablesDropped()) {
            if (this.previous.uses(table)) {
                add(Rule.DROP_TABLE, table, statement, table, "dropped " + table + from);
            }
        }
        for (Renamed renamed : statement.tablesRenamed()) {
            if (this.previous.uses(renamed.from())) {
                add(Rule.RENAME_TABLE, renamed.to(), statement, renamed.from() + " to " + renamed.to(),
                        "renamed " + renamed.from() + from);
            }
        }
        for (ColumnChange change : statement.columns()) {
            String table = formerName(statement, change.table());
            switch (change.kind()) {
                case DROPPED -> {
                    if (this.previous.uses(table, change.column())) {
                        add(Rule.DROP_COLUMN, change.table(), statement, change.table() + "." + change.column(),
                                "dropped " + change.table() + "." + change.column() + from);
                    }
                }
                case RENAMED -> {
                    if (this.previous.uses(table, change.from())) {
                        add(Rule.RENAME_COLUMN, change.table(), statement,
                                change.table() + "." + change.from() + " to " + change.to(),
                                "renamed " + change.table() + "." + change.from() + from);
                    }
                }
                case TYPE -> {
                    if (this.previous.uses(table, change.column()) && TypeWidth.narrows(change.from(), change.to())) {
                        add(Rule.NARROWING_TYPE_CHANGE, change.table(), statement,
                                change.table() + "." + change.column() + ": " + change.from() + " to " + change.to(),
                                "changed the type of " + change.table() + "." + change.column() + from);
                    }
                }
                case ADDED, NOT_NULL_SET -> {
                    NewColumn column = (change.kind() == ColumnChange.Kind.ADDED)
                            ? added(statement, change.table(), change.column()) : null;
                    boolean required = (column != null) ? column.required() : change.to() == null;
                    if (required && this.previous.uses(table) && !this.previous.uses(table, change.column())) {
                        add(Rule.NOT_NULL_BREAKS_PREVIOUS_RELEASE, change.table(), statement, change.table() + "."
                                + change.column(), change.table() + "." + change.column()
                                        + " is NOT NULL without a default after it" + from);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The rules on the types of new columns, in new tables or added to existing ones. */
    private void newColumns(StatementFacts statement) {
        for (NewColumn column : statement.newColumns()) {
            String where = column.table() + "." + column.name() + " " + column.type();
            if (column.type().startsWith("character(")) {
                add(Rule.CHAR_COLUMN, column.table(), statement, where, "");
            }
            if (column.primaryKey() && (column.type().equals("integer") || column.type().equals("smallint"))) {
                add(Rule.INT_PRIMARY_KEY, column.table(), statement, where, "");
            }
            if (column.serial()) {
                add(Rule.SERIAL_COLUMN, column.table(), statement, where, "");
            }
            if (column.type().startsWith("timestamp") && column.type().endsWith("without time zone")) {
                add(Rule.TIMESTAMP_WITHOUT_TIME_ZONE, column.table(), statement, where, "");
            }
            if (column.type().equals("json")) {
                add(Rule.JSON_COLUMN, column.table(), statement, where, "");
            }
        }
    }

    /** How the rehearsal of the revision failed, as a finding. */
    private void failure() {
        RuntimeException failure = this.facts.failure();
        if (failure == null) {
            return;
        }
        String state = SqlFailures.state(failure);
        String message = (failure instanceof MigrationException migration) ? migration.problem() : failure.getMessage();
        String statement = (this.facts.failedStatement() != null) ? this.facts.failedStatement().sql() : null;
        List<StatementFacts> ran = this.facts.statements();
        if (statement == null && !ran.isEmpty() && !ran.get(ran.size() - 1).sent()) {
            // Refused before it was sent (a COMMIT in a transactional revision).
            statement = ran.get(ran.size() - 1).statement().sql();
        }
        Rule rule;
        if ("55P04".equals(state)) {
            rule = Rule.ENUM_VALUE_USED_IN_TRANSACTION;
        }
        else if ("25001".equals(state)) {
            rule = Rule.CONCURRENTLY_IN_TRANSACTION;
        }
        else if (statement != null && SqlStatement.controlsTransaction(statement) && transactional()) {
            rule = Rule.TRANSACTION_CONTROL;
        }
        else if (failure instanceof OutsideScratchException) {
            if (this.findings.stream().anyMatch((finding) -> finding.rule() == Rule.OUTSIDE_MANAGED_SCHEMA)) {
                return;
            }
            rule = Rule.OUTSIDE_MANAGED_SCHEMA;
        }
        else {
            rule = Rule.REHEARSAL_FAILED;
        }
        add(rule, null, statement, "The revision " + rule.why() + ": " + message, "the rehearsal stopped here");
    }

    private static @Nullable NewColumn added(StatementFacts statement, String table, String column) {
        return statement.newColumns()
            .stream()
            .filter((candidate) -> candidate.table().equals(table) && candidate.name().equals(column))
            .findFirst()
            .orElse(null);
    }

    /** The name a table had before the statement renamed it, if it did. */
    private static String formerName(StatementFacts statement, String table) {
        return statement.tablesRenamed()
            .stream()
            .filter((renamed) -> renamed.to().equals(table))
            .map(Renamed::from)
            .findFirst()
            .orElse(table);
    }

    /**
     * A finding on a statement: "The statement" and why the rule matters, with the detail in
     * parentheses when there is one.
     */
    private void add(Rule rule, @Nullable String table, StatementFacts statement, @Nullable String detail,
            String evidence) {
        add(rule, table, statement.statement().sql(),
                "The statement " + rule.why() + ((detail != null) ? " (" + detail + ")" : "") + ".", evidence);
    }

    private void add(Rule rule, @Nullable String table, @Nullable String statement, String message, String evidence) {
        this.findings.add(new Finding(this.facts.revision().id(), rule, table, statement, message, evidence, null));
    }

}
