package dev.belay.diff;

import java.util.List;
import java.util.Objects;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.EnumColumn;
import dev.belay.actions.EnumPosition;
import dev.belay.schema.CastContext;
import dev.belay.schema.CastMethod;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.Deferrability;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.Identity;
import dev.belay.schema.Index;
import dev.belay.schema.ObjectId;
import dev.belay.schema.ObjectKind;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.SequenceOptions;
import dev.belay.schema.UniqueConstraint;

import org.jspecify.annotations.Nullable;

/**
 * One step of a {@link MigrationPlan}: exactly one call of a {@link DatabaseActions} method,
 * with the arguments that call takes, the object it concerns and the hazards it carries.
 * <p>
 * {@link #applyTo(DatabaseActions)} makes that call; {@link #accept(ChangeVisitor)} lets code
 * that renders changes (the revision generator) handle each kind without a type switch. Each
 * record's components other than {@code hazards} are the method's arguments, in order (or, for
 * {@link AddColumn#notNullWhenEmpty()}, which of two methods it calls), and are plain values
 * (strings, numbers, lists, enums and the {@code dev.belay.schema} records), so a change can be
 * written as Java source.
 */
public sealed interface Change {

    /** The object this change creates, changes or drops (after renames, its new name). */
    ObjectId object();

    /** What can go wrong or be lost when this change runs on a database with data. */
    List<Hazard> hazards();

    /** Makes this change's one call on the given actions. */
    void applyTo(DatabaseActions actions);

    <R> R accept(ChangeVisitor<R> visitor);

    // Enum types

    /** Creates an enum type. Calls {@link DatabaseActions#createEnumType(String, List)}. */
    record CreateEnumType(String name, List<String> labels, List<Hazard> hazards) implements Change {

        public CreateEnumType {
            Objects.requireNonNull(name, "name");
            labels = List.copyOf(labels);
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.enumType(this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.createEnumType(this.name, this.labels);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitCreateEnumType(this);
        }

    }

    /** Drops an enum type. Calls {@link DatabaseActions#dropEnumType(String)}. */
    record DropEnumType(String name, List<Hazard> hazards) implements Change {

        public DropEnumType {
            Objects.requireNonNull(name, "name");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.enumType(this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropEnumType(this.name);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropEnumType(this);
        }

    }

    /** Adds a label to an enum type (in a transaction of its own). Calls {@link DatabaseActions#addEnumValue(String, String, EnumPosition)}. */
    record AddEnumValue(String type, String label, EnumPosition position, List<Hazard> hazards) implements Change {

        public AddEnumValue {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(position, "position");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.enumType(this.type);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addEnumValue(this.type, this.label, this.position);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddEnumValue(this);
        }

    }

    /** Renames a label of an enum type (only with a rename hint). Calls {@link DatabaseActions#renameEnumValue(String, String, String)}. */
    record RenameEnumValue(String type, String from, String to, List<Hazard> hazards) implements Change {

        public RenameEnumValue {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.enumType(this.type);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.renameEnumValue(this.type, this.from, this.to);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitRenameEnumValue(this);
        }

    }

    /** Recreates an enum type to remove or reorder labels, casting the columns that use it. Calls {@link DatabaseActions#replaceEnumType(String, List, List)}. */
    record ReplaceEnumType(String name, List<String> labels, List<EnumColumn> columns, List<Hazard> hazards) implements Change {

        public ReplaceEnumType {
            Objects.requireNonNull(name, "name");
            labels = List.copyOf(labels);
            columns = List.copyOf(columns);
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.enumType(this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.replaceEnumType(this.name, this.labels, this.columns);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitReplaceEnumType(this);
        }

    }

    // Casts

    /** Creates a cast. Calls {@link DatabaseActions#createCast(String, String, CastMethod, CastContext)}. */
    record CreateCast(String source, String target, CastMethod method, CastContext context, List<Hazard> hazards)
            implements Change {

        public CreateCast {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(context, "context");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.cast(this.source, this.target);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.createCast(this.source, this.target, this.method, this.context);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitCreateCast(this);
        }

    }

    /** Drops a cast. Calls {@link DatabaseActions#dropCast(String, String)}. */
    record DropCast(String source, String target, List<Hazard> hazards) implements Change {

        public DropCast {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.cast(this.source, this.target);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropCast(this.source, this.target);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropCast(this);
        }

    }

    // Sequences

    /** Creates a sequence. Calls {@link DatabaseActions#createSequence(String, SequenceOptions)}. */
    record CreateSequence(String name, SequenceOptions options, List<Hazard> hazards) implements Change {

        public CreateSequence {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(options, "options");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.sequence(this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.createSequence(this.name, this.options);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitCreateSequence(this);
        }

    }

    /** Changes a sequence's parameters. Calls {@link DatabaseActions#alterSequence(String, SequenceOptions)}. */
    record AlterSequence(String name, SequenceOptions options, List<Hazard> hazards) implements Change {

        public AlterSequence {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(options, "options");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.sequence(this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.alterSequence(this.name, this.options);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAlterSequence(this);
        }

    }

    /**
     * Changes only a sequence's {@code START}, the value a {@code RESTART} without a value goes
     * back to; the next value does not move. Calls {@link DatabaseActions#setSequenceStart(String, long)}.
     */
    record SetSequenceStart(String name, long start, List<Hazard> hazards) implements Change {

        public SetSequenceStart {
            Objects.requireNonNull(name, "name");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.sequence(this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.setSequenceStart(this.name, this.start);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitSetSequenceStart(this);
        }

    }

    /** Renames a sequence (one owned by the same column under another name, as after a table rename). Calls {@link DatabaseActions#renameSequence(String, String)}. */
    record RenameSequence(String from, String to, List<Hazard> hazards) implements Change {

        public RenameSequence {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.sequence(this.to);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.renameSequence(this.from, this.to);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitRenameSequence(this);
        }

    }

    /** Ties a sequence to the column that owns it. Calls {@link DatabaseActions#setSequenceOwner(String, String, String)}. */
    record SetSequenceOwner(String sequence, String table, String column, List<Hazard> hazards) implements Change {

        public SetSequenceOwner {
            Objects.requireNonNull(sequence, "sequence");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.sequence(this.sequence);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.setSequenceOwner(this.sequence, this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitSetSequenceOwner(this);
        }

    }

    /** Unties a sequence from its column. Calls {@link DatabaseActions#clearSequenceOwner(String)}. */
    record ClearSequenceOwner(String sequence, List<Hazard> hazards) implements Change {

        public ClearSequenceOwner {
            Objects.requireNonNull(sequence, "sequence");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.sequence(this.sequence);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.clearSequenceOwner(this.sequence);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitClearSequenceOwner(this);
        }

    }

    /** Drops a sequence. Calls {@link DatabaseActions#dropSequence(String)}. */
    record DropSequence(String name, List<Hazard> hazards) implements Change {

        public DropSequence {
            Objects.requireNonNull(name, "name");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.sequence(this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropSequence(this.name);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropSequence(this);
        }

    }

    // Tables

    /** Creates a table with its columns. Calls {@link DatabaseActions#createTable(String, List)}. */
    record CreateTable(String name, List<Column> columns, List<Hazard> hazards) implements Change {

        public CreateTable {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.table(this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.createTable(this.name, this.columns);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitCreateTable(this);
        }

    }

    /** Drops a table with its data. Calls {@link DatabaseActions#dropTable(String)}. */
    record DropTable(String name, List<Hazard> hazards) implements Change {

        public DropTable {
            Objects.requireNonNull(name, "name");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.table(this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropTable(this.name);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropTable(this);
        }

    }

    /** Renames a table (only with a rename hint). Calls {@link DatabaseActions#renameTable(String, String)}. */
    record RenameTable(String from, String to, List<Hazard> hazards) implements Change {

        public RenameTable {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.table(this.to);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.renameTable(this.from, this.to);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitRenameTable(this);
        }

    }

    /** Sets or removes a table's comment. Calls {@link DatabaseActions#setTableComment(String, String)}. */
    record SetTableComment(String table, @Nullable String comment, List<Hazard> hazards) implements Change {

        public SetTableComment {
            Objects.requireNonNull(table, "table");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.table(this.table);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.setTableComment(this.table, this.comment);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitSetTableComment(this);
        }

    }

    // Columns

    /**
     * Adds a column to an existing table. Calls {@link DatabaseActions#addColumn(String, Column)},
     * or {@link DatabaseActions#addColumnNotNullWhenEmpty(String, Column)} for a column that comes
     * back on the way back of a plan that dropped it, which must run on a table with rows.
     *
     * @param table the table's name
     * @param column the column, as it is on a table without rows
     * @param notNullWhenEmpty whether a {@code NOT NULL} column without a default is added
     * nullable and made {@code NOT NULL} only if the table has no rows
     * @param hazards what it risks
     */
    record AddColumn(String table, Column column, boolean notNullWhenEmpty, List<Hazard> hazards) implements Change {

        public AddColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        /** Adds the column as it is: a {@code NOT NULL} column without a default fails on a table with rows. */
        public AddColumn(String table, Column column, List<Hazard> hazards) {
            this(table, column, false, hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column.name());
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            if (this.notNullWhenEmpty) {
                actions.addColumnNotNullWhenEmpty(this.table, this.column);
            }
            else {
                actions.addColumn(this.table, this.column);
            }
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddColumn(this);
        }

    }

    /** Drops a column with its data. Calls {@link DatabaseActions#dropColumn(String, String)}. */
    record DropColumn(String table, String column, List<Hazard> hazards) implements Change {

        public DropColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropColumn(this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropColumn(this);
        }

    }

    /** Renames a column (only with a rename hint). Calls {@link DatabaseActions#renameColumn(String, String, String)}. */
    record RenameColumn(String table, String from, String to, List<Hazard> hazards) implements Change {

        public RenameColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.to);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.renameColumn(this.table, this.from, this.to);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitRenameColumn(this);
        }

    }

    /** Changes a column's type (and collation), with a {@code USING} conversion where PostgreSQL has no assignment cast. Calls {@link DatabaseActions#alterColumnType(String, String, String, String, String)}. */
    record AlterColumnType(String table, String column, String type, @Nullable String collation, @Nullable String using, List<Hazard> hazards) implements Change {

        public AlterColumnType {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(type, "type");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.alterColumnType(this.table, this.column, this.type, this.collation, this.using);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAlterColumnType(this);
        }

    }

    /** Sets a column's default. Calls {@link DatabaseActions#setColumnDefault(String, String, String)}. */
    record SetColumnDefault(String table, String column, String expression, List<Hazard> hazards) implements Change {

        public SetColumnDefault {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(expression, "expression");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.setColumnDefault(this.table, this.column, this.expression);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitSetColumnDefault(this);
        }

    }

    /** Removes a column's default. Calls {@link DatabaseActions#dropColumnDefault(String, String)}. */
    record DropColumnDefault(String table, String column, List<Hazard> hazards) implements Change {

        public DropColumnDefault {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropColumnDefault(this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropColumnDefault(this);
        }

    }

    /** Makes a column reject nulls. Calls {@link DatabaseActions#addNotNull(String, String)}. */
    record AddNotNull(String table, String column, List<Hazard> hazards) implements Change {

        public AddNotNull {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addNotNull(this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddNotNull(this);
        }

    }

    /** Lets a column hold nulls. Calls {@link DatabaseActions#dropNotNull(String, String)}. */
    record DropNotNull(String table, String column, List<Hazard> hazards) implements Change {

        public DropNotNull {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropNotNull(this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropNotNull(this);
        }

    }

    /** Adds the check {@code column IS NOT NULL} without checking existing rows, the first step of an online-safe {@code NOT NULL} (PostgreSQL 12 to 17). Calls {@link DatabaseActions#addNotNullCheckNotValid(String, String)}. */
    record AddNotNullCheckNotValid(String table, String column, List<Hazard> hazards) implements Change {

        public AddNotNullCheckNotValid {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addNotNullCheckNotValid(this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddNotNullCheckNotValid(this);
        }

    }

    /** Validates the check {@link AddNotNullCheckNotValid} added. Calls {@link DatabaseActions#validateNotNullCheck(String, String)}. */
    record ValidateNotNullCheck(String table, String column, List<Hazard> hazards) implements Change {

        public ValidateNotNullCheck {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.validateNotNullCheck(this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitValidateNotNullCheck(this);
        }

    }

    /** Makes the column {@code NOT NULL} without a scan, as the check {@link ValidateNotNullCheck} validated allows, and drops the check. Calls {@link DatabaseActions#setNotNullFromCheck(String, String)}. */
    record SetNotNullFromCheck(String table, String column, List<Hazard> hazards) implements Change {

        public SetNotNullFromCheck {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.setNotNullFromCheck(this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitSetNotNullFromCheck(this);
        }

    }

    /** Adds a {@code NOT NULL ... NOT VALID} constraint (online-safe, PostgreSQL 18). Calls {@link DatabaseActions#addNotNullNotValid(String, String)}. */
    record AddNotNullNotValid(String table, String column, List<Hazard> hazards) implements Change {

        public AddNotNullNotValid {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addNotNullNotValid(this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddNotNullNotValid(this);
        }

    }

    /** Validates the constraint {@link AddNotNullNotValid} added. Calls {@link DatabaseActions#validateNotNull(String, String)}. */
    record ValidateNotNull(String table, String column, List<Hazard> hazards) implements Change {

        public ValidateNotNull {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.validateNotNull(this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitValidateNotNull(this);
        }

    }

    /** Makes a column an identity column. Calls {@link DatabaseActions#addIdentity(String, String, Identity)}. */
    record AddIdentity(String table, String column, Identity identity, List<Hazard> hazards) implements Change {

        public AddIdentity {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(identity, "identity");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addIdentity(this.table, this.column, this.identity);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddIdentity(this);
        }

    }

    /** Changes an identity column's generation and sequence options. Calls {@link DatabaseActions#alterIdentity(String, String, Identity)}. */
    record AlterIdentity(String table, String column, Identity identity, List<Hazard> hazards) implements Change {

        public AlterIdentity {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(identity, "identity");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.alterIdentity(this.table, this.column, this.identity);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAlterIdentity(this);
        }

    }

    /** Makes an identity column an ordinary one. Calls {@link DatabaseActions#dropIdentity(String, String)}. */
    record DropIdentity(String table, String column, List<Hazard> hazards) implements Change {

        public DropIdentity {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropIdentity(this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropIdentity(this);
        }

    }

    /** Changes a generated column's expression (PostgreSQL 17 and later). Calls {@link DatabaseActions#setGeneratedExpression(String, String, String)}. */
    record SetGeneratedExpression(String table, String column, String expression, List<Hazard> hazards) implements Change {

        public SetGeneratedExpression {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(expression, "expression");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.setGeneratedExpression(this.table, this.column, this.expression);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitSetGeneratedExpression(this);
        }

    }

    /** Makes a stored generated column an ordinary one. Calls {@link DatabaseActions#dropGeneratedExpression(String, String)}. */
    record DropGeneratedExpression(String table, String column, List<Hazard> hazards) implements Change {

        public DropGeneratedExpression {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropGeneratedExpression(this.table, this.column);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropGeneratedExpression(this);
        }

    }

    /** Sets or removes a column's comment. Calls {@link DatabaseActions#setColumnComment(String, String, String)}. */
    record SetColumnComment(String table, String column, @Nullable String comment, List<Hazard> hazards) implements Change {

        public SetColumnComment {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.column(this.table, this.column);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.setColumnComment(this.table, this.column, this.comment);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitSetColumnComment(this);
        }

    }

    // Keys and constraints

    /** Adds a primary key. Calls {@link DatabaseActions#addPrimaryKey(PrimaryKey)}. */
    record AddPrimaryKey(PrimaryKey primaryKey, List<Hazard> hazards) implements Change {

        public AddPrimaryKey {
            Objects.requireNonNull(primaryKey, "primaryKey");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return this.primaryKey.id();
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addPrimaryKey(this.primaryKey);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddPrimaryKey(this);
        }

    }

    /** Turns a unique index built concurrently into the primary key (online-safe). Calls {@link DatabaseActions#addPrimaryKeyUsingIndex(String, String, Deferrability)}. */
    record AddPrimaryKeyUsingIndex(String table, String name, Deferrability deferrability, List<Hazard> hazards) implements Change {

        public AddPrimaryKeyUsingIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(deferrability, "deferrability");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.onTable(ObjectKind.PRIMARY_KEY, this.table, this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addPrimaryKeyUsingIndex(this.table, this.name, this.deferrability);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddPrimaryKeyUsingIndex(this);
        }

    }

    /** Adds a unique constraint. Calls {@link DatabaseActions#addUniqueConstraint(UniqueConstraint)}. */
    record AddUniqueConstraint(UniqueConstraint unique, List<Hazard> hazards) implements Change {

        public AddUniqueConstraint {
            Objects.requireNonNull(unique, "unique");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return this.unique.id();
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addUniqueConstraint(this.unique);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddUniqueConstraint(this);
        }

    }

    /** Turns a unique index built concurrently into a unique constraint (online-safe). Calls {@link DatabaseActions#addUniqueConstraintUsingIndex(String, String, Deferrability)}. */
    record AddUniqueConstraintUsingIndex(String table, String name, Deferrability deferrability, List<Hazard> hazards) implements Change {

        public AddUniqueConstraintUsingIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(deferrability, "deferrability");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.onTable(ObjectKind.UNIQUE_CONSTRAINT, this.table, this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addUniqueConstraintUsingIndex(this.table, this.name, this.deferrability);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddUniqueConstraintUsingIndex(this);
        }

    }

    /** Adds a check constraint. Calls {@link DatabaseActions#addCheckConstraint(CheckConstraint)}. */
    record AddCheckConstraint(CheckConstraint check, List<Hazard> hazards) implements Change {

        public AddCheckConstraint {
            Objects.requireNonNull(check, "check");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return this.check.id();
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addCheckConstraint(this.check);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddCheckConstraint(this);
        }

    }

    /** Adds a check constraint without checking existing rows (online-safe). Calls {@link DatabaseActions#addCheckConstraintNotValid(CheckConstraint)}. */
    record AddCheckConstraintNotValid(CheckConstraint check, List<Hazard> hazards) implements Change {

        public AddCheckConstraintNotValid {
            Objects.requireNonNull(check, "check");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return this.check.id();
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addCheckConstraintNotValid(this.check);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddCheckConstraintNotValid(this);
        }

    }

    /** Adds a foreign key. Calls {@link DatabaseActions#addForeignKey(ForeignKey)}. */
    record AddForeignKey(ForeignKey foreignKey, List<Hazard> hazards) implements Change {

        public AddForeignKey {
            Objects.requireNonNull(foreignKey, "foreignKey");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return this.foreignKey.id();
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addForeignKey(this.foreignKey);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddForeignKey(this);
        }

    }

    /** Adds a foreign key without checking existing rows (online-safe). Calls {@link DatabaseActions#addForeignKeyNotValid(ForeignKey)}. */
    record AddForeignKeyNotValid(ForeignKey foreignKey, List<Hazard> hazards) implements Change {

        public AddForeignKeyNotValid {
            Objects.requireNonNull(foreignKey, "foreignKey");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return this.foreignKey.id();
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.addForeignKeyNotValid(this.foreignKey);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitAddForeignKeyNotValid(this);
        }

    }

    /** Checks existing rows against a constraint added {@code NOT VALID}. Calls {@link DatabaseActions#validateConstraint(String, String, ObjectKind)}. */
    record ValidateConstraint(String table, String name, ObjectKind kind, List<Hazard> hazards) implements Change {

        public ValidateConstraint {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.onTable(this.kind, this.table, this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.validateConstraint(this.table, this.name);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitValidateConstraint(this);
        }

    }

    /** Drops a primary key, unique, check or foreign key constraint. Calls {@link DatabaseActions#dropConstraint(String, String, ObjectKind)}. */
    record DropConstraint(String table, String name, ObjectKind kind, List<Hazard> hazards) implements Change {

        public DropConstraint {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.onTable(this.kind, this.table, this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropConstraint(this.table, this.name);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropConstraint(this);
        }

    }

    /** Renames a constraint whose definition is unchanged. Calls {@link DatabaseActions#renameConstraint(String, String, String, ObjectKind)}. */
    record RenameConstraint(String table, String from, String to, ObjectKind kind, List<Hazard> hazards) implements Change {

        public RenameConstraint {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(kind, "kind");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.onTable(this.kind, this.table, this.to);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.renameConstraint(this.table, this.from, this.to);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitRenameConstraint(this);
        }

    }

    // Indexes

    /** Builds an index. Calls {@link DatabaseActions#createIndex(Index)}. */
    record CreateIndex(Index index, List<Hazard> hazards) implements Change {

        public CreateIndex {
            Objects.requireNonNull(index, "index");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return this.index.id();
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.createIndex(this.index);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitCreateIndex(this);
        }

    }

    /** Builds an index without blocking writes (online-safe; outside a transaction). Calls {@link DatabaseActions#createIndexConcurrently(Index)}. */
    record CreateIndexConcurrently(Index index, List<Hazard> hazards) implements Change {

        public CreateIndexConcurrently {
            Objects.requireNonNull(index, "index");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return this.index.id();
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.createIndexConcurrently(this.index);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitCreateIndexConcurrently(this);
        }

    }

    /** Drops an index. Calls {@link DatabaseActions#dropIndex(String, String)}. */
    record DropIndex(String table, String name, List<Hazard> hazards) implements Change {

        public DropIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(name, "name");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.onTable(ObjectKind.INDEX, this.table, this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropIndex(this.name);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropIndex(this);
        }

    }

    /** Drops an index without blocking the table (online-safe; outside a transaction). Calls {@link DatabaseActions#dropIndexConcurrently(String, String)}. */
    record DropIndexConcurrently(String table, String name, List<Hazard> hazards) implements Change {

        public DropIndexConcurrently {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(name, "name");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.onTable(ObjectKind.INDEX, this.table, this.name);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.dropIndexConcurrently(this.name);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitDropIndexConcurrently(this);
        }

    }

    /** Renames an index whose definition is unchanged. Calls {@link DatabaseActions#renameIndex(String, String, String)}. */
    record RenameIndex(String table, String from, String to, List<Hazard> hazards) implements Change {

        public RenameIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            hazards = List.copyOf(hazards);
        }

        @Override
        public ObjectId object() {
            return ObjectId.onTable(ObjectKind.INDEX, this.table, this.to);
        }

        @Override
        public void applyTo(DatabaseActions actions) {
            actions.renameIndex(this.from, this.to);
        }

        @Override
        public <R> R accept(ChangeVisitor<R> visitor) {
            return visitor.visitRenameIndex(this);
        }

    }

}
