package dev.belay.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.belay.diff.ChangeGraph.Node;
import dev.belay.diff.ChangeGraph.Phase;
import dev.belay.schema.ObjectId;

import org.jspecify.annotations.Nullable;

/**
 * A plan while it is built: the graph its changes go into, the fate of each object, the changes
 * that rename, drop, change or create each object, and the names those changes take and free.
 */
final class PlanSteps {

    private final ChangeGraph graph = new ChangeGraph();

    private final Map<ObjectId, Events> events = new HashMap<>();

    private final Map<ObjectId, Fate> fates = new HashMap<>();

    private final Map<ObjectId, Node> notNullAfterValidation = new HashMap<>();

    private final List<PlanNote> notes = new ArrayList<>();

    Node add(Change change, Phase phase) {
        return this.graph.add(change, phase);
    }

    ChangeGraph graph() {
        return this.graph;
    }

    /** Adds a note for the plan's reader. */
    void note(PlanNote note) {
        this.notes.add(note);
    }

    /** The notes, in the order they were added. */
    List<PlanNote> notes() {
        return List.copyOf(this.notes);
    }

    @Nullable Fate fate(ObjectId id) {
        return this.fates.get(id);
    }

    boolean hasFate(ObjectId id) {
        return this.fates.containsKey(id);
    }

    void decide(ObjectId id, Fate fate) {
        this.fates.put(id, fate);
    }

    /**
     * Records the change that makes a column {@code NOT NULL} once a check has proven it has no
     * nulls (online-safe, PostgreSQL 12 to 17): it is not among the column's events, so what needs
     * the column {@code NOT NULL} asks for it here.
     */
    void notNullAfterValidation(ObjectId column, Node node) {
        this.notNullAfterValidation.put(column, node);
    }

    /** The change that makes the column {@code NOT NULL} after a validation, if the plan has one. */
    @Nullable Node notNullAfterValidation(ObjectId column) {
        return this.notNullAfterValidation.get(column);
    }

    /** The changes of an object, registering it if needed. */
    Events events(ObjectId id) {
        return this.events.computeIfAbsent(id, (key) -> new Events());
    }

    boolean hasEvents(ObjectId id) {
        return this.events.containsKey(id);
    }

    /**
     * The changes of an object; for a column, key, constraint or index of a table that is
     * created or dropped, those of the table, whose {@code CREATE TABLE} or {@code DROP TABLE}
     * creates or drops it too.
     */
    @Nullable Events eventsFor(ObjectId id) {
        Events own = this.events.get(id);
        if (own != null || id.table() == null) {
            return own;
        }
        Fate tableFate = this.fates.get(id.tableId());
        return (tableFate == Fate.CREATE || tableFate == Fate.DROP) ? this.events.get(id.tableId()) : null;
    }

    /** Every object with changes, in id order. */
    SortedMap<ObjectId, Events> allEvents() {
        return new TreeMap<>(this.events);
    }

    /** The node gives the object's names to it (creates it or renames something to it). */
    void claims(Node node, ObjectId id) {
        for (String name : names(id)) {
            this.graph.claims(node, name);
        }
    }

    /** The node takes the object's names away (drops it or renames it). */
    void releases(Node node, ObjectId id) {
        for (String name : names(id)) {
            this.graph.releases(node, name);
        }
    }

    /**
     * The names an object holds in PostgreSQL's namespaces: tables, sequences, indexes and the
     * indexes of keys share one (relations); a table is also a type; constraints are named per
     * table, and so are columns; a cast is known by its two types.
     */
    private static List<String> names(ObjectId id) {
        String table = id.table();
        return switch (id.kind()) {
            case PRIMARY_KEY, UNIQUE_CONSTRAINT -> List.of("relation " + id.name(), "constraint " + table + "\0" + id.name());
            case CHECK_CONSTRAINT, FOREIGN_KEY -> List.of("constraint " + table + "\0" + id.name());
            case INDEX, SEQUENCE -> List.of("relation " + id.name());
            case COLUMN -> List.of("column " + table + "\0" + id.name());
            case TABLE -> List.of("relation " + id.name(), "type " + id.name());
            case ENUM_TYPE -> List.of("type " + id.name());
            case CAST -> List.of("cast " + id.name());
        };
    }

    /** The changes that rename, drop, change or create one object, each list in order. */
    static final class Events {

        final List<Node> renames = new ArrayList<>();

        final List<Node> drop = new ArrayList<>();

        final List<Node> alter = new ArrayList<>();

        final List<Node> create = new ArrayList<>();

    }

}
