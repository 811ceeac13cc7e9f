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
import dev.belay.schema.ObjectId;
import dev.belay.schema.ObjectKind;
import dev.belay.schema.Schema;
import dev.belay.schema.Sequence;
import dev.belay.schema.Table;

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
            renameMatching(table.checkConstraints(), wanted.checkConstraints());
            renameMatching(table.foreignKeys(), wanted.foreignKeys());
            renameMatching(table.indexes(), wanted.indexes());
        }
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
