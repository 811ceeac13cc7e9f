package dev.belay.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.belay.actions.EnumColumn;
import dev.belay.actions.EnumPosition;
import dev.belay.diff.ChangeGraph.Node;
import dev.belay.diff.ChangeGraph.Phase;
import dev.belay.diff.PlanSteps.Events;
import dev.belay.schema.Cast;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.DbObject;
import dev.belay.schema.EnumType;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.GeneratedColumn;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Index;
import dev.belay.schema.ObjectId;
import dev.belay.schema.ObjectKind;
import dev.belay.schema.Schema;
import dev.belay.schema.Sequence;
import dev.belay.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * Plans the changes from one schema to another whose tables, columns and enum labels already
 * carry the same names (renames from hints are done before, see {@link RenamePlanner}).
 * <p>
 * It renames what only changed its name ({@link DefinitionRenames}), decides the fate of every
 * object (kept, changed in place, dropped and created again, dropped, created), adds each change
 * to the plan ({@link ColumnSteps} for columns, {@link PartSteps} for keys, constraints and
 * indexes, tables, enum types, casts and sequences here), then orders them through the objects'
 * dependencies ({@link DependencyEdges}). Foreign keys are objects of their own, so tables that
 * reference each other are created first and their foreign keys added after. What PostgreSQL
 * drops by itself (a dropped table's columns, keys and indexes, a sequence owned by a dropped
 * column) is not dropped again.
 */
final class Planner {

    private final Schema desired;

    private final DiffOptions options;

    private final Hazards hazards;

    private final PlanSteps steps = new PlanSteps();

    private final ColumnSteps columns;

    private final PartSteps parts;

    /** Current objects that this plan drops, or drops to create again. */
    private final Set<ObjectId> gone = new HashSet<>();

    /** Columns whose type PostgreSQL changes in place (by a type change or an enum replacement). */
    private final Set<ObjectId> retyped = new HashSet<>();

    /** For columns cast by an enum replacement: the enum type's name. */
    private final Map<ObjectId, String> replacedEnumColumns = new HashMap<>();

    private final Map<String, List<EnumColumn>> enumReplacements = new TreeMap<>();

    /** The changes that replace enum types, by type name. */
    private final Map<String, Node> enumReplacementNodes = new HashMap<>();

    /**
     * Columns of other types whose default mentions a replaced enum type: the default is dropped
     * before the replacement (it would keep the old type alive) and set again after it.
     */
    private final Map<ObjectId, String> defaultsAcrossReplacement = new HashMap<>();

    private Schema current;

    private Dependencies currentDependencies;

    private final Dependencies desiredDependencies;

    private Planner(Schema current, Schema desired, DiffOptions options) {
        this.current = current;
        this.desired = desired;
        this.options = options;
        this.hazards = new Hazards(current);
        this.currentDependencies = new Dependencies(current);
        this.desiredDependencies = new Dependencies(desired);
        this.columns = new ColumnSteps(this.steps, this.hazards, options, this::isEnum);
        this.parts = new PartSteps(this.steps, options);
    }

    /**
     * The ordered changes from {@code current} to {@code desired}, and the notes on them; rename
     * hints are not looked at. Primary keys that only order their columns differently keep the
     * current order unless the options ask otherwise (see {@link KeyOrder}).
     */
    static Planned plan(Schema current, Schema desired, DiffOptions options) {
        List<PlanNote> notes = new ArrayList<>();
        Schema target = desired;
        if (!options.reorderKeys()) {
            KeyOrder.Kept kept = KeyOrder.keep(current, desired);
            target = kept.desired();
            notes.addAll(kept.notes());
        }
        if (current.equals(target)) {
            return new Planned(List.of(), notes);
        }
        Planner planner = new Planner(current, target, options);
        List<Change> changes = planner.plan();
        notes.addAll(planner.steps.notes());
        return new Planned(changes, notes);
    }

    private List<Change> plan() {
        this.current = DefinitionRenames.apply(this.current, this.desired, this.steps);
        this.currentDependencies = new Dependencies(this.current);
        decideTablesAndColumns();
        decideEnumTypes();
        decideCasts();
        decideParts();
        emitEnumTypes();
        emitCasts();
        emitTables();
        emitSequences();
        DependencyEdges.add(this.steps, this.currentDependencies, this.desiredDependencies);
        return this.steps.graph().sorted();
    }

    // Decisions

    private void decideTablesAndColumns() {
        for (Table table : this.current.tables().values()) {
            if (!this.desired.tables().containsKey(table.name())) {
                decide(table.id(), Fate.DROP);
                this.gone.add(table.id());
                for (DbObject part : table.parts()) {
                    this.gone.add(part.id());
                }
            }
        }
        for (Table table : this.desired.tables().values()) {
            Table old = this.current.tables().get(table.name());
            if (old == null) {
                decide(table.id(), Fate.CREATE);
                continue;
            }
            decide(table.id(), Objects.equals(old.comment(), table.comment()) ? Fate.SAME : Fate.ALTER);
            for (Column column : old.columns().values()) {
                Column wanted = table.column(column.name());
                if (wanted == null) {
                    decide(column.id(), Fate.DROP);
                }
                else if (column.equals(wanted)) {
                    decide(column.id(), Fate.SAME);
                }
                else if (needsRecreation(column, wanted)) {
                    decide(column.id(), Fate.RECREATE);
                }
                else {
                    decide(column.id(), Fate.ALTER);
                    if (!column.type().equals(wanted.type()) || !Objects.equals(column.collation(), wanted.collation())) {
                        this.retyped.add(column.id());
                    }
                }
            }
            for (Column column : table.columns().values()) {
                if (old.column(column.name()) == null) {
                    decide(column.id(), Fate.ADD);
                }
            }
        }
        // PostgreSQL neither drops nor retypes a column that a generated column reads: recompute those.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Table table : this.current.tables().values()) {
                for (Column column : table.columns().values()) {
                    Fate fate = this.steps.fate(column.id());
                    if (column.generated() != null && (fate == Fate.SAME || fate == Fate.ALTER)
                            && touches(this.currentDependencies.of(column))) {
                        this.retyped.remove(column.id());
                        decide(column.id(), Fate.RECREATE);
                        changed = true;
                    }
                }
            }
        }
    }

    private boolean touches(Set<ObjectId> dependencies) {
        for (ObjectId dependency : dependencies) {
            if (this.gone.contains(dependency) || this.retyped.contains(dependency)) {
                return true;
            }
        }
        return false;
    }

    /** Records an object's fate, and that the current object goes when it is dropped or recreated. */
    private void decide(ObjectId id, Fate fate) {
        this.steps.decide(id, fate);
        if (fate == Fate.DROP || fate == Fate.RECREATE) {
            this.gone.add(id);
        }
    }

    /** Whether PostgreSQL cannot turn the column into the wanted one in place. */
    private boolean needsRecreation(Column column, Column wanted) {
        GeneratedColumn was = column.generated();
        GeneratedColumn will = wanted.generated();
        if (was == null) {
            return will != null;
        }
        if (will == null) {
            return was.kind() != GeneratedColumn.Kind.STORED;
        }
        return was.kind() != will.kind() || !column.type().equals(wanted.type())
                || !Objects.equals(column.collation(), wanted.collation())
                || (!was.expression().equals(will.expression()) && this.options.serverVersion() < 17);
    }

    private void decideEnumTypes() {
        for (EnumType type : this.current.enumTypes().values()) {
            EnumType wanted = this.desired.enumTypes().get(type.name());
            if (wanted == null) {
                decide(type.id(), Fate.DROP);
            }
            else if (!type.labels().equals(wanted.labels())) {
                if (isSubsequence(type.labels(), wanted.labels())) {
                    decide(type.id(), Fate.ALTER);
                }
                else {
                    decide(type.id(), Fate.RECREATE);
                    this.enumReplacements.put(type.name(), enumColumns(type.name()));
                    defaultsMentioning(type.name());
                }
            }
        }
        for (EnumType type : this.desired.enumTypes().values()) {
            if (!this.current.enumTypes().containsKey(type.name())) {
                decide(type.id(), Fate.CREATE);
            }
        }
    }

    /**
     * Casts are dropped, created, or dropped and created again: PostgreSQL cannot change one in
     * place, and an enum type's replacement drops the type the cast was made for, so its casts are
     * dropped before it and made again for the new type after it.
     */
    private void decideCasts() {
        for (Cast cast : this.current.casts().values()) {
            Cast wanted = this.desired.casts().get(cast.id().name());
            if (wanted == null) {
                decide(cast.id(), Fate.DROP);
            }
            else if (!wanted.equals(cast) || touchesReplacedEnum(cast)) {
                decide(cast.id(), Fate.RECREATE);
            }
        }
        for (Cast cast : this.desired.casts().values()) {
            if (!this.current.casts().containsKey(cast.id().name())) {
                decide(cast.id(), Fate.CREATE);
            }
        }
    }

    private boolean touchesReplacedEnum(Cast cast) {
        for (ObjectId type : this.currentDependencies.of(cast)) {
            if (this.steps.fate(type) == Fate.RECREATE) {
                return true;
            }
        }
        return false;
    }

    /** The columns that keep using an enum type that is replaced, so the replacement casts them. */
    private List<EnumColumn> enumColumns(String type) {
        List<EnumColumn> columns = new ArrayList<>();
        for (Table table : this.current.tables().values()) {
            for (Column column : table.columns().values()) {
                Fate fate = this.steps.fate(column.id());
                if (!type.equals(Column.userTypeName(column.type())) || (fate != Fate.SAME && fate != Fate.ALTER)) {
                    continue;
                }
                Column wanted = this.desired.tables().get(table.name()).column(column.name());
                if (!type.equals(Column.userTypeName(wanted.type()))) {
                    continue;
                }
                String defaultExpression = wanted.type().equals(column.type()) ? wanted.defaultExpression() : null;
                columns.add(new EnumColumn(table.name(), column.name(), SqlType.parse(column.type()).isArray(),
                        defaultExpression));
                this.replacedEnumColumns.put(column.id(), type);
                this.retyped.add(column.id());
            }
        }
        return columns;
    }

    private void defaultsMentioning(String type) {
        for (Table table : this.current.tables().values()) {
            for (Column column : table.columns().values()) {
                Fate fate = this.steps.fate(column.id());
                // A column of the type itself either is cast by the replacement or moves off the
                // type before it (its own type change drops and sets its default).
                if ((fate == Fate.SAME || fate == Fate.ALTER) && !this.replacedEnumColumns.containsKey(column.id())
                        && !type.equals(Column.userTypeName(column.type())) && column.defaultExpression() != null
                        && Expressions.mentionsType(column.defaultExpression(), type)) {
                    this.defaultsAcrossReplacement.put(column.id(), type);
                    decide(column.id(), Fate.ALTER);
                }
            }
        }
    }

    private static boolean isSubsequence(List<String> labels, List<String> wanted) {
        int next = 0;
        for (String label : wanted) {
            if (next < labels.size() && labels.get(next).equals(label)) {
                next++;
            }
        }
        return next == labels.size();
    }

    /**
     * What a plan from {@link #plan} is: its changes in order, and what its reader should know.
     *
     * @param changes the changes in the order they run
     * @param notes the notes, in the order the plan found them
     */
    record Planned(List<Change> changes, List<PlanNote> notes) {

        Planned {
            changes = List.copyOf(changes);
            notes = List.copyOf(notes);
        }

    }

    /** Keys, constraints and indexes: compare, then rebuild what loses something it relies on. */
    private void decideParts() {
        List<DbObject> kept = new ArrayList<>();
        for (Table table : this.desired.tables().values()) {
            Table old = this.current.tables().get(table.name());
            if (old == null) {
                for (DbObject part : constraintsAndIndexes(table)) {
                    decide(part.id(), Fate.CREATE);
                }
                continue;
            }
            Map<ObjectId, DbObject> oldParts = byId(constraintsAndIndexes(old));
            Map<ObjectId, DbObject> newParts = byId(constraintsAndIndexes(table));
            for (DbObject part : oldParts.values()) {
                DbObject wanted = newParts.get(part.id());
                if (wanted == null) {
                    decide(part.id(), Fate.DROP);
                }
                else if (!wanted.equals(part)) {
                    decide(part.id(), Fate.RECREATE);
                }
                else {
                    kept.add(part);
                }
            }
            for (ObjectId id : newParts.keySet()) {
                if (!oldParts.containsKey(id)) {
                    decide(id, Fate.CREATE);
                }
            }
        }
        for (Table table : this.current.tables().values()) {
            if (this.steps.fate(table.id()) == Fate.DROP) {
                for (ForeignKey foreignKey : table.foreignKeys().values()) {
                    // Two dropped tables may reference each other: drop their foreign keys first.
                    if (foreignKey.targetsThisSchema() && !foreignKey.targetTable().equals(table.name())
                            && this.steps.fate(ObjectId.table(foreignKey.targetTable())) == Fate.DROP) {
                        decide(foreignKey.id(), Fate.DROP);
                    }
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (DbObject part : kept) {
                if (this.steps.hasFate(part.id())) {
                    continue;
                }
                if (touchesGone(part) || touchesRetyped(part)) {
                    decide(part.id(), Fate.RECREATE);
                    changed = true;
                }
            }
        }
    }

    private boolean touchesGone(DbObject part) {
        for (ObjectId dependency : this.currentDependencies.of(part)) {
            if (this.gone.contains(dependency)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether PostgreSQL could not carry the object through a column's type change: a foreign
     * key whose two sides change type one at a time, or an index or check that mentions an enum
     * type that is replaced (its definition would name the old type).
     */
    private boolean touchesRetyped(DbObject part) {
        if (part instanceof ForeignKey foreignKey) {
            for (ObjectId dependency : this.currentDependencies.of(foreignKey)) {
                if (dependency.kind() == ObjectKind.COLUMN && this.retyped.contains(dependency)) {
                    return true;
                }
            }
            return false;
        }
        for (String type : this.enumReplacements.keySet()) {
            for (String expression : expressions(part)) {
                if (Expressions.mentionsType(expression, type)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> expressions(DbObject part) {
        if (part instanceof CheckConstraint check) {
            return List.of(check.expression());
        }
        if (part instanceof Index index) {
            List<String> expressions = new ArrayList<>(index.keys());
            if (index.predicate() != null) {
                expressions.add(index.predicate());
            }
            return expressions;
        }
        return List.of();
    }

    private static List<DbObject> constraintsAndIndexes(Table table) {
        return table.parts().stream().filter((part) -> !(part instanceof Column)).toList();
    }

    private static Map<ObjectId, DbObject> byId(List<DbObject> objects) {
        Map<ObjectId, DbObject> byId = new LinkedHashMap<>();
        for (DbObject object : objects) {
            byId.put(object.id(), object);
        }
        return byId;
    }

    // Emitting changes

    private void emitEnumTypes() {
        Set<String> names = new TreeSet<>(this.current.enumTypes().keySet());
        names.addAll(this.desired.enumTypes().keySet());
        for (String name : names) {
            ObjectId id = ObjectId.enumType(name);
            Fate fate = this.steps.fate(id);
            if (fate == null) {
                continue;
            }
            EnumType old = this.current.enumTypes().get(name);
            EnumType wanted = this.desired.enumTypes().get(name);
            switch (fate) {
                case DROP -> {
                    Node node = this.steps.add(new Change.DropEnumType(name, List.of()), Phase.DROP_TYPE);
                    this.steps.events(id).drop.add(node);
                    this.steps.releases(node, id);
                }
                case CREATE -> {
                    Node node = this.steps.add(new Change.CreateEnumType(name, wanted.labels(), List.of()), Phase.TYPE);
                    this.steps.events(id).create.add(node);
                    this.steps.claims(node, id);
                }
                case ALTER -> addEnumValues(old, wanted);
                case RECREATE -> replaceEnumType(old, wanted);
                default -> {
                }
            }
        }
    }

    private void emitCasts() {
        Set<String> names = new TreeSet<>(this.current.casts().keySet());
        names.addAll(this.desired.casts().keySet());
        for (String name : names) {
            Cast old = this.current.casts().get(name);
            Cast wanted = this.desired.casts().get(name);
            Fate fate = this.steps.fate((old != null) ? old.id() : wanted.id());
            if (fate == Fate.DROP || fate == Fate.RECREATE) {
                Node node = this.steps.add(new Change.DropCast(old.source(), old.target(), List.of()), Phase.DROP_CAST);
                this.steps.events(old.id()).drop.add(node);
                this.steps.releases(node, old.id());
            }
            if (fate == Fate.CREATE || fate == Fate.RECREATE) {
                Node node = this.steps.add(new Change.CreateCast(wanted.source(), wanted.target(), wanted.method(),
                        wanted.context(), List.of()), Phase.CAST);
                this.steps.events(wanted.id()).create.add(node);
                this.steps.claims(node, wanted.id());
            }
        }
    }

    private void addEnumValues(EnumType old, EnumType wanted) {
        List<String> labels = wanted.labels();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (old.labels().contains(label)) {
                continue;
            }
            EnumPosition position;
            if (labels.subList(i, labels.size()).stream().noneMatch(old.labels()::contains)) {
                position = EnumPosition.last();
            }
            else if (i > 0) {
                position = EnumPosition.after(labels.get(i - 1));
            }
            else {
                position = EnumPosition.before(labels.subList(i, labels.size())
                    .stream()
                    .filter(old.labels()::contains)
                    .findFirst()
                    .orElseThrow());
            }
            this.steps.events(old.id()).alter.add(this.steps.add(new Change.AddEnumValue(old.name(), label, position, List.of()), Phase.TYPE));
        }
    }

    private void replaceEnumType(EnumType old, EnumType wanted) {
        List<EnumColumn> columns = this.enumReplacements.get(old.name());
        Hazards.Builder found = Hazards.on(old.id());
        List<String> removed = old.labels().stream().filter((label) -> !wanted.labels().contains(label)).toList();
        found.addIf(!removed.isEmpty(), HazardKind.DATA_LOSS,
                "removes " + labels(removed) + "; rows holding " + ((removed.size() == 1) ? "it" : "them")
                        + " stop the migration with an error until they are changed");
        Set<String> tables = new TreeSet<>();
        for (EnumColumn column : columns) {
            tables.add(column.table());
            this.hazards.breaksUnmanaged(found, ObjectId.column(column.table(), column.column()),
                    "casting " + column.table() + "." + column.column() + " to the new type");
        }
        for (String table : tables) {
            found.add(HazardKind.TABLE_REWRITE, "rewrites table " + Identifiers.quote(table)
                    + " to cast its columns to the recreated type, under an ACCESS EXCLUSIVE lock");
        }
        Node node = this.steps.add(new Change.ReplaceEnumType(old.name(), wanted.labels(), columns, found.build()),
                Phase.TYPE);
        this.steps.events(old.id()).alter.add(node);
        this.enumReplacementNodes.put(old.name(), node);
        for (EnumColumn column : columns) {
            // The replacement changes these columns' type: what must not see that happen waits for it.
            this.steps.events(ObjectId.column(column.table(), column.column())).alter.add(node);
        }
    }

    private static String labels(List<String> labels) {
        return ((labels.size() == 1) ? "label " : "labels ")
                + labels.stream().map(Identifiers::literal).collect(Collectors.joining(", "));
    }

    private void emitTables() {
        Set<String> names = new TreeSet<>(this.current.tables().keySet());
        names.addAll(this.desired.tables().keySet());
        boolean createsTables = this.desired.tables()
            .keySet()
            .stream()
            .anyMatch((name) -> !this.current.tables().containsKey(name));
        for (String name : names) {
            Table old = this.current.tables().get(name);
            Table wanted = this.desired.tables().get(name);
            if (wanted == null) {
                dropTable(old, createsTables);
            }
            else if (old == null) {
                createTable(wanted);
            }
            else {
                alterTable(old, wanted);
            }
        }
    }

    private void dropTable(Table table, boolean createsTables) {
        Hazards.Builder found = Hazards.on(table.id())
            .add(HazardKind.DATA_LOSS, "drops the table and all its rows"
                    + (createsTables ? "; if it was renamed, give a rename hint instead" : ""));
        this.hazards.breaksUnmanaged(found, table.id(), "dropping the table");
        Node node = this.steps.add(new Change.DropTable(table.name(), found.build()), Phase.DROP_TABLE);
        this.steps.events(table.id()).drop.add(node);
        this.steps.releases(node, table.id());
        for (DbObject part : table.parts()) {
            if (this.steps.fate(part.id()) == Fate.DROP) {
                this.parts.drop(part, false);
            }
            else {
                this.steps.releases(node, part.id());
            }
        }
    }

    private void createTable(Table table) {
        Node node = this.steps.add(new Change.CreateTable(table.name(), List.copyOf(table.columns().values()), List.of()),
                Phase.TABLE);
        this.steps.events(table.id()).create.add(node);
        this.steps.claims(node, table.id());
        if (table.comment() != null) {
            // Not one of the table's events: nothing waits for a comment.
            this.steps.graph()
                .edge(node, this.steps.add(new Change.SetTableComment(table.name(), table.comment(), List.of()),
                        Phase.TABLE));
        }
        for (DbObject part : constraintsAndIndexes(table)) {
            this.parts.create(part, false);
        }
    }

    private void alterTable(Table old, Table wanted) {
        if (!Objects.equals(old.comment(), wanted.comment())) {
            this.steps.add(new Change.SetTableComment(old.name(), wanted.comment(), List.of()), Phase.TABLE);
        }
        boolean addsColumns = wanted.columns().keySet().stream().anyMatch((name) -> old.column(name) == null);
        for (Column column : old.columns().values()) {
            Fate fate = this.steps.fate(column.id());
            if (fate == Fate.DROP) {
                this.columns.drop(column, addsColumns
                        ? "drops the column and its data; if it was renamed, give a rename hint instead"
                        : "drops the column and its data");
            }
            else if (fate == Fate.RECREATE) {
                this.columns.drop(column, (column.generated() != null) ? null
                        : "PostgreSQL cannot make a column generated in place: it is dropped and added again, "
                                + "losing its values");
                this.columns.add(wanted.name(), Objects.requireNonNull(wanted.column(column.name())));
            }
            else if (fate == Fate.ALTER) {
                String type = this.defaultsAcrossReplacement.get(column.id());
                if (type != null) {
                    Node replacement = this.enumReplacementNodes.get(type);
                    Node dropDefault = this.steps.add(new Change.DropColumnDefault(column.table(), column.name(),
                            List.of()), Phase.RELAX_COLUMN);
                    this.steps.graph().edge(dropDefault, replacement);
                    this.steps.events(column.id()).alter.add(replacement);
                }
                this.columns.alter(column, Objects.requireNonNull(wanted.column(column.name())),
                        (type != null) ? null : currentDefault(column));
            }
        }
        for (Column column : wanted.columns().values()) {
            if (this.steps.fate(column.id()) == Fate.ADD) {
                this.columns.add(wanted.name(), column);
            }
        }
        for (DbObject part : constraintsAndIndexes(old)) {
            Fate fate = this.steps.fate(part.id());
            if (fate == Fate.DROP || fate == Fate.RECREATE) {
                this.parts.drop(part, true);
            }
        }
        for (DbObject part : constraintsAndIndexes(wanted)) {
            Fate fate = this.steps.fate(part.id());
            if (fate == Fate.CREATE || fate == Fate.RECREATE) {
                this.parts.create(part, true);
            }
        }
    }

    /** A column's default before its own changes: the one an enum replacement set, or its own. */
    private @Nullable String currentDefault(Column column) {
        String type = this.replacedEnumColumns.get(column.id());
        if (type == null) {
            return column.defaultExpression();
        }
        return this.enumReplacements.get(type)
            .stream()
            .filter((replaced) -> replaced.table().equals(column.table()) && replaced.column().equals(column.name()))
            .findFirst()
            .orElseThrow()
            .defaultExpression();
    }

    private boolean isEnum(String type) {
        String name = Column.userTypeName(type);
        return name != null && (this.current.enumTypes().containsKey(name) || this.desired.enumTypes().containsKey(name));
    }

    private void emitSequences() {
        Set<String> names = new TreeSet<>(this.current.sequences().keySet());
        names.addAll(this.desired.sequences().keySet());
        for (String name : names) {
            Sequence old = this.current.sequences().get(name);
            Sequence wanted = this.desired.sequences().get(name);
            ObjectId id = ObjectId.sequence(name);
            Sequence.ColumnRef oldOwner = (old != null) ? old.ownedBy() : null;
            boolean ownerGone = oldOwner != null && this.gone.contains(oldOwner.id());
            if (wanted == null) {
                Events owner = ownerGone ? this.steps.eventsFor(oldOwner.id()) : null;
                if (owner != null) {
                    // PostgreSQL drops an owned sequence with its column or table.
                    this.steps.events(id).drop.add(owner.drop.get(0));
                    this.steps.releases(owner.drop.get(0), id);
                }
                else {
                    Node node = this.steps.add(new Change.DropSequence(name, Hazards.on(id)
                        .add(HazardKind.DATA_LOSS, "drops the sequence and its current value")
                        .build()), Phase.DROP_SEQUENCE);
                    this.steps.events(id).drop.add(node);
                    this.steps.releases(node, id);
                }
                continue;
            }
            if (old == null) {
                Node node = this.steps.add(new Change.CreateSequence(name, wanted.options(), List.of()), Phase.SEQUENCE);
                this.steps.events(id).create.add(node);
                this.steps.claims(node, id);
                if (wanted.ownedBy() != null) {
                    setOwner(wanted, List.of(node));
                }
                continue;
            }
            if (old.options().withStart(wanted.options().start()).equals(wanted.options())
                    && old.options().start() != wanted.options().start()) {
                // Said plainly: the full ALTER's recipe for values outside new limits reads like a RESTART.
                this.steps.note(new PlanNote(PlanNote.Kind.SEQUENCE_START, id, "START " + old.options().start() + " → "
                        + wanted.options().start() + " is only the value a RESTART without a value goes back to; "
                        + "the next value stays where it is"));
                this.steps.events(id).alter.add(this.steps.add(new Change.SetSequenceStart(name,
                        wanted.options().start(), List.of()), Phase.SEQUENCE));
            }
            else if (!old.options().equals(wanted.options())) {
                String moves = Hazards.movesCurrentValue(old.options(), wanted.options());
                Hazards.Builder found = Hazards.on(id).addIf(moves != null, HazardKind.DATA_LOSS, moves);
                this.steps.events(id).alter.add(this.steps.add(new Change.AlterSequence(name, wanted.options(),
                        found.build()), Phase.SEQUENCE));
            }
            // Ownership is not one of the sequence's events: the columns that draw from it need not wait for it.
            List<Node> before = new ArrayList<>(this.steps.events(id).renames);
            if (oldOwner != null && (ownerGone || wanted.ownedBy() == null)) {
                Node clear = this.steps.add(new Change.ClearSequenceOwner(name, List.of()), Phase.RELAX_COLUMN);
                this.steps.graph().edges(before, List.of(clear));
                Events owner = this.steps.eventsFor(oldOwner.id());
                if (owner != null) {
                    this.steps.graph().edges(List.of(clear), owner.drop);
                }
                before.add(clear);
            }
            if (wanted.ownedBy() != null && (ownerGone || !wanted.ownedBy().equals(oldOwner))) {
                setOwner(wanted, before);
            }
        }
    }

    private void setOwner(Sequence sequence, List<Node> before) {
        Sequence.ColumnRef owner = Objects.requireNonNull(sequence.ownedBy());
        Node node = this.steps.add(new Change.SetSequenceOwner(sequence.name(), owner.table(), owner.column(), List.of()),
                Phase.SEQUENCE_OWNER);
        this.steps.graph().edges(before, List.of(node));
        this.steps.graph().edges(this.steps.events(sequence.id()).create, List.of(node));
        Events column = this.steps.eventsFor(owner.id());
        if (column != null) {
            this.steps.graph().edges(column.create, List.of(node));
        }
    }

}
