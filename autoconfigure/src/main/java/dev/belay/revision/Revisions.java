package dev.belay.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The revisions of an application: their validated {@link RevisionGraph}, and a way to get each
 * {@link Revision} when it has to run. Instances may be created lazily, so that revisions a
 * database already has are never built.
 */
public final class Revisions {

    private final RevisionGraph graph;

    private final Map<String, Supplier<? extends Revision>> instances;

    private final List<Entry> entries;

    private Revisions(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.graph = RevisionGraph.of(entries.stream().map(Entry::info).toList());
        this.instances = new HashMap<>();
        entries.forEach((entry) -> this.instances.put(entry.info().id(), entry.instance()));
    }

    /**
     * Revisions given as instances, each described by its class's {@link MigrationRevision}.
     * @throws MigrationException when a class has no {@code @MigrationRevision}
     * @throws RevisionGraphException when the revisions do not form a valid graph
     */
    public static Revisions of(Collection<? extends Revision> revisions) {
        return new Revisions(revisions.stream().map(Entry::of).toList());
    }

    /**
     * Revisions given as descriptions with a way to create each.
     * @throws RevisionGraphException when the revisions do not form a valid graph
     */
    public static Revisions ofEntries(List<Entry> entries) {
        return new Revisions(entries);
    }

    /**
     * These revisions and some more, such as revisions about to be written that are rehearsed
     * before they exist as classes.
     * @throws RevisionGraphException when they do not form a valid graph together
     */
    public Revisions plus(List<Entry> more) {
        List<Entry> all = new ArrayList<>(this.entries);
        all.addAll(more);
        return new Revisions(all);
    }

    public RevisionGraph graph() {
        return this.graph;
    }

    /** The revision with this id, created if it has not been yet. */
    public Revision instance(String id) {
        this.graph.get(id);
        return this.instances.get(id).get();
    }

    /**
     * One revision: its description and how to get it.
     *
     * @param info what the revision's annotation says
     * @param instance returns the revision, creating it on first use if need be
     */
    public record Entry(RevisionInfo info, Supplier<? extends Revision> instance) {

        public Entry {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(instance, "instance");
        }

        static Entry of(Revision revision) {
            return new Entry(RevisionInfo.of(revision.getClass()), () -> revision);
        }

    }

}
