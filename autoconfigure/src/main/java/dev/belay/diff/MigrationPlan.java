package dev.belay.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.RecordingStatementSink;
import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.schema.Schema;
import dev.belay.schema.WrittenExpressions;

import org.jspecify.annotations.Nullable;

/**
 * The ordered changes that take a database from one schema to another, as data first: each
 * {@link Change} is one {@link DatabaseActions} call with its hazards; its SQL is what that
 * call sends. Statements are single statements with unqualified names (set {@code search_path}
 * to the schema), safe to run one by one with autocommit; those that cannot share a transaction
 * say so through their {@link TransactionMode}.
 */
public final class MigrationPlan {

    private final Schema current;

    private final Schema desired;

    private final DiffOptions options;

    private final List<Change> changes;

    private final List<PlanNote> notes;

    private volatile @Nullable List<List<SqlStatement>> statementsByChange;

    private volatile @Nullable List<PlanSegment> segments;

    MigrationPlan(Schema current, Schema desired, DiffOptions options, List<Change> changes, List<PlanNote> notes) {
        this.current = current;
        this.desired = desired;
        this.options = options;
        this.changes = List.copyOf(changes);
        this.notes = List.copyOf(notes);
    }

    /** Each change's statements, recorded on first use (a plan is data before it is SQL). */
    private List<List<SqlStatement>> statementsByChange() {
        List<List<SqlStatement>> statements = this.statementsByChange;
        if (statements == null) {
            List<List<SqlStatement>> recorded = new ArrayList<>(this.changes.size());
            RecordingStatementSink sink = new RecordingStatementSink();
            DatabaseActions actions = new DatabaseActions(sink);
            for (Change change : this.changes) {
                sink.clear();
                change.applyTo(actions);
                recorded.add(sink.statements());
            }
            statements = Collections.unmodifiableList(recorded);
            this.statementsByChange = statements;
        }
        return statements;
    }

    /**
     * Whether there is nothing to change: the database has the desired schema, but for what the
     * {@link #notes()} say the plan keeps as it is (a primary key's column order).
     */
    public boolean isEmpty() {
        return this.changes.isEmpty();
    }

    /** The changes in the order they must run. */
    public List<Change> changes() {
        return this.changes;
    }

    /**
     * What the plan's reader should know that is not a hazard: differences it leaves as they are
     * on purpose (a primary key's column order), and what a change does not do although its SQL
     * may read so (a sequence's new {@code START}). A plan may have notes and no changes.
     */
    public List<PlanNote> notes() {
        return this.notes;
    }

    /** The SQL of every change, in order, one statement each. */
    public List<String> statements() {
        return sqlStatements().stream().map(SqlStatement::sql).toList();
    }

    /** The statements with how each may be run with respect to transactions. */
    public List<SqlStatement> sqlStatements() {
        return statementsByChange().stream().flatMap(List::stream).toList();
    }

    /** The statements of one change, as {@link #changes()} lists them. */
    public List<SqlStatement> statementsOf(int changeIndex) {
        return statementsByChange().get(changeIndex);
    }

    /** Every hazard of every change, in plan order. */
    public List<Hazard> hazards() {
        Set<Hazard> hazards = new LinkedHashSet<>();
        for (Change change : this.changes) {
            hazards.addAll(change.hazards());
        }
        return List.copyOf(hazards);
    }

    /** The kinds of hazard this plan carries. */
    public Set<HazardKind> hazardKinds() {
        Set<HazardKind> kinds = EnumSet.noneOf(HazardKind.class);
        for (Hazard hazard : hazards()) {
            kinds.add(hazard.kind());
        }
        return kinds;
    }

    /**
     * Whether every statement may run in one transaction, so the whole plan commits or rolls
     * back as one. False when a statement must run outside a transaction
     * ({@code CREATE INDEX CONCURRENTLY}) or in one of its own ({@code ALTER TYPE ... ADD VALUE}
     * before the label is used, online-safe {@code NOT VALID} constraints before validation).
     */
    public boolean fitsInOneTransaction() {
        return sqlStatements().stream().allMatch((statement) -> statement.mode() == TransactionMode.IN_TRANSACTION);
    }

    /**
     * The plan cut into the segments that each run as one revision: one segment when the changes
     * can share a transaction, several when some must or should commit on their own (online-safe
     * plans, an enum label added and then used), none for an empty plan. See {@link PlanSegment}.
     */
    public List<PlanSegment> segments() {
        List<PlanSegment> cut = this.segments;
        if (cut == null) {
            cut = PlanSegment.cut(this.changes, statementsByChange());
            this.segments = cut;
        }
        return cut;
    }

    /** Makes every change's call, in order, on the given actions. */
    public void applyTo(DatabaseActions actions) {
        for (Change change : this.changes) {
            change.applyTo(actions);
        }
    }

    /**
     * The same plan, with the checks, defaults and generation expressions it creates written as
     * the desired schema's source wrote them where that text is known (see
     * {@link WrittenExpressions}): PostgreSQL then stores exactly what it stored for the source,
     * and revisions read as the mapping does. The schemas, and so {@link #reverse()}, stay as
     * PostgreSQL renders them.
     */
    public MigrationPlan writtenAs(WrittenExpressions written) {
        if (written.isEmpty()) {
            return this;
        }
        return new MigrationPlan(this.current, this.desired, this.options,
                this.changes.stream().map((change) -> WrittenChanges.apply(change, written)).toList(), this.notes);
    }

    /**
     * The plan back from the desired schema to the current one: {@code between(desired, current)}
     * with every rename hint reversed. Data a plan drops does not come back: a dropped column is
     * added again, empty, and one that was {@code NOT NULL} without a default is {@code NOT NULL}
     * again only if its table has no rows (see {@link Change.AddColumn#notNullWhenEmpty()}), so
     * that the plan back runs on a table with rows.
     */
    public MigrationPlan reverse() {
        return WayBackColumns.of(SchemaDiff.between(this.desired, this.current, this.options.reversed()));
    }

    /** The schema the plan starts from. */
    public Schema current() {
        return this.current;
    }

    /** The schema the plan leads to. */
    public Schema desired() {
        return this.desired;
    }

    /** The options the plan was made with (its hints, online-safe mode and server version). */
    public DiffOptions options() {
        return this.options;
    }

    /**
     * The plan as an SQL script for people (what {@code belay diff} prints): each change's
     * statements, preceded by its hazards and by how it must be run when that is not in the
     * surrounding transaction, as comments; the plan's notes come first, as {@code -- note:}
     * lines.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (this.changes.isEmpty()) {
            out.append(this.notes.isEmpty() ? "-- No changes: the database has the desired schema.\n"
                    : "-- No changes: the database has the desired schema, but for what the notes say is kept.\n");
            appendNotes(out);
            return out.toString();
        }
        int statements = sqlStatements().size();
        int hazards = hazards().size();
        out.append("-- ")
            .append(this.changes.size())
            .append(this.changes.size() == 1 ? " change, " : " changes, ")
            .append(statements)
            .append(statements == 1 ? " statement, " : " statements, ")
            .append(hazards)
            .append(hazards == 1 ? " hazard" : " hazards")
            .append('\n');
        appendNotes(out);
        for (int i = 0; i < this.changes.size(); i++) {
            out.append('\n');
            for (Hazard hazard : this.changes.get(i).hazards()) {
                out.append("-- ").append(hazard).append('\n');
            }
            for (SqlStatement statement : statementsByChange().get(i)) {
                if (statement.mode() == TransactionMode.NO_TRANSACTION) {
                    out.append("-- outside any transaction\n");
                }
                else if (statement.mode() == TransactionMode.OWN_TRANSACTION) {
                    out.append("-- in a transaction of its own\n");
                }
                out.append(statement.sql()).append(";\n");
            }
        }
        return out.toString();
    }

    private void appendNotes(StringBuilder out) {
        for (PlanNote note : this.notes) {
            out.append("-- note: ").append(note).append('\n');
        }
    }

}
