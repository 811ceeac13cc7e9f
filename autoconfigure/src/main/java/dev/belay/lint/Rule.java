package dev.belay.lint;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rules of {@code belay lint}, each with a stable id (used in
 * {@link SuppressFinding @SuppressFinding}, in JSON output and in CI annotations), a severity, why
 * it matters and the fix. Each is decided from what PostgreSQL did in the rehearsal (locks,
 * relfilenodes, scans, catalog changes), not from the SQL text, except where the text is all
 * there is. The peers' names are the squawk rules and strong_migrations checks it covers.
 */
public enum Rule {

    /** A plain {@code CREATE INDEX} on a table that existed before the revision. */
    INDEX_NOT_CONCURRENT("index-not-concurrent", Severity.ERROR,
            "builds an index on an existing table under a SHARE lock, which blocks every write to it until the "
                    + "build ends",
            "Build it with m.actions().createIndexConcurrently(...) in a revision with transactional = false (and "
                    + "idempotent = true: CREATE INDEX CONCURRENTLY IF NOT EXISTS may run again).",
            "require-concurrent-index-creation", "add_index"),

    /** A plain {@code DROP INDEX} of an existing table's index. */
    DROP_INDEX_NOT_CONCURRENT("drop-index-not-concurrent", Severity.ERROR,
            "drops an index under an ACCESS EXCLUSIVE lock on its table, which blocks reads and writes while it "
                    + "waits for running queries",
            "Drop it with m.actions().dropIndexConcurrently(...) in a revision with transactional = false.",
            "require-concurrent-index-deletion", "remove_index"),

    /** {@code CONCURRENTLY} in a revision that runs in a transaction. */
    CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Severity.ERROR,
            "runs a statement that cannot run inside a transaction in a transactional revision: applying it fails",
            "Declare the revision with @MigrationRevision(..., transactional = false).",
            "ban-concurrent-index-creation-in-transaction", ""),

    /** A table written anew for another reason than a type change or a volatile default. */
    TABLE_REWRITE("table-rewrite", Severity.ERROR,
            "makes PostgreSQL rewrite an existing table (and rebuild its indexes) under an ACCESS EXCLUSIVE lock, "
                    + "which blocks reads and writes for as long as copying every row takes",
            "Add a new column, fill it in batches, and switch to it (expand/contract) instead of changing the table "
                    + "in place.",
            "adding-serial-primary-key-field", "add_column_generated_stored, add_column_auto_incrementing"),

    /** A column's type changed so that PostgreSQL rewrote or scanned the table. */
    COLUMN_TYPE_CHANGE("column-type-change", Severity.ERROR,
            "changes a column's type so that PostgreSQL rewrites or scans the whole table under an ACCESS "
                    + "EXCLUSIVE lock",
            "Add a column of the new type, fill it in batches, switch the code over, then drop the old one "
                    + "(expand/contract); `belay generate --online-safe` writes such steps for what it can.",
            "changing-column-type", "change_column"),

    /** A column added with a default PostgreSQL computes per row. */
    VOLATILE_DEFAULT("volatile-default", Severity.ERROR,
            "adds a column whose default PostgreSQL computes for every row (a volatile function), which rewrites "
                    + "the table under an ACCESS EXCLUSIVE lock; a constant default does not",
            "Add the column without the default (or with a constant), set the default after, and fill existing "
                    + "rows in batches.",
            "adding-field-with-default", "add_column_default, add_column_default_callable"),

    /** {@code SET NOT NULL} that read the whole table. */
    NOT_NULL_SCAN("not-null-scan", Severity.ERROR,
            "makes a column NOT NULL, for which PostgreSQL reads the whole table under an ACCESS EXCLUSIVE lock",
            "Add CHECK (column IS NOT NULL) NOT VALID, validate it in a later step, then SET NOT NULL (PostgreSQL "
                    + "then skips the scan): m.actions().addNotNullThroughCheck(...), or `belay generate "
                    + "--online-safe`.",
            "adding-not-nullable-field", "change_column_null, change_column_with_not_null"),

    /** A {@code NOT NULL} column without a default added to an existing table. */
    REQUIRED_COLUMN_WITHOUT_DEFAULT("required-column-without-default", Severity.ERROR,
            "adds a NOT NULL column without a default to an existing table: it fails as soon as the table has a "
                    + "row",
            "Add it with a default, or nullable, fill it, then make it NOT NULL; or, where the table is known to "
                    + "be empty, m.actions().addColumnNotNullWhenEmpty(...).",
            "adding-required-field", ""),

    /** A validated {@code CHECK} added to an existing table. */
    CHECK_WITHOUT_NOT_VALID("check-without-not-valid", Severity.ERROR,
            "adds a CHECK constraint that PostgreSQL validates at once, reading the whole table under an ACCESS "
                    + "EXCLUSIVE lock",
            "Add it NOT VALID (m.actions().addCheckConstraintNotValid(...)) and validate it in a later step "
                    + "(validateConstraint), which takes only a SHARE UPDATE EXCLUSIVE lock.",
            "constraint-missing-not-valid", "add_check_constraint, change_column_constraint"),

    /** A validated foreign key added to an existing table. */
    FOREIGN_KEY_WITHOUT_NOT_VALID("foreign-key-without-not-valid", Severity.ERROR,
            "adds a foreign key that PostgreSQL validates at once, reading the whole table while it blocks writes "
                    + "to both tables",
            "Add it NOT VALID (m.actions().addForeignKeyNotValid(...)) and validate it in a later step.",
            "adding-foreign-key-constraint", "add_foreign_key, add_reference"),

    /** A unique, primary key or exclusion constraint that built its index under the table's lock. */
    CONSTRAINT_BUILDS_INDEX("constraint-builds-index", Severity.ERROR,
            "adds a constraint that builds its index on an existing table under an ACCESS EXCLUSIVE lock",
            "Build a unique index with createIndexConcurrently first (transactional = false), then add the "
                    + "constraint on it: addUniqueConstraintUsingIndex / addPrimaryKeyUsingIndex.",
            "disallowed-unique-constraint, adding-serial-primary-key-field",
            "add_unique_constraint, add_exclusion_constraint"),

    /** A table scanned while the revision holds its ACCESS EXCLUSIVE lock from an earlier statement. */
    ACCESS_EXCLUSIVE_OVER_SCAN("access-exclusive-over-scan", Severity.ERROR,
            "reads or writes every row of a table while the revision's transaction holds an ACCESS EXCLUSIVE lock "
                    + "on it from an earlier statement: nothing can read the table until the revision commits",
            "Move the data work (or the validation) to a revision of its own, after the one that changes the "
                    + "table.",
            "", "(backfilling in the same transaction as a schema change)"),

    /** A column dropped that the previous release still uses. */
    DROP_COLUMN("drop-column", Severity.ERROR,
            "drops a column that the previous release's mapping still uses: while a rolling deploy runs, its "
                    + "instances fail on every query of that entity",
            "Contract in two releases: `belay generate --expand-contract` keeps the column (nullable) for the release "
                    + "before and `belay generate --contract` drops it in the next release.",
            "ban-drop-column", "remove_column"),

    /** A table dropped that the previous release still uses. */
    DROP_TABLE("drop-table", Severity.ERROR,
            "drops a table that the previous release's mapping still uses: while a rolling deploy runs, its "
                    + "instances fail on it",
            "Contract in two releases: `belay generate --expand-contract` keeps the table for the release before and "
                    + "`belay generate --contract` drops it in the next release.",
            "ban-drop-table", ""),

    /** A column renamed that the previous release uses by its old name. */
    RENAME_COLUMN("rename-column", Severity.ERROR,
            "renames a column that the previous release's mapping uses by its old name: its instances fail while "
                    + "a rolling deploy runs",
            "Add the new column, write both, fill it, switch reads, then drop the old one (expand/contract) over "
                    + "two releases.",
            "renaming-column", "rename_column"),

    /** A table renamed that the previous release uses by its old name. */
    RENAME_TABLE("rename-table", Severity.ERROR,
            "renames a table that the previous release's mapping uses by its old name: its instances fail while "
                    + "a rolling deploy runs",
            "Create the new table, write both, copy, switch reads, then drop the old one; or keep the old name "
                    + "with @Table(name = ...).",
            "renaming-table", "rename_table"),

    /** A column made NOT NULL (without a default) that the previous release does not write. */
    NOT_NULL_BREAKS_PREVIOUS_RELEASE("not-null-breaks-previous-release", Severity.ERROR,
            "makes a column NOT NULL without a default that the previous release's mapping does not write: its "
                    + "inserts fail while a rolling deploy runs",
            "Leave it nullable until every instance writes it, and make it NOT NULL in a later release: `belay "
                    + "generate --expand-contract`, then `belay generate --contract`.",
            "adding-required-field", ""),

    /** A type narrowed on a column the previous release writes. */
    NARROWING_TYPE_CHANGE("narrowing-type-change", Severity.ERROR,
            "narrows the type of a column that the previous release writes: its writes of values that no longer "
                    + "fit fail while a rolling deploy runs",
            "Narrow the type only once every running release writes values that fit (a check in the code first, "
                    + "then the type in a later release).",
            "changing-column-type", "change_column"),

    /** A value added to an enum and used in the same transaction. */
    ENUM_VALUE_USED_IN_TRANSACTION("enum-value-used-in-transaction", Severity.ERROR,
            "uses an enum value in the transaction that added it, which PostgreSQL refuses (55P04)",
            "Use the value in a later revision, or declare this one with transactional = false.",
            "", ""),

    /** A revision that turned {@code lock_timeout} off. */
    LOCK_TIMEOUT_RESET("lock-timeout-reset", Severity.ERROR,
            "turns lock_timeout off, so that a statement waiting for a lock queues every query behind it for as "
                    + "long as the wait lasts",
            "Remove the SET; Belay runs every statement with belay.lock-timeout (raise that property if a wait "
                    + "is acceptable).",
            "require-timeout-settings", ""),

    /** {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK} in a transactional revision. */
    TRANSACTION_CONTROL("transaction-control", Severity.ERROR,
            "starts or ends a transaction inside a transactional revision, which would commit part of it without "
                    + "its history row; Belay refuses it",
            "Remove the statement, or declare the revision with transactional = false.",
            "transaction-nesting, ban-uncommitted-transaction", ""),

    /** {@code TRUNCATE} of an existing table. */
    TRUNCATE("truncate", Severity.ERROR,
            "empties an existing table (and with CASCADE, every table that refers to it) under an ACCESS "
                    + "EXCLUSIVE lock",
            "Delete the rows you mean in batches, or suppress the finding with the reason the data may go.",
            "ban-truncate-cascade", ""),

    /** {@code DROP DATABASE}. */
    DROP_DATABASE("drop-database", Severity.ERROR,
            "drops a database", "Do not drop databases from a revision.", "ban-drop-database", ""),

    /** The revision failed in the rehearsal. */
    REHEARSAL_FAILED("rehearsal-failed", Severity.ERROR,
            "fails when PostgreSQL runs it on the schema the revisions before it build, so it would fail in "
                    + "production too",
            "Fix the statement named; run `belay apply --dry-run` to try again.", "", ""),

    /** Locks taken outside the managed schema. */
    OUTSIDE_MANAGED_SCHEMA("outside-managed-schema", Severity.ERROR,
            "changes or locks a table of another schema, named in the statement: Belay runs revisions in the "
                    + "managed schema (and in each tenant's), which this one leaves; lint rolls such changes back "
                    + "and stops",
            "Leave names unqualified so the revision works on the schema it is applied to; a shared table belongs "
                    + "in a @MigrationRevision(shared = true) revision.",
            "(require-table-schema, the other way round)", ""),

    /** A whole table read or written in one statement. */
    UNBATCHED_DATA_WORK("unbatched-data-work", Severity.WARNING,
            "updates or deletes every row of an existing table in one statement: each row it touches stays "
                    + "locked until the revision commits, and a large table makes that minutes",
            "Work in batches (a loop over m.jdbc() with a LIMIT, in a revision with transactional = false and "
                    + "idempotent = true, that skips rows already done).",
            "", "(backfilling data)"),

    /** {@code VALIDATE CONSTRAINT} in the transaction that added it {@code NOT VALID}. */
    VALIDATE_IN_SAME_TRANSACTION("validate-in-same-transaction", Severity.WARNING,
            "validates a constraint in the same transaction that added it NOT VALID, so the table stays locked by "
                    + "the ADD while the validation reads it: NOT VALID gains nothing",
            "Validate it in a later revision.", "", "validate_check_constraint, validate_foreign_key"),

    /** A non-transactional revision not declared idempotent. */
    NON_TRANSACTIONAL_NOT_IDEMPOTENT("non-transactional-not-idempotent", Severity.WARNING,
            "runs without a transaction and is not declared idempotent: if it stops midway, a person must finish "
                    + "or undo it by hand before Belay migrates again",
            "Make every step safe to repeat (IF NOT EXISTS, VALIDATE, backfills that skip rows already done) and "
                    + "declare idempotent = true.",
            "prefer-robust-stmts", ""),

    /** {@code DROP NOT NULL}. */
    DROP_NOT_NULL("drop-not-null", Severity.WARNING,
            "lets a column hold NULL: code of the previous release that reads it may not expect one",
            "Make sure every reader handles NULL before the release that drops the constraint.",
            "ban-drop-not-null", ""),

    /** A {@code character(n)} column. */
    CHAR_COLUMN("char-column", Severity.WARNING,
            "creates a character(n) column, which pads values with spaces and is no faster than varchar or text",
            "Use varchar(n) or text (@Column(length = ...) maps to varchar).", "ban-char-field", ""),

    /** An {@code integer} or {@code smallint} key. */
    INT_PRIMARY_KEY("int-primary-key", Severity.WARNING,
            "creates a primary key of type integer or smallint, which runs out (at 2,147,483,647) and is costly to "
                    + "widen later on a large table",
            "Use bigint (a Long id in the entity).", "prefer-bigint-over-int, prefer-bigint-over-smallint", ""),

    /** A {@code serial} column. */
    SERIAL_COLUMN("serial-column", Severity.WARNING,
            "creates a column whose default is nextval() of a sequence (serial), whose privileges and ownership "
                    + "are managed apart from the table",
            "Use an identity column (GENERATED BY DEFAULT AS IDENTITY; @GeneratedValue(strategy = IDENTITY)).",
            "prefer-identity", ""),

    /** A {@code timestamp} without time zone. */
    TIMESTAMP_WITHOUT_TIME_ZONE("timestamp-without-time-zone", Severity.WARNING,
            "creates a timestamp without time zone column, whose values mean different instants in different "
                    + "time zones",
            "Use timestamp with time zone (an Instant or OffsetDateTime in the entity).", "prefer-timestamptz", ""),

    /** A {@code json} column. */
    JSON_COLUMN("json-column", Severity.WARNING,
            "creates a json column, which has no equality operator (SELECT DISTINCT and UNION on it fail) and is "
                    + "parsed on every read",
            "Use jsonb (@JdbcTypeCode(SqlTypes.JSON) maps to jsonb).", "", "add_column_json"),

    /** A non-unique index of more than three columns. */
    WIDE_INDEX("wide-index", Severity.WARNING,
            "builds a non-unique index of more than three columns, which costs every write more than it usually "
                    + "saves a read",
            "Index the first columns a query filters on; more rarely help.", "", "add_index_columns"),

    /** A constraint on a domain. */
    DOMAIN_CONSTRAINT("domain-constraint", Severity.WARNING,
            "puts a constraint on a domain, which PostgreSQL checks against every column of that domain in every "
                    + "table at once, and which cannot be added NOT VALID safely",
            "Use a CHECK constraint on the table, which can be added NOT VALID and validated later.",
            "ban-create-domain-with-constraint, ban-alter-domain-with-add-constraint", ""),

    /** {@code CREATE INDEX CONCURRENTLY} on the servers where it can corrupt indexes. */
    CONCURRENT_INDEX_CORRUPTION("concurrent-index-corruption", Severity.ERROR,
            "builds an index concurrently on PostgreSQL 14.0 to 14.3, where such builds can silently miss rows",
            "Upgrade the server to 14.4 or later before the revision runs.", "", "add_index_corruption"),

    /** A suppression that suppresses nothing. */
    UNUSED_SUPPRESSION("unused-suppression", Severity.WARNING,
            "suppresses a rule that the revision does not break (or names no rule, or gives no reason)",
            "Remove the @SuppressFinding, or correct its rule id and give a reason.", "unused-ignore", "");

    private final String id;

    private final Severity severity;

    private final String why;

    private final String fix;

    private final String squawk;

    private final String strongMigrations;

    Rule(String id, Severity severity, String why, String fix, String squawk, String strongMigrations) {
        this.id = id;
        this.severity = severity;
        this.why = why;
        this.fix = fix;
        this.squawk = squawk;
        this.strongMigrations = strongMigrations;
    }

    /** The rule's stable id, e.g. {@code index-not-concurrent}. */
    public String id() {
        return this.id;
    }

    public Severity severity() {
        return this.severity;
    }

    /** Why it matters, as the end of a sentence that starts with "The statement". */
    public String why() {
        return this.why;
    }

    /** What to do instead. */
    public String fix() {
        return this.fix;
    }

    /** The squawk rules it covers, comma-separated (empty when none). */
    public String squawk() {
        return this.squawk;
    }

    /** The strong_migrations checks it covers, comma-separated (empty when none). */
    public String strongMigrations() {
        return this.strongMigrations;
    }

    /** The rule of an id. */
    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter((rule) -> rule.id.equals(id)).findFirst();
    }

    /** Every rule's id, for messages. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Rule::id).toList();
    }

}
