package dev.belay.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.belay.actions.EnumColumn;
import dev.belay.actions.EnumPosition;
import dev.belay.diff.ChangeGraph.Node;
import dev.belay.diff.ChangeGraph.Phase;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.DbObject;
import dev.belay.schema.EnumType;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.GeneratedColumn;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Identity;
import dev.belay.schema.Index;
import dev.belay.schema.ObjectId;
import dev.belay.schema.ObjectKind;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.Schema;
import dev.belay.schema.Sequence;
import dev.belay.schema.SequenceOptions;
import dev.belay.schema.Table;
import dev.belay.schema.UniqueConstraint;

import org.jspecify.annotations.Nullable;

/**
 * Plans the changes from one schema to another whose tables, columns and enum labels already
 * carry the same names (renames from hints are done before, see {@link RenamePlanner}).
 * <p>
 * It decides the fate of every object (kept, changed in place, dropped and created again,
 * dropped, created), then adds each change to a {@link ChangeGraph} with the order constraints
 * that the objects' dependencies impose, as Mountaineer's migrator does:
 * <ul>
 * <li>an object is created or changed after what it needs in the desired schema is created or
 * changed (types before columns, columns before keys, a key before the foreign keys that
 * reference it);</li>
 * <li>an object is dropped or changed before what it needed in the current schema is dropped,
 * and dropped before that is changed (an index goes before its column's type changes);</li>
 * <li>foreign keys are separate objects, so tables that reference each other are created first
 * and their foreign keys added after.</li>
 * </ul>
 * What PostgreSQL drops by itself (a dropped table's columns, keys and indexes, a sequence
 * owned by a dropped column) is not dropped again: its "drop" is the change that causes it.
 */
final class Planner {

    private final Schema desired;

    private final DiffOptions options;

    private final Hazards hazards;

    private final ChangeGraph graph = new ChangeGraph();

    private final Map<ObjectId, Events> events = new HashMap<>();

    /** Current objects that this plan drops, or drops to create again. */
    private final Set<ObjectId> gone = new HashSet<>();

    private final Map<ObjectId, Fate> fates = new HashMap<>();

    /** Columns whose type PostgreSQL changes in place (by a type change or an enum replacement). */
    private final Set<ObjectId> retyped = new HashSet<>();

    /** For columns cast by an enum replacement: the enum type's name. */
    private final Map<ObjectId, String> replacedEnumColumns = new HashMap<>();

    private final Map<String, List<EnumColumn>> enumReplacements = new TreeMap<>();

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
    }

    /** The ordered changes from {@code current} to {@code desired}; rename hints are not looked at. */
    static List<Change> plan(Schema current, Schema desired, DiffOptions options) {
        if (current.equals(desired)) {
            return List.of();
        }
        return new Planner(current, desired, options).plan();
    }

    private List<Change> plan() {
        renameByDefinition();
        this.currentDependencies = new Dependencies(this.current);
        decideTablesAndColumns();
        decideEnumTypes();
        decideParts();
        emitEnumTypes();
        emitTables();
        emitSequences();
        addDependencyEdges();
        return this.graph.sorted();
    }

    // Renames that lose nothing: same definition, other name

    /**
     * Renames keys, constraints, indexes and owned sequences whose definition is unchanged but
     * whose name differs (typically after a table rename, when the desired names follow the new
     * table name). Dropping and creating them instead would rebuild indexes, revalidate foreign
     * keys and restart sequences. Only unambiguous one-to-one matches are renamed.
     */
    private void renameByDefinition() {
        for (Sequence sequence : List.copyOf(this.current.sequences().values())) {
            if (this.desired.sequences().containsKey(sequence.name()) || sequence.ownedBy() == null) {
                continue;
            }
            List<Sequence> candidates = this.desired.sequences()
                .values()
                .stream()
                .filter((other) -> !this.current.sequences().containsKey(other.name())
                        && sequence.ownedBy().equals(other.ownedBy()))
                .toList();
            long owners = this.current.sequences()
                .values()
                .stream()
                .filter((other) -> sequence.ownedBy().equals(other.ownedBy()))
                .count();
            if (candidates.size() == 1 && owners == 1) {
                String to = candidates.get(0).name();
                Node node = add(new Change.RenameSequence(sequence.name(), to, List.of()), Phase.RENAME);
                events(ObjectId.sequence(to)).renames.add(node);
                this.graph.releases(node, relation(sequence.name()));
                this.graph.claims(node, relation(to));
                this.current = SchemaRewriter.renameSequence(this.current, sequence.name(), to);
            }
        }
        for (Table desiredTable : this.desired.tables().values()) {
            Table table = this.current.tables().get(desiredTable.name());
            if (table == null) {
                continue;
            }
            if (table.primaryKey() != null && desiredTable.primaryKey() != null
                    && !table.primaryKey().name().equals(desiredTable.primaryKey().name())
                    && SchemaRewriter.renamePart(this.current, table.primaryKey().id(), desiredTable.primaryKey().name())
                        .tables()
                        .get(table.name())
                        .primaryKey()
                        .equals(desiredTable.primaryKey())) {
                renamePart(table.primaryKey().id(), desiredTable.primaryKey().name());
            }
            renameMatching(table.name(), table.uniqueConstraints(), desiredTable.uniqueConstraints(),
                    ObjectKind.UNIQUE_CONSTRAINT);
            renameMatching(table.name(), table.checkConstraints(), desiredTable.checkConstraints(),
                    ObjectKind.CHECK_CONSTRAINT);
            renameMatching(table.name(), table.foreignKeys(), desiredTable.foreignKeys(), ObjectKind.FOREIGN_KEY);
            renameMatching(table.name(), table.indexes(), desiredTable.indexes(), ObjectKind.INDEX);
        }
    }

    private <T extends DbObject> void renameMatching(String table, SortedMap<String, T> current,
            SortedMap<String, T> desired, ObjectKind kind) {
        Map<String, String> matches = new TreeMap<>();
        Map<String, Integer> desiredMatches = new HashMap<>();
        for (String name : current.keySet()) {
            if (desired.containsKey(name)) {
                continue;
            }
            List<String> candidates = new ArrayList<>();
            for (Map.Entry<String, T> other : desired.entrySet()) {
                if (!current.containsKey(other.getKey()) && sameDefinition(table, kind, name, other.getKey(), other.getValue())) {
                    candidates.add(other.getKey());
                }
            }
            if (candidates.size() == 1) {
                matches.put(name, candidates.get(0));
                desiredMatches.merge(candidates.get(0), 1, Integer::sum);
            }
        }
        matches.forEach((from, to) -> {
            if (desiredMatches.get(to) == 1) {
                renamePart(ObjectId.onTable(kind, table, from), to);
            }
        });
    }

    private boolean sameDefinition(String table, ObjectKind kind, String from, String to, DbObject wanted) {
        Schema renamed = SchemaRewriter.renamePart(this.current, ObjectId.onTable(kind, table, from), to);
        return renamed.find(ObjectId.onTable(kind, table, to)).map(wanted::equals).orElse(false);
    }

    private void renamePart(ObjectId part, String to) {
        String table = Objects.requireNonNull(part.table());
        Change change = (part.kind() == ObjectKind.INDEX) ? new Change.RenameIndex(table, part.name(), to, List.of())
                : new Change.RenameConstraint(table, part.name(), to, part.kind(), List.of());
        Node node = add(change, Phase.RENAME);
        events(ObjectId.onTable(part.kind(), table, to)).renames.add(node);
        for (String name : names(part)) {
            this.graph.releases(node, name);
        }
        for (String name : names(ObjectId.onTable(part.kind(), table, to))) {
            this.graph.claims(node, name);
        }
        this.current = SchemaRewriter.renamePart(this.current, part, to);
    }

    // Decisions

    private void decideTablesAndColumns() {
        for (Table table : this.current.tables().values()) {
            if (!this.desired.tables().containsKey(table.name())) {
                this.fates.put(table.id(), Fate.DROP);
                this.gone.add(table.id());
                for (DbObject part : table.parts()) {
                    this.gone.add(part.id());
                }
            }
        }
        for (Table table : this.desired.tables().values()) {
            Table old = this.current.tables().get(table.name());
            if (old == null) {
                this.fates.put(table.id(), Fate.CREATE);
                continue;
            }
            this.fates.put(table.id(), Objects.equals(old.comment(), table.comment()) ? Fate.SAME : Fate.ALTER);
            for (Column column : old.columns().values()) {
                Column wanted = table.column(column.name());
                if (wanted == null) {
                    decide(column.id(), Fate.DROP);
                }
                else if (column.equals(wanted)) {
                    this.fates.put(column.id(), Fate.SAME);
                }
                else if (needsRecreation(column, wanted)) {
                    decide(column.id(), Fate.RECREATE);
                }
                else {
                    this.fates.put(column.id(), Fate.ALTER);
                    if (!column.type().equals(wanted.type()) || !Objects.equals(column.collation(), wanted.collation())) {
                        this.retyped.add(column.id());
                    }
                }
            }
            for (Column column : table.columns().values()) {
                if (old.column(column.name()) == null) {
                    this.fates.put(column.id(), Fate.ADD);
                }
            }
        }
        // PostgreSQL neither drops nor retypes a column that a generated column reads: recompute those.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Table table : this.current.tables().values()) {
                for (Column column : table.columns().values()) {
                    Fate fate = this.fates.get(column.id());
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

    private void decide(ObjectId id, Fate fate) {
        this.fates.put(id, fate);
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
                    this.fates.put(type.id(), Fate.ALTER);
                }
                else {
                    this.fates.put(type.id(), Fate.RECREATE);
                    this.enumReplacements.put(type.name(), enumColumns(type.name()));
                }
            }
        }
        for (EnumType type : this.desired.enumTypes().values()) {
            if (!this.current.enumTypes().containsKey(type.name())) {
                this.fates.put(type.id(), Fate.CREATE);
            }
        }
    }

    /** The columns that keep using an enum type that is replaced, so the replacement casts them. */
    private List<EnumColumn> enumColumns(String type) {
        List<EnumColumn> columns = new ArrayList<>();
        for (Table table : this.current.tables().values()) {
            for (Column column : table.columns().values()) {
                Fate fate = this.fates.get(column.id());
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

    private static boolean isSubsequence(List<String> labels, List<String> wanted) {
        int next = 0;
        for (String label : wanted) {
            if (next < labels.size() && labels.get(next).equals(label)) {
                next++;
            }
        }
        return next == labels.size();
    }

    /** Keys, constraints and indexes: compare, then rebuild what loses something it relies on. */
    private void decideParts() {
        List<DbObject> kept = new ArrayList<>();
        for (Table table : this.desired.tables().values()) {
            Table old = this.current.tables().get(table.name());
            if (old == null) {
                for (DbObject part : constraintsAndIndexes(table)) {
                    this.fates.put(part.id(), Fate.CREATE);
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
                    this.fates.put(id, Fate.CREATE);
                }
            }
        }
        for (Table table : this.current.tables().values()) {
            if (this.fates.get(table.id()) == Fate.DROP) {
                for (ForeignKey foreignKey : table.foreignKeys().values()) {
                    // Two dropped tables may reference each other: drop their foreign keys first.
                    if (foreignKey.targetsThisSchema() && !foreignKey.targetTable().equals(table.name())
                            && this.fates.get(ObjectId.table(foreignKey.targetTable())) == Fate.DROP) {
                        this.fates.put(foreignKey.id(), Fate.DROP);
                    }
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (DbObject part : kept) {
                if (this.fates.containsKey(part.id())) {
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
     * key whose two sides change type one at a time, or an index or check that compares with an
     * enum type that is replaced.
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
        Set<String> types = new TreeSet<>();
        for (ObjectId dependency : this.currentDependencies.of(part)) {
            String type = this.replacedEnumColumns.get(dependency);
            if (type != null) {
                types.add(type);
            }
        }
        for (String type : types) {
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
            Fate fate = this.fates.get(id);
            if (fate == null) {
                continue;
            }
            EnumType old = this.current.enumTypes().get(name);
            EnumType wanted = this.desired.enumTypes().get(name);
            switch (fate) {
                case DROP -> {
                    Node node = add(new Change.DropEnumType(name, List.of()), Phase.DROP_TYPE);
                    events(id).drop.add(node);
                    this.graph.releases(node, type(name));
                }
                case CREATE -> {
                    Node node = add(new Change.CreateEnumType(name, wanted.labels(), List.of()), Phase.TYPE);
                    events(id).create.add(node);
                    this.graph.claims(node, type(name));
                }
                case ALTER -> addEnumValues(old, wanted);
                case RECREATE -> replaceEnumType(old, wanted);
                default -> {
                }
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
            events(old.id()).alter.add(add(new Change.AddEnumValue(old.name(), label, position, List.of()), Phase.TYPE));
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
        Node node = add(new Change.ReplaceEnumType(old.name(), wanted.labels(), columns, found.build()), Phase.TYPE);
        events(old.id()).alter.add(node);
    }

    private static String labels(List<String> labels) {
        return ((labels.size() == 1) ? "label " : "labels ")
                + labels.stream().map(Identifiers::literal).collect(Collectors.joining(", "));
    }

    private void emitTables() {
        Set<String> names = new TreeSet<>(this.current.tables().keySet());
        names.addAll(this.desired.tables().keySet());
        boolean createsTables = this.desired.tables().keySet().stream().anyMatch((name) -> !this.current.tables().containsKey(name));
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
        Node node = add(new Change.DropTable(table.name(), found.build()), Phase.DROP_TABLE);
        events(table.id()).drop.add(node);
        this.graph.releases(node, relation(table.name()));
        this.graph.releases(node, type(table.name()));
        for (DbObject part : table.parts()) {
            if (this.fates.get(part.id()) == Fate.DROP) {
                dropPart(part, false);
            }
            else {
                for (String released : names(part.id())) {
                    this.graph.releases(node, released);
                }
            }
        }
    }

    private void createTable(Table table) {
        Node node = add(new Change.CreateTable(table.name(), List.copyOf(table.columns().values()), List.of()),
                Phase.TABLE);
        events(table.id()).create.add(node);
        this.graph.claims(node, relation(table.name()));
        this.graph.claims(node, type(table.name()));
        if (table.comment() != null) {
            // Not one of the table's events: nothing waits for a comment.
            this.graph.edge(node, add(new Change.SetTableComment(table.name(), table.comment(), List.of()), Phase.TABLE));
        }
        for (DbObject part : constraintsAndIndexes(table)) {
            createPart(part, false);
        }
    }

    private void alterTable(Table old, Table wanted) {
        if (!Objects.equals(old.comment(), wanted.comment())) {
            add(new Change.SetTableComment(old.name(), wanted.comment(), List.of()), Phase.TABLE);
        }
        boolean addsColumns = wanted.columns().keySet().stream().anyMatch((name) -> old.column(name) == null);
        for (Column column : old.columns().values()) {
            Fate fate = this.fates.get(column.id());
            if (fate == Fate.DROP) {
                dropColumn(column, addsColumns
                        ? "drops the column and its data; if it was renamed, give a rename hint instead"
                        : "drops the column and its data");
            }
            else if (fate == Fate.RECREATE) {
                Column replacement = wanted.column(column.name());
                dropColumn(column, (column.generated() != null) ? null
                        : "PostgreSQL cannot make a column generated in place: it is dropped and added again, "
                                + "losing its values");
                addColumn(wanted.name(), replacement);
            }
            else if (fate == Fate.ALTER) {
                alterColumn(column, wanted.column(column.name()));
            }
        }
        for (Column column : wanted.columns().values()) {
            if (this.fates.get(column.id()) == Fate.ADD) {
                addColumn(wanted.name(), column);
            }
        }
        Map<ObjectId, DbObject> oldParts = byId(constraintsAndIndexes(old));
        for (DbObject part : oldParts.values()) {
            Fate fate = this.fates.get(part.id());
            if (fate == Fate.DROP || fate == Fate.RECREATE) {
                dropPart(part, true);
            }
        }
        for (DbObject part : constraintsAndIndexes(wanted)) {
            Fate fate = this.fates.get(part.id());
            if (fate == Fate.CREATE || fate == Fate.RECREATE) {
                createPart(part, true);
            }
        }
    }

    private void dropColumn(Column column, @Nullable String dataLoss) {
        Hazards.Builder found = Hazards.on(column.id());
        if (dataLoss != null) {
            found.add(HazardKind.DATA_LOSS, dataLoss);
        }
        this.hazards.breaksUnmanaged(found, column.id(), "dropping the column");
        Node node = add(new Change.DropColumn(column.table(), column.name(), found.build()), Phase.DROP_COLUMN);
        events(column.id()).drop.add(node);
        this.graph.releases(node, column(column.table(), column.name()));
    }

    private void addColumn(String table, Column column) {
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
        Node node = add(new Change.AddColumn(table, column, found.build()), Phase.ADD_COLUMN);
        events(column.id()).create.add(node);
        this.graph.claims(node, column(table, column.name()));
    }

    private void alterColumn(Column old, Column wanted) {
        String table = old.table();
        String name = old.name();
        ObjectId id = old.id();
        List<Node> steps = events(id).alter;
        boolean replacedEnum = this.replacedEnumColumns.containsKey(id);
        String currentDefault = old.defaultExpression();
        if (replacedEnum) {
            currentDefault = this.enumReplacements.get(this.replacedEnumColumns.get(id))
                .stream()
                .filter((column) -> column.table().equals(table) && column.column().equals(name))
                .findFirst()
                .orElseThrow()
                .defaultExpression();
        }
        boolean typeChanges = !old.type().equals(wanted.type()) || !Objects.equals(old.collation(), wanted.collation());
        boolean addsIdentity = old.identity() == null && wanted.identity() != null;
        boolean dropsDefault = currentDefault != null
                && (typeChanges || wanted.defaultExpression() == null || addsIdentity);
        if (dropsDefault) {
            steps.add(add(new Change.DropColumnDefault(table, name, List.of()), Phase.RELAX_COLUMN));
        }
        if (old.identity() != null && wanted.identity() == null) {
            steps.add(add(new Change.DropIdentity(table, name, List.of()), Phase.RELAX_COLUMN));
        }
        if (old.generated() != null && wanted.generated() == null) {
            steps.add(add(new Change.DropGeneratedExpression(table, name, List.of()), Phase.RELAX_COLUMN));
        }
        if (old.notNull() && !wanted.notNull()) {
            steps.add(add(new Change.DropNotNull(table, name, List.of()), Phase.RELAX_COLUMN));
        }
        if (typeChanges) {
            steps.add(add(alterType(old, wanted), Phase.COLUMN));
        }
        if (old.generated() != null && wanted.generated() != null
                && !old.generated().expression().equals(wanted.generated().expression())) {
            Hazards.Builder found = Hazards.on(id)
                .addIf(wanted.generated().kind() == GeneratedColumn.Kind.STORED, HazardKind.TABLE_REWRITE,
                        "recomputes the generated column for every row, rewriting the table");
            steps.add(add(new Change.SetGeneratedExpression(table, name, wanted.generated().expression(), found.build()),
                    Phase.COLUMN));
        }
        if (wanted.defaultExpression() != null
                && (dropsDefault || !wanted.defaultExpression().equals(currentDefault))) {
            steps.add(add(new Change.SetColumnDefault(table, name, wanted.defaultExpression(), List.of()), Phase.COLUMN));
        }
        if (!old.notNull() && wanted.notNull()) {
            addNotNull(old, steps, addsIdentity);
        }
        if (addsIdentity) {
            steps.add(add(new Change.AddIdentity(table, name, wanted.identity(), List.of()), Phase.COLUMN));
        }
        else if (old.identity() != null && wanted.identity() != null
                && !sameIdentity(old.identity(), wanted.identity())) {
            Hazards.Builder found = Hazards.on(id)
                .addIf(narrows(old.identity().options(), wanted.identity().options()), HazardKind.MAY_FAIL_ON_DATA,
                        "fails if the identity's current value lies outside the new limits");
            steps.add(add(new Change.AlterIdentity(table, name, wanted.identity(), found.build()), Phase.COLUMN));
        }
        if (!Objects.equals(old.comment(), wanted.comment())) {
            steps.add(add(new Change.SetColumnComment(table, name, wanted.comment(), List.of()), Phase.COLUMN));
        }
    }

    private Change alterType(Column old, Column wanted) {
        TypeChange change = new TypeChange(old.type(), wanted.type(), isEnum(old.type()), isEnum(wanted.type()));
        String using = change.using(old.name());
        Hazards.Builder found = Hazards.on(old.id());
        String conversion = old.type() + " to " + wanted.type();
        if (change.rewrites()) {
            found.add(HazardKind.TABLE_REWRITE, "rewrites the table and its indexes to change " + conversion
                    + (change.rewritesUnlessUtc() ? " (unless the session time zone is UTC)" : "")
                    + ", under an ACCESS EXCLUSIVE lock");
        }
        if (!change.keepsEveryValue()) {
            found.add(HazardKind.MAY_FAIL_ON_DATA, (using != null) ? "fails on values that USING " + using
                    + " cannot convert" : "fails on values that do not fit " + wanted.type());
        }
        found.addIf(change.losesPrecision(), HazardKind.DATA_LOSS, "rounds or cuts values converting " + conversion);
        this.hazards.breaksUnmanaged(found, old.id(), "changing the column's type");
        return new Change.AlterColumnType(old.table(), old.name(), wanted.type(), wanted.collation(), using,
                found.build());
    }

    private boolean isEnum(String type) {
        String name = Column.userTypeName(type);
        return name != null && (this.current.enumTypes().containsKey(name) || this.desired.enumTypes().containsKey(name));
    }

    private void addNotNull(Column column, List<Node> steps, boolean forIdentity) {
        String table = column.table();
        String name = column.name();
        if (this.options.onlineSafe() && !forIdentity) {
            Hazards.Builder found = Hazards.on(column.id())
                .add(HazardKind.MAY_FAIL_ON_DATA, "validation fails if a row holds null");
            if (this.options.serverVersion() >= 18) {
                steps.add(add(new Change.AddNotNullNotValid(table, name, List.of()), Phase.COLUMN));
                steps.add(add(new Change.ValidateNotNull(table, name, found.build()), Phase.VALIDATE));
            }
            else {
                steps.add(add(new Change.AddNotNullThroughCheck(table, name, found.build()), Phase.COLUMN));
            }
            return;
        }
        Hazards.Builder found = Hazards.on(column.id())
            .add(HazardKind.LONG_LOCK, "scans the whole table under an ACCESS EXCLUSIVE lock")
            .add(HazardKind.MAY_FAIL_ON_DATA, "fails if a row holds null");
        steps.add(add(new Change.AddNotNull(table, name, found.build()), Phase.COLUMN));
    }

    private static boolean sameIdentity(Identity old, Identity wanted) {
        SequenceOptions a = old.options();
        SequenceOptions b = wanted.options();
        // The identity's sequence takes its column's type: only the other options are set.
        return old.generation() == wanted.generation() && a.start() == b.start() && a.increment() == b.increment()
                && a.minValue() == b.minValue() && a.maxValue() == b.maxValue() && a.cache() == b.cache()
                && a.cycle() == b.cycle();
    }

    private void dropPart(DbObject part, boolean tableSurvives) {
        ObjectId id = part.id();
        Node node;
        if (part instanceof Index index) {
            Change change = (this.options.onlineSafe() && tableSurvives)
                    ? new Change.DropIndexConcurrently(index.table(), index.name(), List.of())
                    : new Change.DropIndex(index.table(), index.name(), List.of());
            node = add(change, Phase.DROP_INDEX);
        }
        else {
            node = add(new Change.DropConstraint(Objects.requireNonNull(id.table()), id.name(), id.kind(), List.of()),
                    (id.kind() == ObjectKind.FOREIGN_KEY) ? Phase.DROP_FOREIGN_KEY : Phase.DROP_CONSTRAINT);
        }
        events(id).drop.add(node);
        for (String name : names(id)) {
            this.graph.releases(node, name);
        }
    }

    private void createPart(DbObject part, boolean existingTable) {
        List<Node> steps = events(part.id()).create;
        boolean online = this.options.onlineSafe() && existingTable;
        if (part instanceof PrimaryKey primaryKey) {
            Hazards.Builder found = Hazards.on(part.id());
            if (online) {
                found.add(HazardKind.MAY_FAIL_ON_DATA, "fails on duplicate values (the index is left invalid)");
                steps.add(add(new Change.CreateIndexConcurrently(backingIndex(primaryKey.table(), primaryKey.name(),
                        primaryKey.columns(), false), found.build()), Phase.KEY));
                steps.add(add(new Change.AddPrimaryKeyUsingIndex(primaryKey.table(), primaryKey.name(),
                        primaryKey.deferrability(), List.of()), Phase.KEY));
            }
            else {
                found.addIf(existingTable, HazardKind.LONG_LOCK, "builds the key's index under an ACCESS EXCLUSIVE lock")
                    .addIf(existingTable, HazardKind.MAY_FAIL_ON_DATA, "fails on duplicate values or nulls");
                steps.add(add(new Change.AddPrimaryKey(primaryKey, found.build()), Phase.KEY));
            }
        }
        else if (part instanceof UniqueConstraint unique) {
            Hazards.Builder found = Hazards.on(part.id());
            if (online) {
                found.add(HazardKind.MAY_FAIL_ON_DATA, "fails on duplicate values (the index is left invalid)");
                steps.add(add(new Change.CreateIndexConcurrently(backingIndex(unique.table(), unique.name(),
                        unique.columns(), unique.nullsNotDistinct()), found.build()), Phase.KEY));
                steps.add(add(new Change.AddUniqueConstraintUsingIndex(unique.table(), unique.name(),
                        unique.deferrability(), List.of()), Phase.KEY));
            }
            else {
                found.addIf(existingTable, HazardKind.LONG_LOCK, "builds the constraint's index while blocking writes")
                    .addIf(existingTable, HazardKind.MAY_FAIL_ON_DATA, "fails on duplicate values");
                steps.add(add(new Change.AddUniqueConstraint(unique, found.build()), Phase.KEY));
            }
        }
        else if (part instanceof CheckConstraint check) {
            if (online) {
                steps.add(add(new Change.AddCheckConstraintNotValid(check, List.of()), Phase.KEY));
                steps.add(add(new Change.ValidateConstraint(check.table(), check.name(), ObjectKind.CHECK_CONSTRAINT,
                        Hazards.on(part.id()).add(HazardKind.MAY_FAIL_ON_DATA, "fails if a row does not pass").build()),
                        Phase.VALIDATE));
            }
            else {
                Hazards.Builder found = Hazards.on(part.id())
                    .addIf(existingTable, HazardKind.LONG_LOCK, "checks every row under an ACCESS EXCLUSIVE lock")
                    .addIf(existingTable, HazardKind.MAY_FAIL_ON_DATA, "fails if a row does not pass");
                steps.add(add(new Change.AddCheckConstraint(check, found.build()), Phase.KEY));
            }
        }
        else if (part instanceof ForeignKey foreignKey) {
            String target = Identifiers.quote(foreignKey.targetTable());
            if (online) {
                steps.add(add(new Change.AddForeignKeyNotValid(foreignKey, List.of()), Phase.FOREIGN_KEY));
                steps.add(add(new Change.ValidateConstraint(foreignKey.table(), foreignKey.name(), ObjectKind.FOREIGN_KEY,
                        Hazards.on(part.id())
                            .add(HazardKind.MAY_FAIL_ON_DATA, "fails if a row has no match in " + target)
                            .build()),
                        Phase.VALIDATE));
            }
            else {
                Hazards.Builder found = Hazards.on(part.id())
                    .addIf(existingTable, HazardKind.LONG_LOCK,
                            "checks every row while blocking writes to " + Identifiers.quote(foreignKey.table()) + " and "
                                    + target)
                    .addIf(existingTable, HazardKind.MAY_FAIL_ON_DATA, "fails if a row has no match in " + target);
                steps.add(add(new Change.AddForeignKey(foreignKey, found.build()), Phase.FOREIGN_KEY));
            }
        }
        else if (part instanceof Index index) {
            Hazards.Builder found = Hazards.on(part.id())
                .addIf(existingTable && !online, HazardKind.LONG_LOCK, "builds the index while blocking writes")
                .addIf(existingTable && index.unique(), HazardKind.MAY_FAIL_ON_DATA, "fails on duplicate values");
            steps.add(add(online ? new Change.CreateIndexConcurrently(index, found.build())
                    : new Change.CreateIndex(index, found.build()), Phase.INDEX));
        }
        for (String name : names(part.id())) {
            for (Node step : steps) {
                this.graph.claims(step, name);
            }
        }
    }

    private static Index backingIndex(String table, String name, List<String> columns, boolean nullsNotDistinct) {
        return new Index(table, name, true, "btree", columns.stream().map(Identifiers::quote).toList(), List.of(), null,
                nullsNotDistinct, new TreeSet<>(columns));
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
                if (ownerGone) {
                    // PostgreSQL drops an owned sequence with its column or table.
                    Node performer = eventsFor(oldOwner.id()).drop.get(0);
                    events(id).drop.add(performer);
                    this.graph.releases(performer, relation(name));
                }
                else {
                    Node node = add(new Change.DropSequence(name, Hazards.on(id)
                        .add(HazardKind.DATA_LOSS, "drops the sequence and its current value")
                        .build()), Phase.DROP_SEQUENCE);
                    events(id).drop.add(node);
                    this.graph.releases(node, relation(name));
                }
                continue;
            }
            if (old == null) {
                Node node = add(new Change.CreateSequence(name, wanted.options(), List.of()), Phase.SEQUENCE);
                events(id).create.add(node);
                this.graph.claims(node, relation(name));
                if (wanted.ownedBy() != null) {
                    setOwner(wanted, List.of(node));
                }
                continue;
            }
            if (!old.options().equals(wanted.options())) {
                Hazards.Builder found = Hazards.on(id)
                    .addIf(narrows(old.options(), wanted.options()), HazardKind.MAY_FAIL_ON_DATA,
                            "fails if the sequence's current value lies outside the new limits");
                events(id).alter.add(add(new Change.AlterSequence(name, wanted.options(), found.build()), Phase.SEQUENCE));
            }
            List<Node> before = new ArrayList<>(events(id).renames);
            if (ownerGone || (oldOwner != null && wanted.ownedBy() == null)) {
                Node clear = add(new Change.ClearSequenceOwner(name, List.of()), Phase.RELAX_COLUMN);
                this.graph.edges(before, List.of(clear));
                Events owner = eventsFor(oldOwner.id());
                if (owner != null) {
                    this.graph.edges(List.of(clear), owner.drop);
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
        Node node = add(new Change.SetSequenceOwner(sequence.name(), owner.table(), owner.column(), List.of()),
                Phase.SEQUENCE_OWNER);
        this.graph.edges(before, List.of(node));
        this.graph.edges(events(sequence.id()).create, List.of(node));
        Events column = eventsFor(owner.id());
        if (column != null) {
            this.graph.edges(column.create, List.of(node));
        }
    }

    private static boolean narrows(SequenceOptions old, SequenceOptions wanted) {
        return wanted.maxValue() < old.maxValue() || wanted.minValue() > old.minValue()
                || typeRank(wanted.dataType()) < typeRank(old.dataType());
    }

    private static int typeRank(String type) {
        return switch (type) {
            case "smallint" -> 0;
            case "integer" -> 1;
            default -> 2;
        };
    }

    // Ordering

    private void addDependencyEdges() {
        for (Map.Entry<ObjectId, Events> entry : new TreeMap<>(this.events).entrySet()) {
            ObjectId id = entry.getKey();
            Events own = entry.getValue();
            chain(own.drop);
            chain(own.alter);
            chain(own.create);
            for (Node rename : own.renames) {
                this.graph.edges(List.of(rename), own.drop);
                this.graph.edges(List.of(rename), own.alter);
                this.graph.edges(List.of(rename), own.create);
            }
            this.graph.edges(own.drop, own.alter);
            this.graph.edges(own.drop, own.create);
            DbObject wanted = this.desired.find(id).orElse(null);
            DbObject old = this.current.find(id).orElse(null);
            Set<ObjectId> wantedNeeds = (wanted != null) ? this.desiredDependencies.of(wanted) : Set.of();
            for (ObjectId dependency : wantedNeeds) {
                Events needed = eventsFor(dependency);
                if (needed != null && needed != own) {
                    for (List<Node> before : List.of(needed.renames, needed.create, needed.alter)) {
                        this.graph.edges(before, own.create);
                        this.graph.edges(before, own.alter);
                    }
                }
            }
            if (old != null) {
                for (ObjectId dependency : oldNeeds(old)) {
                    Events needed = eventsFor(dependency);
                    if (needed == null || needed == own) {
                        continue;
                    }
                    this.graph.edges(own.drop, needed.drop);
                    this.graph.edges(own.alter, needed.drop);
                    this.graph.edges(own.drop, needed.alter);
                    if (!wantedNeeds.contains(dependency)) {
                        this.graph.edges(own.alter, needed.alter);
                    }
                }
            }
        }
    }

    /**
     * What the object needs in the current schema; for a table that is dropped, also what its
     * columns, keys and foreign keys need, since its {@code DROP TABLE} drops them.
     */
    private Set<ObjectId> oldNeeds(DbObject old) {
        if (!(old instanceof Table table) || this.fates.get(table.id()) != Fate.DROP) {
            return this.currentDependencies.of(old);
        }
        Set<ObjectId> needs = new java.util.LinkedHashSet<>(this.currentDependencies.of(table));
        for (DbObject part : table.parts()) {
            if (!this.events.containsKey(part.id())) {
                needs.addAll(this.currentDependencies.of(part));
            }
        }
        return needs;
    }

    /**
     * The changes of an object; for a column, key, constraint or index of a table that is
     * created or dropped, those of the table, whose {@code CREATE TABLE} or {@code DROP TABLE}
     * creates or drops it too.
     */
    private @Nullable Events eventsFor(ObjectId id) {
        Events own = this.events.get(id);
        if (own != null || id.table() == null) {
            return own;
        }
        Fate tableFate = this.fates.get(id.tableId());
        return (tableFate == Fate.CREATE || tableFate == Fate.DROP) ? this.events.get(id.tableId()) : null;
    }

    private void chain(List<Node> nodes) {
        for (int i = 1; i < nodes.size(); i++) {
            this.graph.edge(nodes.get(i - 1), nodes.get(i));
        }
    }

    private Node add(Change change, Phase phase) {
        return this.graph.add(change, phase);
    }

    private Events events(ObjectId id) {
        return this.events.computeIfAbsent(id, (key) -> new Events());
    }

    // Names that changes take and free

    private static List<String> names(ObjectId id) {
        String table = id.table();
        return switch (id.kind()) {
            case PRIMARY_KEY, UNIQUE_CONSTRAINT -> List.of(relation(id.name()), constraint(table, id.name()));
            case CHECK_CONSTRAINT, FOREIGN_KEY -> List.of(constraint(table, id.name()));
            case INDEX -> List.of(relation(id.name()));
            case COLUMN -> List.of(column(table, id.name()));
            case TABLE -> List.of(relation(id.name()), type(id.name()));
            case SEQUENCE -> List.of(relation(id.name()));
            case ENUM_TYPE -> List.of(type(id.name()));
        };
    }

    private static String relation(String name) {
        return "relation " + name;
    }

    private static String type(String name) {
        return "type " + name;
    }

    private static String constraint(@Nullable String table, String name) {
        return "constraint " + table + "\0" + name;
    }

    private static String column(@Nullable String table, String name) {
        return "column " + table + "\0" + name;
    }

    /** What happens to one object. */
    private enum Fate {

        SAME, ALTER, CREATE, ADD, DROP, RECREATE

    }

    /** The changes that create, change, drop or rename one object. */
    private static final class Events {

        private final List<Node> renames = new ArrayList<>();

        private final List<Node> drop = new ArrayList<>();

        private final List<Node> alter = new ArrayList<>();

        private final List<Node> create = new ArrayList<>();

    }

}
