package dev.belay.diff;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import dev.belay.diff.ChangeGraph.Node;
import dev.belay.diff.ChangeGraph.Phase;
import dev.belay.schema.Column;
import dev.belay.schema.GeneratedColumn;
import dev.belay.schema.Identity;
import dev.belay.schema.SequenceOptions;

import org.jspecify.annotations.Nullable;

/**
 * The changes that add, drop and change columns of tables that stay, with their hazards. A
 * column changed in place gets its steps in the one order PostgreSQL accepts: what relaxes it
 * (dropping a default, identity, expression or {@code NOT NULL}) before its type changes, what
 * tightens it (a new default, {@code NOT NULL}, an identity) after.
 */
final class ColumnSteps {

    private final PlanSteps steps;

    private final Hazards hazards;

    private final DiffOptions options;

    private final Predicate<String> isEnum;

    /**
     * @param isEnum whether a column type (as rendered) is an enum type of either schema
     */
    ColumnSteps(PlanSteps steps, Hazards hazards, DiffOptions options, Predicate<String> isEnum) {
        this.steps = steps;
        this.hazards = hazards;
        this.options = options;
        this.isEnum = isEnum;
    }

    void add(String table, Column column) {
        Hazards.Builder found = Hazards.on(column.id());
        boolean filled = column.defaultExpression() != null || column.identity() != null || column.generated() != null;
        found.addIf(column.notNull() && !filled, HazardKind.MAY_FAIL_ON_DATA,
                "adds a NOT NULL column without a default: fails if the table has rows");
        if (column.defaultExpression() != null) {
            Expressions.Volatility volatility = Expressions.volatility(column.defaultExpression());
            found.addIf(volatility == Expressions.Volatility.VOLATILE, HazardKind.TABLE_REWRITE,
                    "the default " + column.defaultExpression() + " is volatile: PostgreSQL writes it into every row");
            found.addIf(volatility == Expressions.Volatility.UNKNOWN, HazardKind.TABLE_REWRITE,
                    "the default " + column.defaultExpression()
                            + " calls a function that may be volatile; if so PostgreSQL writes it into every row");
        }
        found.addIf(column.identity() != null, HazardKind.TABLE_REWRITE,
                "fills the identity column of every row, rewriting the table");
        found.addIf(column.generated() != null && column.generated().kind() == GeneratedColumn.Kind.STORED,
                HazardKind.TABLE_REWRITE, "computes the generated column for every row, rewriting the table");
        Node node = this.steps.add(new Change.AddColumn(table, column, found.build()), Phase.ADD_COLUMN);
        this.steps.events(column.id()).create.add(node);
        this.steps.claims(node, column.id());
    }

    /**
     * @param dataLoss the reason for a {@code DATA_LOSS} hazard, or {@code null} when the values
     * can be computed again (a generated column)
     */
    void drop(Column column, @Nullable String dataLoss) {
        Hazards.Builder found = Hazards.on(column.id());
        if (dataLoss != null) {
            found.add(HazardKind.DATA_LOSS, dataLoss);
        }
        this.hazards.breaksUnmanaged(found, column.id(), "dropping the column");
        Node node = this.steps.add(new Change.DropColumn(column.table(), column.name(), found.build()), Phase.DROP_COLUMN);
        this.steps.events(column.id()).drop.add(node);
        this.steps.releases(node, column.id());
    }

    /**
     * @param currentDefault the column's default when these steps start: its own, or the one an
     * enum replacement just set
     */
    void alter(Column old, Column wanted, @Nullable String currentDefault) {
        String table = old.table();
        String name = old.name();
        List<Node> steps = this.steps.events(old.id()).alter;
        boolean typeChanges = !old.type().equals(wanted.type()) || !Objects.equals(old.collation(), wanted.collation());
        boolean addsIdentity = old.identity() == null && wanted.identity() != null;
        // A default must go before a type change (it may not cast) and before an identity is added.
        boolean dropsDefault = currentDefault != null
                && (typeChanges || wanted.defaultExpression() == null || addsIdentity);
        if (dropsDefault) {
            steps.add(this.steps.add(new Change.DropColumnDefault(table, name, List.of()), Phase.RELAX_COLUMN));
        }
        if (old.identity() != null && wanted.identity() == null) {
            steps.add(this.steps.add(new Change.DropIdentity(table, name, List.of()), Phase.RELAX_COLUMN));
        }
        if (old.generated() != null && wanted.generated() == null) {
            steps.add(this.steps.add(new Change.DropGeneratedExpression(table, name, List.of()), Phase.RELAX_COLUMN));
        }
        if (old.notNull() && !wanted.notNull()) {
            steps.add(this.steps.add(new Change.DropNotNull(table, name, List.of()), Phase.RELAX_COLUMN));
        }
        if (typeChanges) {
            steps.add(this.steps.add(alterType(old, wanted), Phase.COLUMN));
        }
        if (old.generated() != null && wanted.generated() != null
                && !old.generated().expression().equals(wanted.generated().expression())) {
            Hazards.Builder found = Hazards.on(old.id())
                .addIf(wanted.generated().kind() == GeneratedColumn.Kind.STORED, HazardKind.TABLE_REWRITE,
                        "recomputes the generated column for every row, rewriting the table");
            steps.add(this.steps.add(
                    new Change.SetGeneratedExpression(table, name, wanted.generated().expression(), found.build()),
                    Phase.COLUMN));
        }
        if (wanted.defaultExpression() != null && (dropsDefault || !wanted.defaultExpression().equals(currentDefault))) {
            steps.add(this.steps.add(new Change.SetColumnDefault(table, name, wanted.defaultExpression(), List.of()),
                    Phase.COLUMN));
        }
        if (!old.notNull() && wanted.notNull()) {
            addNotNull(old, steps, addsIdentity);
        }
        if (addsIdentity) {
            steps.add(this.steps.add(new Change.AddIdentity(table, name, wanted.identity(), List.of()), Phase.COLUMN));
        }
        else if (old.identity() != null && wanted.identity() != null && !sameIdentity(old.identity(), wanted.identity())) {
            String moves = Hazards.movesCurrentValue(old.identity().options(), wanted.identity().options());
            Hazards.Builder found = Hazards.on(old.id())
                .addIf(moves != null, HazardKind.DATA_LOSS, moves);
            steps.add(this.steps.add(new Change.AlterIdentity(table, name, wanted.identity(), found.build()),
                    Phase.COLUMN));
        }
        if (!Objects.equals(old.comment(), wanted.comment())) {
            steps.add(this.steps.add(new Change.SetColumnComment(table, name, wanted.comment(), List.of()), Phase.COLUMN));
        }
    }

    private Change alterType(Column old, Column wanted) {
        TypeChange change = new TypeChange(old.type(), wanted.type(), this.isEnum.test(old.type()),
                this.isEnum.test(wanted.type()));
        String using = change.using(old.name());
        Hazards.Builder found = Hazards.on(old.id());
        String conversion = old.type() + " to " + wanted.type();
        found.addIf(change.rewrites(), HazardKind.TABLE_REWRITE, "rewrites the table and its indexes to change "
                + conversion + (change.rewritesUnlessUtc() ? " (in a session whose time zone is UTC only the indexes are built again)" : "")
                + ", under an ACCESS EXCLUSIVE lock");
        List<String> indexes = change.rebuildsIndexesOnly() ? this.hazards.indexesOn(old.table(), old.name()) : List.of();
        found.addIf(!indexes.isEmpty(), HazardKind.LONG_LOCK, "builds " + String.join(", ", indexes)
                + " again to change " + conversion + " (the table is not rewritten), under an ACCESS EXCLUSIVE lock");
        found.addIf(change.canFail(), HazardKind.MAY_FAIL_ON_DATA, (using != null)
                ? "fails on values that USING " + using + " cannot convert" : "fails on values that do not fit " + wanted.type());
        found.addIf(change.losesPrecision(), HazardKind.DATA_LOSS, "rounds or cuts values converting " + conversion);
        this.hazards.breaksUnmanaged(found, old.id(), "changing the column's type");
        List<Hazard> hazards = found.build();
        if (hazards.isEmpty() && Objects.equals(old.collation(), wanted.collation())
                && SqlType.parse(old.type()).base().equals(SqlType.parse(wanted.type()).base())) {
            // Said plainly: a migration from another tool often has many of these (timestamp to timestamp(6)).
            this.steps.note(new PlanNote(PlanNote.Kind.TYPE_WIDENED, old.id(), old.type() + " → " + wanted.type()
                    + " keeps every value as it is: PostgreSQL changes the declared type alone (no rewrite, no index "
                    + "built again, cannot fail)"));
        }
        return new Change.AlterColumnType(old.table(), old.name(), wanted.type(), wanted.collation(), using, hazards);
    }

    /**
     * {@code SET NOT NULL}, or its online-safe form. An identity needs a plain {@code NOT NULL}
     * before it is added, so that one is never split.
     */
    private void addNotNull(Column column, List<Node> steps, boolean forIdentity) {
        String table = column.table();
        String name = column.name();
        if (this.options.onlineSafe() && !forIdentity) {
            Hazards.Builder found = Hazards.on(column.id())
                .add(HazardKind.MAY_FAIL_ON_DATA, "validation fails if a row holds null");
            if (this.options.serverVersion() >= 18) {
                steps.add(this.steps.add(new Change.AddNotNullNotValid(table, name, List.of()), Phase.COLUMN));
                steps.add(this.steps.add(new Change.ValidateNotNull(table, name, found.build()), Phase.VALIDATE));
            }
            else {
                Node check = this.steps.add(new Change.AddNotNullCheckNotValid(table, name, List.of()), Phase.COLUMN);
                steps.add(check);
                // The validation and the SET NOT NULL it makes cheap are not among the column's events,
                // so what depends on the column need not wait for them: an index on it is built while
                // the check is validated. A primary key waits for them (see PartSteps).
                Node validate = this.steps.add(new Change.ValidateNotNullCheck(table, name, found.build()),
                        Phase.VALIDATE);
                Node notNull = this.steps.add(new Change.SetNotNullFromCheck(table, name, List.of()),
                        Phase.AFTER_VALIDATE);
                this.steps.graph().edge(check, validate);
                this.steps.graph().edge(validate, notNull);
                this.steps.notNullAfterValidation(column.id(), notNull);
            }
            return;
        }
        Hazards.Builder found = Hazards.on(column.id())
            .add(HazardKind.LONG_LOCK, "scans the whole table under an ACCESS EXCLUSIVE lock")
            .add(HazardKind.MAY_FAIL_ON_DATA, "fails if a row holds null");
        steps.add(this.steps.add(new Change.AddNotNull(table, name, found.build()), Phase.COLUMN));
    }

    /** Equal apart from the data type, which an identity's sequence takes from its column. */
    private static boolean sameIdentity(Identity old, Identity wanted) {
        SequenceOptions a = old.options();
        SequenceOptions b = wanted.options();
        return old.generation() == wanted.generation() && a.start() == b.start() && a.increment() == b.increment()
                && a.minValue() == b.minValue() && a.maxValue() == b.maxValue() && a.cache() == b.cache()
                && a.cycle() == b.cycle();
    }

}
