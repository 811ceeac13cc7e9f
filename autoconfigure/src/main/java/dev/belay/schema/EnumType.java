package dev.belay.schema;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A native PostgreSQL enum type.
 *
 * @param name the type's name
 * @param labels the labels in their sort order
 */
public record EnumType(String name, List<String> labels) implements DbObject {

    public EnumType {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
        if (Set.copyOf(labels).size() != labels.size()) {
            throw new IllegalArgumentException("Enum type " + name + " has a label twice: " + labels);
        }
    }

    public static EnumType of(String name, String... labels) {
        return new EnumType(name, List.of(labels));
    }

    @Override
    public ObjectId id() {
        return ObjectId.enumType(this.name);
    }

    @Override
    public Set<ObjectId> dependencies() {
        return Set.of();
    }

}
