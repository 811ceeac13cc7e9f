package dev.belay.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.belay.diff.ChangeGraph.Node;
import dev.belay.diff.ChangeGraph.Phase;
import dev.belay.schema.DbObject;
import dev.belay.schema.Deferrability;
import dev.belay.schema.Index;
import dev.belay.schema.ObjectId;
import dev.belay.schema.ObjectKind;
import dev.belay.schema.Schema;
import dev.belay.schema.Sequence;
import dev.belay.schema.Table;
import dev.belay.schema.UniqueConstraint;

/**
 * Renames that lose nothing: keys, constraints, indexes and owned sequences whose definition is
 * unchanged but whose name differs, typically after a table rename when the desired names follow
 * the new table's name ({@code ride_pkey} becomes {@code trip_pkey}). Dropping and creating them
 * instead would rebuild indexes, revalidate foreign keys and restart sequences. Only one-to-one
 * matches are renamed; anything ambiguous is left to drop and create.
 */
final class DefinitionRenames {

    private final Schema desired;

    private final PlanSteps steps;

    private Schema current;

    private DefinitionRenames(Schema current, Schema desired, PlanSteps steps) {
        this.current = current;
        this.desired = desired;
        this.steps = steps;
    }

    /** Adds the renames to the plan and returns the current schema as it is after them. */
    static Schema apply(Schema current, Schema desired, PlanSteps steps) {
        DefinitionRenames renames = new DefinitionRenames(current, desired, steps);
        renames.renameSequences();
        renames.renameParts();
        return renames.current;
    }

    /** A sequence owned by the same column as a desired one of another name is that one. */
    private void renameSequences() {
        for (Sequence sequence : List.copyOf(this.current.sequences().values())) {
            Sequence.ColumnRef owner = sequence.ownedBy();
            if (this.desired.sequences().containsKey(sequence.name()) || owner == null) {
                continue;
            }
            List<Sequence> candidates = this.desired.sequences()
                .values()
                .stream()
                .filter((other) -> !this.current.sequences().containsKey(other.name()) && owner.equals(other.ownedBy()))
                .toList();
            long owned = this.current.sequences().values().stream().filter((other) -> owner.equals(other.ownedBy())).count();
            if (candidates.size() == 1 && owned == 1) {
                String to = candidates.get(0).name();
                Node node = this.steps.add(new Change.RenameSequence(sequence.name(), to, List.of()), Phase.RENAME);
                this.steps.events(ObjectId.sequence(to)).renames.add(node);
                this.steps.releases(node, sequence.id());
                this.steps.claims(node, ObjectId.sequence(to));
                this.current = SchemaRewriter.renameSequence(this.current, sequence.name(), to);
            }
        }
    }

    private void renameParts() {
        for (Table wanted : this.desired.tables().values()) {
            Table table = this.current.tables().get(wanted.name());
            if (table == null) {
                continue;
            }
            if (table.primaryKey() != null && wanted.primaryKey() != null
                    && !table.primaryKey().name().equals(wanted.primaryKey().name())
                    && SchemaRewriter.renamed(table.primaryKey(), wanted.primaryKey().name()).equals(wanted.primaryKey())) {
                rename(table.primaryKey().id(), wanted.primaryKey().name());
            }
            renameMatching(table.uniqueConstraints(), wanted.uniqueConstraints());
            uniqueIndexesToConstraints(wanted);
            renameMatching(table.checkConstraints(), wanted.checkConstraints());
            renameMatching(table.foreignKeys(), wanted.foreignKeys());
            renameMatching(table.indexes(), wanted.indexes());
        }
    }

    /**
     * A unique index that is exactly what a desired unique constraint would be built on (Liquibase's
     * {@code createIndex unique="true"}, a hand-made index) becomes that constraint through
     * {@code ADD CONSTRAINT ... UNIQUE USING INDEX}, renamed first when its name differs: the index
     * is kept, not built again. Only one-to-one matches, as for renames.
     */
    private void uniqueIndexesToConstraints(Table wanted) {
        for (UniqueConstraint unique : wanted.uniqueConstraints().values()) {
            Table table = this.current.tables().get(wanted.name());
            if (table.uniqueConstraints().containsKey(unique.name()) || unique.deferrability() != Deferrability.NOT_DEFERRABLE
                    || table.indexes().containsKey(unique.name()) && !backs(table.indexes().get(unique.name()), unique)) {
                continue;
            }
            List<Index> candidates = table.indexes()
                .values()
                .stream()
                .filter((index) -> !wanted.indexes().containsKey(index.name()) || index.name().equals(unique.name()))
                .filter((index) -> backs(index, unique))
                .toList();
            long wantedAlike = wanted.uniqueConstraints()
                .values()
                .stream()
                .filter((other) -> !table.uniqueConstraints().containsKey(other.name()))
                .filter((other) -> candidates.size() == 1 && backs(candidates.get(0), other))
                .count();
            if (candidates.size() != 1 || wantedAlike != 1) {
                continue;
            }
            Index index = candidates.get(0);
            List<Node> before = new ArrayList<>();
            if (!index.name().equals(unique.name())) {
                rename(index.id(), unique.name());
                before.add(this.steps.events(ObjectId.onTable(ObjectKind.INDEX, table.name(), unique.name())).renames
                    .get(0));
            }
            Node node = this.steps.add(new Change.AddUniqueConstraintUsingIndex(table.name(), unique.name(),
                    unique.deferrability(), List.of()), Phase.RENAME);
            this.steps.graph().edges(before, List.of(node));
            this.steps.events(unique.id()).create.add(node);
            this.steps.graph().claims(node, "constraint " + table.name() + "\0" + unique.name());
            Table now = this.current.tables().get(table.name());
            Map<String, Index> indexes = new TreeMap<>(now.indexes());
            indexes.remove(unique.name());
            Map<String, UniqueConstraint> uniques = new TreeMap<>(now.uniqueConstraints());
            uniques.put(unique.name(), unique);
            this.current = this.current.withTable(now.withIndexes(indexes).withUniqueConstraints(uniques));
        }
    }

    /** Whether the index is exactly the one a unique constraint is built on. */
    private static boolean backs(Index index, UniqueConstraint unique) {
        return PartSteps.backingIndex(unique.table(), index.name(), unique.columns(), unique.nullsNotDistinct())
            .equals(index);
    }

    private <T extends DbObject> void renameMatching(SortedMap<String, T> current, SortedMap<String, T> desired) {
        Map<String, String> matches = new TreeMap<>();
        Map<String, Integer> taken = new HashMap<>();
        for (Map.Entry<String, T> old : current.entrySet()) {
            if (desired.containsKey(old.getKey())) {
                continue;
            }
            List<String> candidates = new ArrayList<>();
            for (Map.Entry<String, T> other : desired.entrySet()) {
                if (!current.containsKey(other.getKey())
                        && SchemaRewriter.renamed(old.getValue(), other.getKey()).equals(other.getValue())) {
                    candidates.add(other.getKey());
                }
            }
            if (candidates.size() == 1) {
                matches.put(old.getKey(), candidates.get(0));
                taken.merge(candidates.get(0), 1, Integer::sum);
            }
        }
        matches.forEach((from, to) -> {
            if (taken.get(to) == 1) {
                rename(current.get(from).id(), to);
            }
        });
    }

    private void rename(ObjectId part, String to) {
        String table = Objects.requireNonNull(part.table());
        ObjectId renamed = ObjectId.onTable(part.kind(), table, to);
        Change change = (part.kind() == ObjectKind.INDEX) ? new Change.RenameIndex(table, part.name(), to, List.of())
                : new Change.RenameConstraint(table, part.name(), to, part.kind(), List.of());
        Node node = this.steps.add(change, Phase.RENAME);
        this.steps.events(renamed).renames.add(node);
        this.steps.releases(node, part);
        this.steps.claims(node, renamed);
        this.current = SchemaRewriter.renamePart(this.current, part, to);
    }

}
