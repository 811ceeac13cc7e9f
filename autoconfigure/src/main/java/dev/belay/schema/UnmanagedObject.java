package dev.belay.schema;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An object in the schema that Belay does not model (a view, function, trigger, domain, a cast
 * through a function or on such a type, ...).
 * Belay never creates, changes or drops one, but knows which tables and columns it uses, so a
 * plan can say when a change would break it.
 *
 * @param kind what the object is, e.g. {@code view}, {@code function}, {@code trigger}
 * @param name its name (a function's with its argument types, a trigger's with its table, a cast's
 * its types: {@code (mood AS text)})
 * @param dependencies the tables and columns of this schema that it uses
 */
public record UnmanagedObject(String kind, String name, SortedSet<ObjectId> dependencies) {

    public UnmanagedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        dependencies = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(dependencies));
    }

    public static UnmanagedObject of(String kind, String name, Set<ObjectId> dependencies) {
        return new UnmanagedObject(kind, name, new TreeSet<>(dependencies));
    }

    @Override
    public String toString() {
        return this.kind + " " + this.name;
    }

}
