package dev.belay.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

import dev.belay.schema.ObjectId;

/**
 * The changes of a plan and the order constraints between them, sorted topologically. Among the
 * changes that may go next, the one with the lowest {@link Phase}, then object id, then
 * insertion order goes first, so the same inputs always give the same order and the order reads
 * naturally (drops, then creations, then constraints) wherever dependencies leave a choice.
 * <p>
 * Changes also claim and release names (a relation name, a constraint name on a table, ...): a
 * change that takes a name always follows the change that frees it.
 */
final class ChangeGraph {

    private static final Comparator<Node> ORDER = Comparator.comparing((Node node) -> node.phase)
        .thenComparing((node) -> node.key)
        .thenComparingInt((node) -> node.index);

    private final List<Node> nodes = new ArrayList<>();

    private final Map<String, List<Node>> claims = new HashMap<>();

    private final Map<String, List<Node>> releases = new HashMap<>();

    Node add(Change change, Phase phase) {
        Node node = new Node(change, phase, change.object(), this.nodes.size());
        this.nodes.add(node);
        return node;
    }

    /** {@code before} must run before {@code after}; an edge from a node to itself is ignored. */
    void edge(Node before, Node after) {
        if (before != after && before.successors.add(after)) {
            after.pending++;
        }
    }

    void edges(Iterable<Node> before, Iterable<Node> after) {
        for (Node first : before) {
            for (Node second : after) {
                edge(first, second);
            }
        }
    }

    /** The node introduces a name (creates or renames something to it). */
    void claims(Node node, String name) {
        this.claims.computeIfAbsent(name, (key) -> new ArrayList<>()).add(node);
    }

    /** The node frees a name (drops or renames away what had it). */
    void releases(Node node, String name) {
        this.releases.computeIfAbsent(name, (key) -> new ArrayList<>()).add(node);
    }

    /** The changes in an order that respects every edge. */
    List<Change> sorted() {
        this.releases.forEach((name, releasers) -> edges(releasers, this.claims.getOrDefault(name, List.of())));
        PriorityQueue<Node> ready = new PriorityQueue<>(ORDER);
        for (Node node : this.nodes) {
            if (node.pending == 0) {
                ready.add(node);
            }
        }
        List<Change> order = new ArrayList<>(this.nodes.size());
        while (!ready.isEmpty()) {
            Node node = ready.poll();
            order.add(node.change);
            for (Node successor : node.successors) {
                if (--successor.pending == 0) {
                    ready.add(successor);
                }
            }
        }
        if (order.size() != this.nodes.size()) {
            String stuck = this.nodes.stream()
                .filter((node) -> node.pending > 0)
                .map((node) -> node.change.getClass().getSimpleName() + " " + node.key)
                .collect(Collectors.joining(", "));
            throw new IllegalStateException("Belay could not order these changes (they depend on each other in a "
                    + "cycle); please report it with the two schemas: " + stuck);
        }
        return order;
    }

    /** One change in the graph. */
    static final class Node {

        private final Change change;

        private final Phase phase;

        private final ObjectId key;

        private final int index;

        private final Set<Node> successors = new LinkedHashSet<>();

        private int pending;

        private Node(Change change, Phase phase, ObjectId key, int index) {
            this.change = change;
            this.phase = phase;
            this.key = key;
            this.index = index;
        }

        Change change() {
            return this.change;
        }

    }

    /**
     * Where a change goes when its dependencies leave a choice: renames first, then drops (of
     * what depends on others first), then creations and changes, then keys, indexes and foreign
     * keys, then validations.
     * <p>
     * Online-safe plans add phases after those, for the steps that run outside a transaction and
     * those that build on them: indexes built and dropped {@code CONCURRENTLY} and validations
     * (which commit on their own), then keys made {@code USING INDEX} and what a validation makes
     * cheap ({@code SET NOT NULL} through a valid check), which are transactional again. Grouping
     * them keeps the transactional steps together, so the plan splits into few revisions, usually
     * transactional, non-transactional, transactional (see {@link PlanSegment}). Plans that are not
     * online-safe use none of these, so their order is as it was before these phases existed.
     */
    enum Phase {

        RENAME, DROP_FOREIGN_KEY, DROP_CONSTRAINT, DROP_INDEX, RELAX_COLUMN, DROP_COLUMN, DROP_TABLE, DROP_SEQUENCE,
        DROP_CAST, DROP_TYPE, TYPE, CAST, SEQUENCE, TABLE, ADD_COLUMN, COLUMN, SEQUENCE_OWNER, KEY, INDEX, FOREIGN_KEY, CONCURRENTLY,
        VALIDATE, USING_INDEX, AFTER_VALIDATE

    }

}
