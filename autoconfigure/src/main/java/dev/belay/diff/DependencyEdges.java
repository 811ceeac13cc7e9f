package dev.belay.diff;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.belay.diff.ChangeGraph.Node;
import dev.belay.diff.PlanSteps.Events;
import dev.belay.schema.DbObject;
import dev.belay.schema.ObjectId;
import dev.belay.schema.Table;

/**
 * The order constraints that objects' dependencies impose on their changes, as Mountaineer's
 * migrator has them:
 * <ul>
 * <li>an object is created or changed after what it needs in the desired schema is renamed,
 * created or changed (types before columns, columns before keys, a key before the foreign keys
 * that reference it);</li>
 * <li>an object is dropped or changed before what it needed in the current schema is dropped,
 * and dropped before that is changed (an index before its column's type changes); a change
 * that stops needing something goes before that something changes (a column moved off an enum
 * type before the type is recreated);</li>
 * <li>an object's own changes go in order: renames, drops, changes, creations.</li>
 * </ul>
 */
final class DependencyEdges {

    private final PlanSteps steps;

    private final Dependencies current;

    private final Dependencies desired;

    private DependencyEdges(PlanSteps steps, Dependencies current, Dependencies desired) {
        this.steps = steps;
        this.current = current;
        this.desired = desired;
    }

    static void add(PlanSteps steps, Dependencies current, Dependencies desired) {
        new DependencyEdges(steps, current, desired).add();
    }

    private void add() {
        ChangeGraph graph = this.steps.graph();
        for (Map.Entry<ObjectId, Events> entry : this.steps.allEvents().entrySet()) {
            ObjectId id = entry.getKey();
            Events own = entry.getValue();
            chain(own.drop);
            chain(own.alter);
            chain(own.create);
            for (List<Node> later : List.of(own.drop, own.alter, own.create)) {
                graph.edges(own.renames, later);
            }
            graph.edges(own.drop, own.alter);
            graph.edges(own.drop, own.create);
            DbObject wanted = this.desired.schema().find(id).orElse(null);
            DbObject old = this.current.schema().find(id).orElse(null);
            Set<ObjectId> wantedNeeds = (wanted != null) ? this.desired.of(wanted) : Set.of();
            for (ObjectId dependency : wantedNeeds) {
                Events needed = this.steps.eventsFor(dependency);
                if (needed != null && needed != own) {
                    for (List<Node> before : List.of(needed.renames, needed.create, needed.alter)) {
                        graph.edges(before, own.create);
                        graph.edges(before, own.alter);
                    }
                }
            }
            if (old == null) {
                continue;
            }
            for (ObjectId dependency : oldNeeds(old)) {
                Events needed = this.steps.eventsFor(dependency);
                if (needed == null || needed == own) {
                    continue;
                }
                graph.edges(own.drop, needed.drop);
                graph.edges(own.alter, needed.drop);
                graph.edges(own.drop, needed.alter);
                if (!wantedNeeds.contains(dependency)) {
                    graph.edges(own.alter, needed.alter);
                }
            }
        }
    }

    /**
     * What the object needs in the current schema; for a table that is dropped, also what its
     * columns, keys and foreign keys need, since its {@code DROP TABLE} drops them (its foreign
     * keys must go before a key they reference is dropped).
     */
    private Set<ObjectId> oldNeeds(DbObject old) {
        if (!(old instanceof Table table) || this.steps.fate(table.id()) != Fate.DROP) {
            return this.current.of(old);
        }
        Set<ObjectId> needs = new LinkedHashSet<>(this.current.of(table));
        for (DbObject part : table.parts()) {
            if (!this.steps.hasEvents(part.id())) {
                needs.addAll(this.current.of(part));
            }
        }
        return needs;
    }

    private void chain(List<Node> nodes) {
        for (int i = 1; i < nodes.size(); i++) {
            this.steps.graph().edge(nodes.get(i - 1), nodes.get(i));
        }
    }

}
