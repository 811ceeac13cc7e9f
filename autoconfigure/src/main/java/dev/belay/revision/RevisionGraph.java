package dev.belay.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * All revisions of an application as a directed acyclic graph ({@code after} points to parents),
 * validated on construction and linearised deterministically: a topological order in which, of the
 * revisions that could come next, the one with the smallest id comes first.
 * <p>
 * Every error names the revisions involved and says how to fix them.
 */
public final class RevisionGraph {

    private final List<RevisionInfo> linear;

    private final Map<String, RevisionInfo> byId;

    private final Map<String, Set<String>> children;

    private RevisionGraph(List<RevisionInfo> linear, Map<String, Set<String>> children) {
        this.linear = List.copyOf(linear);
        Map<String, RevisionInfo> index = new LinkedHashMap<>();
        linear.forEach((revision) -> index.put(revision.id(), revision));
        this.byId = Collections.unmodifiableMap(index);
        this.children = children;
    }

    /**
     * Validates the revisions and orders them.
     * @throws RevisionGraphException for duplicate or blank ids, parents that are unknown,
     * repeated or the revision itself, cycles, and more than one root
     */
    public static RevisionGraph of(Collection<RevisionInfo> revisions) {
        Map<String, RevisionInfo> byId = indexById(revisions);
        checkParents(byId);
        Map<String, Set<String>> children = children(byId);
        List<RevisionInfo> linear = linearise(byId, children);
        RevisionGraph graph = new RevisionGraph(linear, children);
        graph.checkSingleRoot();
        return graph;
    }

    /** All revisions, parents before children, ties broken by id. */
    public List<RevisionInfo> revisions() {
        return this.linear;
    }

    public boolean isEmpty() {
        return this.linear.isEmpty();
    }

    public boolean contains(String id) {
        return this.byId.containsKey(id);
    }

    public Optional<RevisionInfo> find(String id) {
        return Optional.ofNullable(this.byId.get(id));
    }

    /**
     * The revision with this id.
     * @throws RevisionGraphException when there is none
     */
    public RevisionInfo get(String id) {
        RevisionInfo revision = this.byId.get(id);
        if (revision == null) {
            throw new RevisionGraphException("There is no revision '" + id + "'.",
                    "Use the id of an existing revision; the heads are " + quoted(heads()) + ".");
        }
        return revision;
    }

    /** The ids of revisions no other revision comes after, sorted. */
    public List<String> heads() {
        return this.linear.stream()
            .map(RevisionInfo::id)
            .filter((id) -> this.children.get(id).isEmpty())
            .sorted()
            .toList();
    }

    /** The ids of the revisions that come after this one, sorted. */
    public Set<String> childrenOf(String id) {
        get(id);
        return Collections.unmodifiableSet(this.children.get(id));
    }

    /**
     * The single head, for work that must build on exactly one revision (such as generating the
     * next one); empty when there are no revisions yet.
     * @throws RevisionGraphException when there are several heads
     */
    public Optional<RevisionInfo> head() {
        List<String> heads = heads();
        if (heads.size() > 1) {
            throw new RevisionGraphException(
                    "The revisions have " + heads.size() + " heads: " + describe(heads)
                            + "; this needs exactly one.",
                    "Merge them with a revision that comes after all of them, for example @MigrationRevision(id = "
                            + "\"<new id>\", after = {" + heads.stream().map((id) -> "\"" + id + "\"")
                                .collect(Collectors.joining(", "))
                            + "}, message = \"merge\") with empty up and down.");
        }
        return heads.isEmpty() ? Optional.empty() : Optional.of(this.byId.get(heads.get(0)));
    }

    /** The revision with this id and all revisions it comes after, directly or not. */
    public Set<String> lineage(String id) {
        get(id);
        Set<String> lineage = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(id);
        while (!todo.isEmpty()) {
            String current = todo.pop();
            if (lineage.add(current)) {
                todo.addAll(this.byId.get(current).parents());
            }
        }
        return lineage;
    }

    /**
     * The first thing {@code find} finds, looking at the given revisions and then at those they
     * come after, nearest first (breadth first): the mapping kept beside the nearest revision that
     * has one, say. Ids the graph does not know are looked at but not gone beyond.
     */
    public <T> Optional<T> nearest(Collection<String> from, Function<String, Optional<T>> find) {
        Deque<String> todo = new ArrayDeque<>(from);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.removeFirst();
            if (!seen.add(id)) {
                continue;
            }
            Optional<T> found = find.apply(id);
            if (found.isPresent()) {
                return found;
            }
            RevisionInfo info = this.byId.get(id);
            if (info != null) {
                todo.addAll(info.parents());
            }
        }
        return Optional.empty();
    }

    /**
     * The revisions to apply, in order, to bring a database that has the {@code applied} ones to
     * {@code target} (with all its ancestors), or to every head when the target is {@code null}.
     * @throws RevisionGraphException when the target is unknown
     */
    public List<RevisionInfo> pending(Set<String> applied, @Nullable String target) {
        Set<String> wanted = (target != null) ? lineage(target) : this.byId.keySet();
        return this.linear.stream()
            .filter((revision) -> wanted.contains(revision.id()) && !applied.contains(revision.id()))
            .toList();
    }

    /**
     * Checks that every revision the history table records is one of these revisions.
     * @param recorded the history table's rows
     * @param table the history table's name, for the message
     * @throws RevisionGraphException naming the revisions the application does not have
     */
    public void checkRecorded(List<HistoryEntry> recorded, String table) {
        List<HistoryEntry> unknown = recorded.stream().filter((entry) -> !contains(entry.id())).toList();
        if (unknown.isEmpty()) {
            return;
        }
        String list = unknown.stream()
            .map((entry) -> "'" + entry.id() + "' (" + entry.message() + ", applied " + entry.appliedAt() + " by "
                    + entry.appliedBy() + ")")
            .collect(Collectors.joining(", "));
        throw new RevisionGraphException(
                "The history table " + table + " records " + plural(unknown.size(), "revision")
                        + " that this application does not have: " + list + ".",
                "The database was probably migrated by a newer version of the application: run that version, or "
                        + "roll these revisions back with it first. If a revision class was deleted or its id "
                        + "changed, restore it: every revision ever applied must stay in the code.");
    }

    /** Names revisions with where they are declared, for messages. */
    public String describe(Collection<String> ids) {
        return ids.stream()
            .map((id) -> this.byId.containsKey(id) ? this.byId.get(id).describe() : "'" + id + "'")
            .collect(Collectors.joining(", "));
    }

    private static Map<String, RevisionInfo> indexById(Collection<RevisionInfo> revisions) {
        Map<String, List<RevisionInfo>> grouped = new TreeMap<>();
        List<String> blank = new ArrayList<>();
        for (RevisionInfo revision : revisions) {
            if (revision.id().isBlank()) {
                blank.add(revision.source());
            }
            else {
                grouped.computeIfAbsent(revision.id(), (id) -> new ArrayList<>()).add(revision);
            }
        }
        if (!blank.isEmpty()) {
            throw new RevisionGraphException("Revisions with a blank id: " + String.join(", ", blank) + ".",
                    "Give each revision a unique id in @MigrationRevision(id = ...), for example "
                            + "20261121_1530_add_author.");
        }
        List<String> duplicates = grouped.entrySet()
            .stream()
            .filter((entry) -> entry.getValue().size() > 1)
            .map((entry) -> "'" + entry.getKey() + "' is the id of " + entry.getValue()
                .stream()
                .map(RevisionInfo::source)
                .sorted()
                .collect(Collectors.joining(" and ")))
            .toList();
        if (!duplicates.isEmpty()) {
            throw new RevisionGraphException("Revision ids must be unique, but " + String.join("; ", duplicates) + ".",
                    "Give the newer revision an id of its own (a timestamp prefix such as 20261121_1530_ keeps ids "
                            + "unique) and update the `after` of the revisions that come after it; keep the id of "
                            + "any revision that a database already has.");
        }
        Map<String, RevisionInfo> byId = new LinkedHashMap<>();
        grouped.forEach((id, list) -> byId.put(id, list.get(0)));
        return byId;
    }

    private static void checkParents(Map<String, RevisionInfo> byId) {
        List<String> problems = new ArrayList<>();
        for (RevisionInfo revision : byId.values()) {
            Set<String> seen = new HashSet<>();
            for (String parent : revision.parents()) {
                if (!seen.add(parent)) {
                    problems.add(revision.describe() + " lists '" + parent + "' more than once in `after`");
                }
                else if (parent.equals(revision.id())) {
                    problems.add(revision.describe() + " lists itself in `after`");
                }
                else if (!byId.containsKey(parent)) {
                    problems.add(revision.describe() + " comes after '" + parent + "', but no revision has that id");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RevisionGraphException("Revisions come after revisions that do not exist: "
                    + String.join("; ", problems) + ".",
                    "Each id in `after` must be the id of another, older revision: correct the id, or restore the "
                            + "missing revision class (every revision ever applied must stay in the code).");
        }
    }

    private static Map<String, Set<String>> children(Map<String, RevisionInfo> byId) {
        Map<String, Set<String>> children = new HashMap<>();
        byId.keySet().forEach((id) -> children.put(id, new TreeSet<>()));
        byId.values().forEach((revision) -> revision.parents()
            .forEach((parent) -> children.get(parent).add(revision.id())));
        return children;
    }

    private static List<RevisionInfo> linearise(Map<String, RevisionInfo> byId, Map<String, Set<String>> children) {
        Map<String, Integer> waitingFor = new HashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>();
        byId.values().forEach((revision) -> {
            waitingFor.put(revision.id(), revision.parents().size());
            if (revision.parents().isEmpty()) {
                ready.add(revision.id());
            }
        });
        List<RevisionInfo> linear = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            linear.add(byId.get(id));
            for (String child : children.get(id)) {
                if (waitingFor.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (linear.size() < byId.size()) {
            Set<String> placed = linear.stream().map(RevisionInfo::id).collect(Collectors.toSet());
            throw cycle(byId, placed);
        }
        return linear;
    }

    /**
     * Every revision left out of the linear order waits for a parent that is also left out, so
     * walking up such parents from any of them must come back to a revision already seen.
     */
    private static RevisionGraphException cycle(Map<String, RevisionInfo> byId, Set<String> placed) {
        String start = byId.keySet().stream().filter((id) -> !placed.contains(id)).sorted().findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        String current = start;
        while (!position.containsKey(current)) {
            position.put(current, path.size());
            path.add(current);
            current = byId.get(current)
                .parents()
                .stream()
                .filter((parent) -> !placed.contains(parent))
                .sorted()
                .findFirst()
                .orElseThrow();
        }
        List<String> cycle = path.subList(position.get(current), path.size());
        Set<String> members = new LinkedHashSet<>(cycle);
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < cycle.size(); i++) {
            String from = cycle.get(i);
            String to = cycle.get((i + 1) % cycle.size());
            links.append((i == 0) ? "" : ", ").append("'").append(from).append("' after '").append(to).append("'");
        }
        return new RevisionGraphException("Revisions form a cycle through `after`: "
                + members.stream().map((id) -> byId.get(id).describe()).collect(Collectors.joining(", ")) + " ("
                + links + ").",
                "A revision may only come after older revisions: remove the `after` entry that points to a newer one.");
    }

    private void checkSingleRoot() {
        List<RevisionInfo> roots = this.linear.stream().filter((revision) -> revision.parents().isEmpty()).toList();
        if (roots.size() > 1) {
            throw new RevisionGraphException(
                    "Only the first revision may come after nothing, but " + roots.size() + " do: "
                            + roots.stream().map(RevisionInfo::describe).collect(Collectors.joining(", ")) + ".",
                    "Keep the oldest as the root and give each of the others `after` = the revision it follows "
                            + "(every chain must start from the same first revision, so that an empty database "
                            + "can be built from it).");
        }
    }

    private static String quoted(List<String> ids) {
        return ids.isEmpty() ? "(none: there are no revisions)"
                : ids.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + ((count == 1) ? "" : "s");
    }

}
