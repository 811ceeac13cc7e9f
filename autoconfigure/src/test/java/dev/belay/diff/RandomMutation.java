package dev.belay.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.belay.diff.RandomSchema.ColumnSpec;
import dev.belay.diff.RandomSchema.EnumSpec;
import dev.belay.diff.RandomSchema.IndexSpec;
import dev.belay.diff.RandomSchema.KeyKind;
import dev.belay.diff.RandomSchema.SequenceSpec;
import dev.belay.diff.RandomSchema.TableSpec;

/**
 * One random edit of a {@link RandomSchema}: the kind and three numbers that pick what it
 * edits and how (each taken modulo what there is to pick from), so any list of mutations applies
 * to any schema, which keeps shrinking free.
 */
record RandomMutation(Kind kind, int a, int b, int c) {

    enum Kind {

        ADD_TABLE, DROP_TABLE, RENAME_TABLE, RENAME_COLUMN, CHANGE_KEY, TOGGLE_GENERATED, TABLE_COMMENT, ADD_COLUMN, DROP_COLUMN, CHANGE_TYPE,
        TOGGLE_NOT_NULL, TOGGLE_DEFAULT, COLUMN_COMMENT, ADD_INDEX, DROP_INDEX, TOGGLE_INDEX_UNIQUE, ADD_UNIQUE,
        DROP_UNIQUE, ADD_CHECK, DROP_CHECK, ADD_FOREIGN_KEY, DROP_FOREIGN_KEY, ADD_ENUM, DROP_ENUM, ADD_LABEL,
        REMOVE_LABEL, SWAP_LABELS, ADD_SEQUENCE, DROP_SEQUENCE, CHANGE_SEQUENCE

    }

    RandomSchema applyTo(RandomSchema schema) {
        List<TableSpec> tables = new ArrayList<>(schema.tables());
        List<EnumSpec> enums = new ArrayList<>(schema.enums());
        List<SequenceSpec> sequences = new ArrayList<>(schema.sequences());
        switch (this.kind) {
            case ADD_TABLE -> {
                int id = tables.stream().mapToInt(TableSpec::id).max().orElse(-1) + 1;
                tables.add(new TableSpec(id, tableName(id), KeyKind.values()[this.a % KeyKind.values().length], false,
                        List.of(column(0, this.b, this.c)), List.of(), List.of(), List.of(), List.of(), null));
            }
            case DROP_TABLE -> {
                if (!tables.isEmpty()) {
                    tables.remove(this.a % tables.size());
                }
            }
            case RENAME_TABLE -> {
                if (!tables.isEmpty()) {
                    int index = this.a % tables.size();
                    TableSpec table = tables.get(index);
                    tables.set(index, new TableSpec(table.id(), renamed(table.name(), tableName(table.id())), table.key(),
                            table.generated(), table.columns(), table.indexes(), table.uniques(), table.checks(),
                            table.foreignKeys(), table.comment()));
                }
            }
            case ADD_ENUM -> {
                int id = enums.stream().mapToInt(EnumSpec::id).max().orElse(-1) + 1;
                enums.add(new EnumSpec(id, (id == 0) ? "ride_type" : "Kind " + id,
                        List.of(RandomSchema.LABELS.get(this.a % RandomSchema.LABELS.size()))));
            }
            case DROP_ENUM -> {
                if (!enums.isEmpty()) {
                    enums.remove(this.a % enums.size());
                }
            }
            case ADD_LABEL, REMOVE_LABEL, SWAP_LABELS -> {
                if (!enums.isEmpty()) {
                    int index = this.a % enums.size();
                    EnumSpec type = enums.get(index);
                    enums.set(index, new EnumSpec(type.id(), type.name(), labels(type.labels())));
                }
            }
            case ADD_SEQUENCE -> sequences.add(new SequenceSpec("seq " + sequences.size() + this.a % 3,
                    List.of("integer", "bigint", "smallint").get(this.b % 3), 1 + this.c % 5, 1 + this.a % 100,
                    tables.isEmpty() ? null : tables.get(this.c % tables.size()).id()));
            case DROP_SEQUENCE -> {
                if (!sequences.isEmpty()) {
                    sequences.remove(this.a % sequences.size());
                }
            }
            case CHANGE_SEQUENCE -> {
                if (!sequences.isEmpty()) {
                    int index = this.a % sequences.size();
                    SequenceSpec sequence = sequences.get(index);
                    sequences.set(index, new SequenceSpec(sequence.name(), List.of("integer", "bigint").get(this.b % 2),
                            1 + this.c % 7, sequence.start(), (this.b % 3 == 0) ? null : sequence.owner()));
                }
            }
            default -> {
                if (!tables.isEmpty()) {
                    int index = this.a % tables.size();
                    tables.set(index, applyTo(tables.get(index), tables));
                }
            }
        }
        // Names must stay unique: a sequence name taken twice is dropped.
        List<String> names = new ArrayList<>();
        sequences.removeIf((sequence) -> {
            boolean duplicate = names.contains(sequence.name());
            names.add(sequence.name());
            return duplicate;
        });
        return new RandomSchema(enums, sequences, tables);
    }

    private TableSpec applyTo(TableSpec table, List<TableSpec> tables) {
        List<ColumnSpec> columns = new ArrayList<>(table.columns());
        List<IndexSpec> indexes = new ArrayList<>(table.indexes());
        List<List<Integer>> uniques = new ArrayList<>(table.uniques());
        List<Integer> checks = new ArrayList<>(table.checks());
        List<Integer> foreignKeys = new ArrayList<>(table.foreignKeys());
        KeyKind key = table.key();
        boolean generated = table.generated();
        String comment = table.comment();
        int columnIndex = columns.isEmpty() ? -1 : this.b % columns.size();
        switch (this.kind) {
            case CHANGE_KEY -> key = KeyKind.values()[(key.ordinal() + 1 + this.b % 3) % KeyKind.values().length];
            case TOGGLE_GENERATED -> generated = !generated;
            case TABLE_COMMENT -> comment = (comment == null) ? "it's a \"table\" " + this.b : null;
            case ADD_COLUMN -> {
                int id = columns.stream().mapToInt(ColumnSpec::id).max().orElse(-1) + 1;
                columns.add(column(id, this.b, this.c));
            }
            case DROP_COLUMN -> {
                if (columnIndex >= 0) {
                    columns.remove(columnIndex);
                }
            }
            case RENAME_COLUMN -> edit(columns, columnIndex, (column) -> new ColumnSpec(column.id(),
                    renamed(column.name(), columnName(column.id())), column.type(), column.enumId(), column.notNull(),
                    column.hasDefault(), column.comment()));
            case CHANGE_TYPE -> edit(columns, columnIndex, (column) -> new ColumnSpec(column.id(), column.name(),
                    otherType(column.type(), this.c), column.enumId(), column.notNull(), column.hasDefault(),
                    column.comment()));
            case TOGGLE_NOT_NULL -> edit(columns, columnIndex, (column) -> new ColumnSpec(column.id(), column.name(),
                    column.type(), column.enumId(), !column.notNull(), column.hasDefault(), column.comment()));
            case TOGGLE_DEFAULT -> edit(columns, columnIndex, (column) -> new ColumnSpec(column.id(), column.name(),
                    column.type(), column.enumId(), column.notNull(), !column.hasDefault(), column.comment()));
            case COLUMN_COMMENT -> edit(columns, columnIndex, (column) -> new ColumnSpec(column.id(), column.name(),
                    column.type(), column.enumId(), column.notNull(), column.hasDefault(),
                    (column.comment() == null) ? "note " + this.c : null));
            case ADD_INDEX -> {
                if (columnIndex >= 0) {
                    indexes.add(new IndexSpec(List.of(columns.get(columnIndex).id(), columns.get(this.c % columns.size()).id()),
                            this.c % 3 == 0, this.c % 2 == 0, this.c % 5 == 0));
                }
            }
            case DROP_INDEX -> {
                if (!indexes.isEmpty()) {
                    indexes.remove(this.b % indexes.size());
                }
            }
            case TOGGLE_INDEX_UNIQUE -> {
                if (!indexes.isEmpty()) {
                    int index = this.b % indexes.size();
                    IndexSpec old = indexes.get(index);
                    indexes.set(index, new IndexSpec(old.columns(), !old.unique(), old.lower(), old.partial()));
                }
            }
            case ADD_UNIQUE -> {
                if (columnIndex >= 0) {
                    uniques.add(List.of(columns.get(columnIndex).id()));
                }
            }
            case DROP_UNIQUE -> {
                if (!uniques.isEmpty()) {
                    uniques.remove(this.b % uniques.size());
                }
            }
            case ADD_CHECK -> {
                if (columnIndex >= 0) {
                    checks.add(columns.get(columnIndex).id());
                }
            }
            case DROP_CHECK -> {
                if (!checks.isEmpty()) {
                    checks.remove(this.b % checks.size());
                }
            }
            case ADD_FOREIGN_KEY -> {
                int target = tables.get(this.b % tables.size()).id();
                if (!foreignKeys.contains(target)) {
                    foreignKeys.add(target);
                }
            }
            case DROP_FOREIGN_KEY -> {
                if (!foreignKeys.isEmpty()) {
                    foreignKeys.remove(this.b % foreignKeys.size());
                }
            }
            default -> {
            }
        }
        return new TableSpec(table.id(), table.name(), key, generated, columns, indexes, uniques, checks, foreignKeys,
                comment);
    }

    private List<String> labels(List<String> labels) {
        List<String> edited = new ArrayList<>(labels);
        switch (this.kind) {
            case ADD_LABEL -> {
                String label = RandomSchema.LABELS.get(this.b % RandomSchema.LABELS.size());
                if (!edited.contains(label)) {
                    edited.add(this.c % (edited.size() + 1), label);
                }
            }
            case REMOVE_LABEL -> {
                if (edited.size() > 1) {
                    edited.remove(this.b % edited.size());
                }
            }
            default -> {
                if (edited.size() > 1) {
                    Collections.swap(edited, this.b % edited.size(), this.c % edited.size());
                }
            }
        }
        return edited;
    }

    /**
     * A new name for something named {@code name}, unique because it extends the unique name the
     * object was born with, and short enough for PostgreSQL.
     */
    private String renamed(String name, String original) {
        String suffix = List.of(" renamed", "_v2", " Neu").get(this.c % 3);
        return (name.length() > 40) ? original : name + suffix;
    }

    static String tableName(int id) {
        String name = RandomSchema.TABLE_NAMES.get(id % RandomSchema.TABLE_NAMES.size());
        return (id < RandomSchema.TABLE_NAMES.size()) ? name : name + " " + id;
    }

    static String columnName(int id) {
        String name = RandomSchema.COLUMN_NAMES.get(id % RandomSchema.COLUMN_NAMES.size());
        return (id < RandomSchema.COLUMN_NAMES.size()) ? name : name + id;
    }

    static ColumnSpec column(int id, int type, int flags) {
        return new ColumnSpec(id, columnName(id),
                RandomSchema.TYPES.get(type % RandomSchema.TYPES.size()), flags % 3, flags % 2 == 0, flags % 3 == 0,
                (flags % 7 == 0) ? "it's \"noted\"" : null);
    }

    /** Another type of the same family, or text, or (from text) any type: conversions PostgreSQL can cast. */
    private static String otherType(String type, int pick) {
        String family = RandomSchema.family(type);
        List<String> candidates = new ArrayList<>();
        for (String other : RandomSchema.TYPES) {
            if (!other.equals(type) && (family.equals("text") || RandomSchema.family(other).equals(family)
                    || RandomSchema.family(other).equals("text"))) {
                candidates.add(other);
            }
        }
        return candidates.get(pick % candidates.size());
    }

    private static void edit(List<ColumnSpec> columns, int index, UnaryOperator<ColumnSpec> edit) {
        if (index >= 0) {
            columns.set(index, edit.apply(columns.get(index)));
        }
    }

}
