package dev.belay.diff;

import java.util.List;

import dev.belay.actions.EnumColumn;
import dev.belay.schema.WrittenExpressions;

/**
 * Changes that create checks, defaults and generation expressions, made with the text the
 * desired schema's source wrote them in instead of their rendering (see
 * {@link WrittenExpressions}). Every other change, and every expression whose written text is
 * not known for its rendering, stays as it is.
 */
final class WrittenChanges {

    private WrittenChanges() {
    }

    static Change apply(Change change, WrittenExpressions written) {
        if (change instanceof Change.CreateTable create) {
            return new Change.CreateTable(create.name(), create.columns().stream().map(written::apply).toList(),
                    create.hazards());
        }
        if (change instanceof Change.AddColumn add) {
            return new Change.AddColumn(add.table(), written.apply(add.column()), add.notNullWhenEmpty(), add.hazards());
        }
        if (change instanceof Change.SetColumnDefault set) {
            String text = written.defaultOf(set.table(), set.column(), set.expression());
            return (text != null) ? new Change.SetColumnDefault(set.table(), set.column(), text, set.hazards()) : set;
        }
        if (change instanceof Change.SetGeneratedExpression set) {
            String text = written.generatedOf(set.table(), set.column(), set.expression());
            return (text != null) ? new Change.SetGeneratedExpression(set.table(), set.column(), text, set.hazards())
                    : set;
        }
        if (change instanceof Change.AddCheckConstraint add) {
            return new Change.AddCheckConstraint(written.apply(add.check()), add.hazards());
        }
        if (change instanceof Change.AddCheckConstraintNotValid add) {
            return new Change.AddCheckConstraintNotValid(written.apply(add.check()), add.hazards());
        }
        if (change instanceof Change.ReplaceEnumType replace) {
            List<EnumColumn> columns = replace.columns().stream().map((column) -> apply(column, written)).toList();
            return new Change.ReplaceEnumType(replace.name(), replace.labels(), columns, replace.hazards());
        }
        return change;
    }

    private static EnumColumn apply(EnumColumn column, WrittenExpressions written) {
        String text = written.defaultOf(column.table(), column.column(), column.defaultExpression());
        return (text != null) ? new EnumColumn(column.table(), column.column(), column.array(), text) : column;
    }

}
