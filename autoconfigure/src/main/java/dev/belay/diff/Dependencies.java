package dev.belay.diff;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.belay.schema.Column;
import dev.belay.schema.DbObject;
import dev.belay.schema.ObjectId;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;

/**
 * The objects of one schema that an object needs, as {@link Schema#dependenciesOf(DbObject)}
 * has them, plus the columns a generated column computes from (PostgreSQL will neither drop
 * nor retype a column a generated column reads). Cached, since ordering asks many times.
 */
final class Dependencies {

    private final Schema schema;

    private final Map<ObjectId, Set<ObjectId>> cache = new HashMap<>();

    Dependencies(Schema schema) {
        this.schema = schema;
    }

    Schema schema() {
        return this.schema;
    }

    Set<ObjectId> of(DbObject object) {
        return this.cache.computeIfAbsent(object.id(), (id) -> compute(object));
    }

    private Set<ObjectId> compute(DbObject object) {
        Set<ObjectId> dependencies = this.schema.dependenciesOf(object);
        if (object instanceof Column column && column.generated() != null) {
            Table table = this.schema.tables().get(column.table());
            if (table != null) {
                dependencies = new LinkedHashSet<>(dependencies);
                for (String used : Expressions.columnsUsed(column.generated().expression(), table.columns().keySet())) {
                    if (!used.equals(column.name())) {
                        dependencies.add(ObjectId.column(column.table(), used));
                    }
                }
            }
        }
        return dependencies;
    }

}
