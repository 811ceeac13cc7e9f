package dev.belay.schema;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Dependencies shared by the objects that live on a table's columns. */
final class Constraints {

    private Constraints() {
    }

    static Set<ObjectId> onColumns(String table, Collection<String> columns) {
        Set<ObjectId> dependencies = new LinkedHashSet<>();
        dependencies.add(ObjectId.table(table));
        for (String column : columns) {
            dependencies.add(ObjectId.column(table, column));
        }
        return Set.copyOf(dependencies);
    }

}
