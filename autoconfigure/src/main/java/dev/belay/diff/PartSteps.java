package dev.belay.diff;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import dev.belay.diff.ChangeGraph.Node;
import dev.belay.diff.ChangeGraph.Phase;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.DbObject;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Index;
import dev.belay.schema.ObjectId;
import dev.belay.schema.ObjectKind;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.UniqueConstraint;

/**
 * The changes that create and drop keys, constraints and indexes, with their hazards. On a
 * table that already exists (and so may be large), online-safe mode builds and drops indexes
 * concurrently, turns them into keys afterwards, and adds foreign keys and checks
 * {@code NOT VALID} before validating them; on a new table the plain statements are as cheap.
 * The online-safe steps have phases of their own (see {@link Phase}), so that those that run
 * outside a transaction come together and a plan splits into few revisions.
 */
final class PartSteps {

    private final PlanSteps steps;

    private final DiffOptions options;

    PartSteps(PlanSteps steps, DiffOptions options) {
        this.steps = steps;
        this.options = options;
    }

    void drop(DbObject part, boolean tableSurvives) {
        ObjectId id = part.id();
        Node node;
        if (part instanceof Index index) {
            node = (this.options.onlineSafe() && tableSurvives)
                    ? this.steps.add(new Change.DropIndexConcurrently(index.table(), index.name(), List.of()),
                            Phase.CONCURRENTLY)
                    : this.steps.add(new Change.DropIndex(index.table(), index.name(), List.of()), Phase.DROP_INDEX);
        }
        else {
            node = this.steps.add(
                    new Change.DropConstraint(Objects.requireNonNull(id.table()), id.name(), id.kind(), List.of()),
                    (id.kind() == ObjectKind.FOREIGN_KEY) ? Phase.DROP_FOREIGN_KEY : Phase.DROP_CONSTRAINT);
        }
        this.steps.events(id).drop.add(node);
        this.steps.releases(node, id);
    }

    /**
     * @param existingTable whether the table exists before the plan runs (and so may hold rows)
     */
    void create(DbObject part, boolean existingTable) {
        List<Node> steps = this.steps.events(part.id()).create;
        boolean online = this.options.onlineSafe() && existingTable;
        if (part instanceof PrimaryKey primaryKey) {
            Hazards.Builder found = Hazards.on(part.id());
            if (online) {
                found.add(HazardKind.MAY_FAIL_ON_DATA, "fails on duplicate values (the index is left invalid)");
                steps.add(this.steps.add(new Change.CreateIndexConcurrently(backingIndex(primaryKey.table(),
                        primaryKey.name(), primaryKey.columns(), false), found.build()), Phase.CONCURRENTLY));
                Node usingIndex = this.steps.add(new Change.AddPrimaryKeyUsingIndex(primaryKey.table(),
                        primaryKey.name(), primaryKey.deferrability(), List.of()), Phase.USING_INDEX);
                steps.add(usingIndex);
                for (String column : primaryKey.columns()) {
                    // Once a validated check proves the column has no nulls, the key need not scan for them.
                    Node notNull = this.steps.notNullAfterValidation(ObjectId.column(primaryKey.table(), column));
                    if (notNull != null) {
                        this.steps.graph().edge(notNull, usingIndex);
                    }
                }
            }
            else {
                found.addIf(existingTable, HazardKind.LONG_LOCK, "builds the key's index under an ACCESS EXCLUSIVE lock")
                    .addIf(existingTable, HazardKind.MAY_FAIL_ON_DATA, "fails on duplicate values or nulls");
                steps.add(this.steps.add(new Change.AddPrimaryKey(primaryKey, found.build()), Phase.KEY));
            }
        }
        else if (part instanceof UniqueConstraint unique) {
            Hazards.Builder found = Hazards.on(part.id());
            if (online) {
                found.add(HazardKind.MAY_FAIL_ON_DATA, "fails on duplicate values (the index is left invalid)");
                steps.add(this.steps.add(new Change.CreateIndexConcurrently(backingIndex(unique.table(), unique.name(),
                        unique.columns(), unique.nullsNotDistinct()), found.build()), Phase.CONCURRENTLY));
                steps.add(this.steps.add(new Change.AddUniqueConstraintUsingIndex(unique.table(), unique.name(),
                        unique.deferrability(), List.of()), Phase.USING_INDEX));
            }
            else {
                found.addIf(existingTable, HazardKind.LONG_LOCK, "builds the constraint's index while blocking writes")
                    .addIf(existingTable, HazardKind.MAY_FAIL_ON_DATA, "fails on duplicate values");
                steps.add(this.steps.add(new Change.AddUniqueConstraint(unique, found.build()), Phase.KEY));
            }
        }
        else if (part instanceof CheckConstraint check) {
            if (online) {
                steps.add(this.steps.add(new Change.AddCheckConstraintNotValid(check, List.of()), Phase.KEY));
                steps.add(this.steps.add(new Change.ValidateConstraint(check.table(), check.name(),
                        ObjectKind.CHECK_CONSTRAINT,
                        Hazards.on(part.id()).add(HazardKind.MAY_FAIL_ON_DATA, "fails if a row does not pass").build()),
                        Phase.VALIDATE));
            }
            else {
                Hazards.Builder found = Hazards.on(part.id())
                    .addIf(existingTable, HazardKind.LONG_LOCK, "checks every row under an ACCESS EXCLUSIVE lock")
                    .addIf(existingTable, HazardKind.MAY_FAIL_ON_DATA, "fails if a row does not pass");
                steps.add(this.steps.add(new Change.AddCheckConstraint(check, found.build()), Phase.KEY));
            }
        }
        else if (part instanceof ForeignKey foreignKey) {
            String target = Identifiers.quote(foreignKey.targetTable());
            if (online) {
                steps.add(this.steps.add(new Change.AddForeignKeyNotValid(foreignKey, List.of()), Phase.FOREIGN_KEY));
                steps.add(this.steps.add(new Change.ValidateConstraint(foreignKey.table(), foreignKey.name(),
                        ObjectKind.FOREIGN_KEY, Hazards.on(part.id())
                            .add(HazardKind.MAY_FAIL_ON_DATA, "fails if a row has no match in " + target)
                            .build()),
                        Phase.VALIDATE));
            }
            else {
                Hazards.Builder found = Hazards.on(part.id())
                    .addIf(existingTable, HazardKind.LONG_LOCK, "checks every row while blocking writes to "
                            + Identifiers.quote(foreignKey.table()) + " and " + target)
                    .addIf(existingTable, HazardKind.MAY_FAIL_ON_DATA, "fails if a row has no match in " + target);
                steps.add(this.steps.add(new Change.AddForeignKey(foreignKey, found.build()), Phase.FOREIGN_KEY));
            }
        }
        else if (part instanceof Index index) {
            Hazards.Builder found = Hazards.on(part.id())
                .addIf(existingTable && !online, HazardKind.LONG_LOCK, "builds the index while blocking writes")
                .addIf(existingTable && index.unique(), HazardKind.MAY_FAIL_ON_DATA, "fails on duplicate values");
            steps.add(online ? this.steps.add(new Change.CreateIndexConcurrently(index, found.build()), Phase.CONCURRENTLY)
                    : this.steps.add(new Change.CreateIndex(index, found.build()), Phase.INDEX));
        }
        for (Node step : steps) {
            this.steps.claims(step, part.id());
        }
    }

    /** The unique index a key is built on before it becomes the key ({@code USING INDEX}). */
    static Index backingIndex(String table, String name, List<String> columns, boolean nullsNotDistinct) {
        return new Index(table, name, true, "btree", columns.stream().map(Identifiers::quote).toList(), List.of(), null,
                nullsNotDistinct, new TreeSet<>(columns));
    }

}
