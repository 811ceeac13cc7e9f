package dev.belay.schema.postgres;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.belay.schema.Cast;
import dev.belay.schema.CastContext;
import dev.belay.schema.CastMethod;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.Deferrability;
import dev.belay.schema.EnumType;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.GeneratedColumn;
import dev.belay.schema.Identity;
import dev.belay.schema.Index;
import dev.belay.schema.MatchType;
import dev.belay.schema.ObjectId;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.ReferentialAction;
import dev.belay.schema.Schema;
import dev.belay.schema.Sequence;
import dev.belay.schema.SequenceOptions;
import dev.belay.schema.Table;
import dev.belay.schema.UniqueConstraint;
import dev.belay.schema.UnmanagedObject;

/** Turns the rows of the {@link CatalogQueries} into a {@link Schema}, one result set at a time. */
final class SchemaAssembler {

    private final Map<String, TableParts> tables = new TreeMap<>();

    private final List<EnumType> enumTypes = new ArrayList<>();

    private final List<Sequence> sequences = new ArrayList<>();

    private final List<Cast> casts = new ArrayList<>();

    private final Map<String, UnmanagedParts> unmanaged = new LinkedHashMap<>();

    void readColumns(ResultSet rows) throws SQLException {
        while (rows.next()) {
            TableParts table = this.tables.computeIfAbsent(rows.getString("relname"), TableParts::new);
            table.comment = rows.getString("table_comment");
            String name = rows.getString("attname");
            if (name == null) {
                continue;
            }
            table.attributes.put(rows.getInt("attnum"), name);
            String expression = rows.getString("expression");
            String generation = rows.getString("attgenerated");
            GeneratedColumn generated = null;
            if (generation != null && !generation.isEmpty()) {
                generated = new GeneratedColumn(expression, "v".equals(generation) ? GeneratedColumn.Kind.VIRTUAL
                        : GeneratedColumn.Kind.STORED);
                expression = null;
            }
            table.columns.put(name, new Column(table.name, name, rows.getString("type"), rows.getBoolean("attnotnull"),
                    expression, identity(rows), generated, rows.getString("collation"),
                    rows.getString("column_comment")));
        }
    }

    private static @Nullable Identity identity(ResultSet rows) throws SQLException {
        String identity = rows.getString("attidentity");
        if (identity == null || identity.isEmpty()) {
            return null;
        }
        Identity.Generation generation = "a".equals(identity) ? Identity.Generation.ALWAYS
                : Identity.Generation.BY_DEFAULT;
        return new Identity(generation, sequenceOptions(rows, "identity_type"));
    }

    private static SequenceOptions sequenceOptions(ResultSet rows, String typeColumn) throws SQLException {
        return new SequenceOptions(rows.getString(typeColumn), rows.getLong("seqstart"), rows.getLong("seqincrement"),
                rows.getLong("seqmin"), rows.getLong("seqmax"), rows.getLong("seqcache"), rows.getBoolean("seqcycle"));
    }

    void readConstraints(ResultSet rows) throws SQLException {
        while (rows.next()) {
            TableParts table = this.tables.get(rows.getString("relname"));
            if (table == null) {
                continue;
            }
            String name = rows.getString("conname");
            List<String> columns = table.names(ints(rows.getArray("conkey")));
            Deferrability deferrability = !rows.getBoolean("condeferrable") ? Deferrability.NOT_DEFERRABLE
                    : rows.getBoolean("condeferred") ? Deferrability.DEFERRABLE_INITIALLY_DEFERRED
                            : Deferrability.DEFERRABLE_INITIALLY_IMMEDIATE;
            switch (rows.getString("contype")) {
                case "p" -> table.primaryKey = new PrimaryKey(table.name, name, columns, deferrability);
                case "u" -> table.uniqueConstraints.put(name, new UniqueConstraint(table.name, name, columns,
                        rows.getBoolean("nulls_not_distinct"), deferrability));
                case "c" -> table.checkConstraints.put(name,
                        new CheckConstraint(table.name, name, rows.getString("check_expression"), columns));
                case "f" -> table.foreignKeys.put(name,
                        new ForeignKey(table.name, name, columns, rows.getString("target_schema"),
                                rows.getString("target_table"), targetColumns(rows),
                                action(rows.getString("confupdtype")), action(rows.getString("confdeltype")),
                                match(rows.getString("confmatchtype")), deferrability));
                default -> throw new IllegalStateException("Unexpected constraint type " + rows.getString("contype"));
            }
        }
    }

    private List<String> targetColumns(ResultSet rows) throws SQLException {
        Array names = rows.getArray("target_column_names");
        if (names != null) {
            return strings(names);
        }
        TableParts target = this.tables.get(rows.getString("target_table"));
        if (target == null) {
            throw new IllegalStateException("Foreign key " + rows.getString("conname") + " references table "
                    + rows.getString("target_table") + ", which the inspection did not read");
        }
        return target.names(ints(rows.getArray("confkey")));
    }

    void readIndexes(ResultSet rows) throws SQLException {
        while (rows.next()) {
            TableParts table = this.tables.get(rows.getString("relname"));
            if (table == null) {
                continue;
            }
            String name = rows.getString("index_name");
            List<String> keys = IndexKeys.parse(rows.getString("definition"), rows.getString("definition_prefix"));
            List<Integer> attnums = ints(rows.getArray("attnums"));
            int keyCount = rows.getInt("indnkeyatts");
            List<String> include = table.names(attnums.subList(keyCount, attnums.size()));
            TreeSet<String> reads = new TreeSet<>(table.names(
                    attnums.stream().filter((attnum) -> attnum > 0).toList()));
            reads.addAll(table.names(ints(rows.getArray("reads"))));
            table.indexes.put(name, new Index(table.name, name, rows.getBoolean("indisunique"), rows.getString("amname"),
                    keys, include, rows.getString("predicate"), rows.getBoolean("indnullsnotdistinct"), reads));
        }
    }

    void readEnumTypes(ResultSet rows) throws SQLException {
        while (rows.next()) {
            this.enumTypes.add(new EnumType(rows.getString("typname"), strings(rows.getArray("labels"))));
        }
    }

    void readSequences(ResultSet rows) throws SQLException {
        while (rows.next()) {
            String ownerTable = rows.getString("owner_table");
            String ownerColumn = rows.getString("owner_column");
            Sequence.ColumnRef owner = (ownerTable != null && ownerColumn != null)
                    ? new Sequence.ColumnRef(ownerTable, ownerColumn) : null;
            this.sequences.add(new Sequence(rows.getString("relname"), sequenceOptions(rows, "type"), owner));
        }
    }

    void readCasts(ResultSet rows) throws SQLException {
        while (rows.next()) {
            String source = rows.getString("source");
            String target = rows.getString("target");
            if (rows.getBoolean("managed")) {
                this.casts.add(new Cast(source, target, CastMethod.ofCode(rows.getString("castmethod")),
                        CastContext.ofCode(rows.getString("castcontext"))));
            }
            else {
                String name = "(" + source + " AS " + target + ")";
                this.unmanaged.computeIfAbsent("cast\0" + name, (key) -> new UnmanagedParts("cast", name));
            }
        }
    }

    void readUnmanaged(ResultSet rows) throws SQLException {
        while (rows.next()) {
            String kind = rows.getString(1);
            String name = rows.getString(2);
            UnmanagedParts object = this.unmanaged.computeIfAbsent(kind + '\0' + name,
                    (key) -> new UnmanagedParts(kind, name));
            String table = rows.getString(3);
            String column = rows.getString(4);
            if (table != null) {
                object.dependencies.add((column != null) ? ObjectId.column(table, column) : ObjectId.table(table));
            }
        }
    }

    Schema build() {
        List<Table> built = new ArrayList<>();
        for (TableParts parts : this.tables.values()) {
            built.add(new Table(parts.name, parts.columns, parts.primaryKey, parts.foreignKeys, parts.uniqueConstraints,
                    parts.checkConstraints, parts.indexes, parts.comment));
        }
        List<UnmanagedObject> others = this.unmanaged.values()
            .stream()
            .map((parts) -> new UnmanagedObject(parts.kind, parts.name, parts.dependencies))
            .toList();
        return Schema.of(this.enumTypes, this.sequences, built, this.casts).withUnmanaged(others);
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList((String[]) array.getArray());
        }
        finally {
            array.free();
        }
    }

    private static List<Integer> ints(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            Object[] values = (Object[]) array.getArray();
            List<Integer> ints = new ArrayList<>(values.length);
            for (Object value : values) {
                ints.add(((Number) value).intValue());
            }
            return ints;
        }
        finally {
            array.free();
        }
    }

    private static ReferentialAction action(String code) {
        return switch (code) {
            case "a" -> ReferentialAction.NO_ACTION;
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> throw new IllegalStateException("Unexpected referential action " + code);
        };
    }

    private static MatchType match(String code) {
        return switch (code) {
            case "f" -> MatchType.FULL;
            case "p" -> MatchType.PARTIAL;
            case "s" -> MatchType.SIMPLE;
            default -> throw new IllegalStateException("Unexpected foreign key match type " + code);
        };
    }

    private static final class TableParts {

        private final String name;

        private final Map<String, Column> columns = new LinkedHashMap<>();

        private final Map<Integer, String> attributes = new java.util.HashMap<>();

        private @Nullable PrimaryKey primaryKey;

        private final TreeMap<String, ForeignKey> foreignKeys = new TreeMap<>();

        private final TreeMap<String, UniqueConstraint> uniqueConstraints = new TreeMap<>();

        private final TreeMap<String, CheckConstraint> checkConstraints = new TreeMap<>();

        private final TreeMap<String, Index> indexes = new TreeMap<>();

        private @Nullable String comment;

        TableParts(String name) {
            this.name = name;
        }

        /** The names of the table's columns with the given attribute numbers, in order. */
        List<String> names(List<Integer> attnums) {
            List<String> names = new ArrayList<>(attnums.size());
            for (int attnum : attnums) {
                String column = this.attributes.get(attnum);
                if (column == null) {
                    throw new IllegalStateException("Table " + this.name + " has no column number " + attnum);
                }
                names.add(column);
            }
            return names;
        }

    }

    private static final class UnmanagedParts {

        private final String kind;

        private final String name;

        private final TreeSet<ObjectId> dependencies = new TreeSet<>();

        UnmanagedParts(String kind, String name) {
            this.kind = kind;
            this.name = name;
        }

    }

}
