package dev.belay.codegen;

import java.util.List;

import com.palantir.javapoet.CodeBlock;

import dev.belay.diff.Change;
import dev.belay.diff.ChangeVisitor;
import dev.belay.schema.CastContext;
import dev.belay.schema.CastMethod;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.Deferrability;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.Index;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.UniqueConstraint;

import static dev.belay.codegen.ModelCode.column;
import static dev.belay.codegen.ModelCode.deferrability;
import static dev.belay.codegen.ModelCode.enumColumn;
import static dev.belay.codegen.ModelCode.enumPosition;
import static dev.belay.codegen.ModelCode.foreignKey;
import static dev.belay.codegen.ModelCode.identity;
import static dev.belay.codegen.ModelCode.index;
import static dev.belay.codegen.ModelCode.list;
import static dev.belay.codegen.ModelCode.primaryKey;
import static dev.belay.codegen.ModelCode.sequenceOptions;
import static dev.belay.codegen.ModelCode.string;
import static dev.belay.codegen.ModelCode.strings;
import static dev.belay.codegen.ModelCode.uniqueConstraint;

/**
 * Each change as the one {@code DatabaseActions} call it stands for, without the trailing
 * semicolon: {@code m.actions().addColumn("ride", column("note", "text"))}. Tables, columns, keys
 * and indexes are written in the recipe book's short forms ({@link DefinitionCode}) where those
 * make the same value, and in the model's form ({@link ModelCode}) otherwise. A new kind of
 * change fails to compile here until it is given its call.
 */
final class ActionCalls implements ChangeVisitor<CodeBlock> {

    /** The name of the {@code Migrator} parameter of {@code up} and {@code down}. */
    static final String MIGRATOR = "m";

    static final ActionCalls INSTANCE = new ActionCalls();

    private ActionCalls() {
    }

    private static CodeBlock call(String method, String format, Object... args) {
        return CodeBlock.builder()
            .add("$L.actions().$L(", MIGRATOR, method)
            .add(JavaText.code(format, args))
            .add(")")
            .build();
    }

    // Enum types

    @Override
    public CodeBlock visitCreateEnumType(Change.CreateEnumType change) {
        return call("createEnumType", "$S, $L", change.name(), list(change.labels()));
    }

    @Override
    public CodeBlock visitDropEnumType(Change.DropEnumType change) {
        return call("dropEnumType", "$S", change.name());
    }

    @Override
    public CodeBlock visitAddEnumValue(Change.AddEnumValue change) {
        return call("addEnumValue", "$S, $S, $L", change.type(), change.label(), enumPosition(change.position()));
    }

    @Override
    public CodeBlock visitRenameEnumValue(Change.RenameEnumValue change) {
        return call("renameEnumValue", "$S, $S, $S", change.type(), change.from(), change.to());
    }

    @Override
    public CodeBlock visitReplaceEnumType(Change.ReplaceEnumType change) {
        CodeBlock columns = change.columns().isEmpty() ? JavaText.code("$T.of()", List.class)
                : JavaText.code("$T.of(\n$L)", List.class, change.columns()
                    .stream()
                    .map(ModelCode::enumColumn)
                    .collect(CodeBlock.joining(",\n")));
        return call("replaceEnumType", "$S, $L, $L", change.name(), list(change.labels()), columns);
    }

    // Casts

    @Override
    public CodeBlock visitCreateCast(Change.CreateCast change) {
        return call("createCast", "$S, $S, $T.$L, $T.$L", change.source(), change.target(), CastMethod.class,
                change.method().name(), CastContext.class, change.context().name());
    }

    @Override
    public CodeBlock visitDropCast(Change.DropCast change) {
        return call("dropCast", "$S, $S", change.source(), change.target());
    }

    // Sequences

    @Override
    public CodeBlock visitCreateSequence(Change.CreateSequence change) {
        return call("createSequence", "$S, $L", change.name(), sequenceOptions(change.options()));
    }

    @Override
    public CodeBlock visitAlterSequence(Change.AlterSequence change) {
        return call("alterSequence", "$S, $L", change.name(), sequenceOptions(change.options()));
    }

    @Override
    public CodeBlock visitSetSequenceStart(Change.SetSequenceStart change) {
        return call("setSequenceStart", "$S, $LL", change.name(), change.start());
    }

    @Override
    public CodeBlock visitRenameSequence(Change.RenameSequence change) {
        return call("renameSequence", "$S, $S", change.from(), change.to());
    }

    @Override
    public CodeBlock visitSetSequenceOwner(Change.SetSequenceOwner change) {
        return call("setSequenceOwner", "$S, $S, $S", change.sequence(), change.table(), change.column());
    }

    @Override
    public CodeBlock visitClearSequenceOwner(Change.ClearSequenceOwner change) {
        return call("clearSequenceOwner", "$S", change.sequence());
    }

    @Override
    public CodeBlock visitDropSequence(Change.DropSequence change) {
        return call("dropSequence", "$S", change.name());
    }

    // Tables

    /**
     * {@code createTable("ride", column("id", "bigint").identity(), ...)}, one column a line; the
     * model's {@code List.of(Column.of(...), ...)} when a column has no short form.
     */
    @Override
    public CodeBlock visitCreateTable(Change.CreateTable change) {
        CodeBlock.Builder definitions = CodeBlock.builder().add(JavaText.code("$S", change.name()));
        boolean everyColumnShort = true;
        for (Column column : change.columns()) {
            CodeBlock definition = DefinitionCode.column(column);
            everyColumnShort = everyColumnShort && definition != null;
            if (definition != null) {
                definitions.add(",\n$L", definition);
            }
        }
        if (everyColumnShort) {
            return call("createTable", "$L", definitions.build());
        }
        CodeBlock columns = change.columns()
            .stream()
            .map((Column column) -> column(column))
            .collect(CodeBlock.joining(",\n"));
        return call("createTable", "$S, $T.of(\n$L)", change.name(), List.class, columns);
    }

    @Override
    public CodeBlock visitDropTable(Change.DropTable change) {
        return call("dropTable", "$S", change.name());
    }

    @Override
    public CodeBlock visitRenameTable(Change.RenameTable change) {
        return call("renameTable", "$S, $S", change.from(), change.to());
    }

    @Override
    public CodeBlock visitSetTableComment(Change.SetTableComment change) {
        return call("setTableComment", "$S, $L", change.table(), string(change.comment()));
    }

    // Columns

    /**
     * {@code addColumn("ride", column("track", "text").notNull())}; for a column that comes back
     * {@code NOT NULL} only on an empty table, {@code column(...).notNullWhenEmpty()}, or
     * {@code addColumnNotNullWhenEmpty} with the model's form.
     */
    @Override
    public CodeBlock visitAddColumn(Change.AddColumn change) {
        CodeBlock definition = DefinitionCode.column(change.column(), change.notNullWhenEmpty());
        if (definition != null) {
            return call("addColumn", "$S, $L", change.table(), definition);
        }
        return call(change.notNullWhenEmpty() ? "addColumnNotNullWhenEmpty" : "addColumn", "$S, $L", change.table(),
                column(change.column()));
    }

    @Override
    public CodeBlock visitDropColumn(Change.DropColumn change) {
        return call("dropColumn", "$S, $S", change.table(), change.column());
    }

    @Override
    public CodeBlock visitRenameColumn(Change.RenameColumn change) {
        return call("renameColumn", "$S, $S, $S", change.table(), change.from(), change.to());
    }

    @Override
    public CodeBlock visitAlterColumnType(Change.AlterColumnType change) {
        if (change.collation() == null && change.using() == null) {
            return call("alterColumnType", "$S, $S, $S", change.table(), change.column(), change.type());
        }
        if (change.collation() == null) {
            return call("alterColumnType", "$S, $S, $S, $S", change.table(), change.column(), change.type(),
                    change.using());
        }
        return call("alterColumnType", "$S, $S, $S, $S, $L", change.table(), change.column(), change.type(),
                change.collation(), string(change.using()));
    }

    @Override
    public CodeBlock visitSetColumnDefault(Change.SetColumnDefault change) {
        return call("setColumnDefault", "$S, $S, $S", change.table(), change.column(), change.expression());
    }

    @Override
    public CodeBlock visitDropColumnDefault(Change.DropColumnDefault change) {
        return call("dropColumnDefault", "$S, $S", change.table(), change.column());
    }

    @Override
    public CodeBlock visitAddNotNull(Change.AddNotNull change) {
        return call("addNotNull", "$S, $S", change.table(), change.column());
    }

    @Override
    public CodeBlock visitDropNotNull(Change.DropNotNull change) {
        return call("dropNotNull", "$S, $S", change.table(), change.column());
    }

    @Override
    public CodeBlock visitAddNotNullCheckNotValid(Change.AddNotNullCheckNotValid change) {
        return call("addNotNullCheckNotValid", "$S, $S", change.table(), change.column());
    }

    @Override
    public CodeBlock visitValidateNotNullCheck(Change.ValidateNotNullCheck change) {
        return call("validateNotNullCheck", "$S, $S", change.table(), change.column());
    }

    @Override
    public CodeBlock visitSetNotNullFromCheck(Change.SetNotNullFromCheck change) {
        return call("setNotNullFromCheck", "$S, $S", change.table(), change.column());
    }

    @Override
    public CodeBlock visitAddNotNullNotValid(Change.AddNotNullNotValid change) {
        return call("addNotNullNotValid", "$S, $S", change.table(), change.column());
    }

    @Override
    public CodeBlock visitValidateNotNull(Change.ValidateNotNull change) {
        return call("validateNotNull", "$S, $S", change.table(), change.column());
    }

    @Override
    public CodeBlock visitAddIdentity(Change.AddIdentity change) {
        return call("addIdentity", "$S, $S, $L", change.table(), change.column(), identity(change.identity()));
    }

    @Override
    public CodeBlock visitAlterIdentity(Change.AlterIdentity change) {
        return call("alterIdentity", "$S, $S, $L", change.table(), change.column(), identity(change.identity()));
    }

    @Override
    public CodeBlock visitDropIdentity(Change.DropIdentity change) {
        return call("dropIdentity", "$S, $S", change.table(), change.column());
    }

    @Override
    public CodeBlock visitSetGeneratedExpression(Change.SetGeneratedExpression change) {
        return call("setGeneratedExpression", "$S, $S, $S", change.table(), change.column(), change.expression());
    }

    @Override
    public CodeBlock visitDropGeneratedExpression(Change.DropGeneratedExpression change) {
        return call("dropGeneratedExpression", "$S, $S", change.table(), change.column());
    }

    @Override
    public CodeBlock visitSetColumnComment(Change.SetColumnComment change) {
        return call("setColumnComment", "$S, $S, $L", change.table(), change.column(), string(change.comment()));
    }

    // Keys and constraints

    @Override
    public CodeBlock visitAddPrimaryKey(Change.AddPrimaryKey change) {
        PrimaryKey key = change.primaryKey();
        if (key.deferrability() == Deferrability.NOT_DEFERRABLE) {
            return call("addPrimaryKey", "$S, $S$L", key.table(), key.name(), columns(key.columns()));
        }
        return call("addPrimaryKey", "$L", primaryKey(key));
    }

    @Override
    public CodeBlock visitAddPrimaryKeyUsingIndex(Change.AddPrimaryKeyUsingIndex change) {
        return call("addPrimaryKeyUsingIndex", "$S, $S, $L", change.table(), change.name(),
                deferrability(change.deferrability()));
    }

    @Override
    public CodeBlock visitAddUniqueConstraint(Change.AddUniqueConstraint change) {
        UniqueConstraint unique = change.unique();
        if (!unique.nullsNotDistinct() && unique.deferrability() == Deferrability.NOT_DEFERRABLE) {
            return call("addUniqueConstraint", "$S, $S$L", unique.table(), unique.name(), columns(unique.columns()));
        }
        return call("addUniqueConstraint", "$L", uniqueConstraint(unique));
    }

    @Override
    public CodeBlock visitAddUniqueConstraintUsingIndex(Change.AddUniqueConstraintUsingIndex change) {
        return call("addUniqueConstraintUsingIndex", "$S, $S, $L", change.table(), change.name(),
                deferrability(change.deferrability()));
    }

    @Override
    public CodeBlock visitAddCheckConstraint(Change.AddCheckConstraint change) {
        CheckConstraint check = change.check();
        return call("addCheckConstraint", "$S, $S, $S", check.table(), check.name(), check.expression());
    }

    @Override
    public CodeBlock visitAddCheckConstraintNotValid(Change.AddCheckConstraintNotValid change) {
        CheckConstraint check = change.check();
        return call("addCheckConstraintNotValid", "$S, $S, $S", check.table(), check.name(), check.expression());
    }

    @Override
    public CodeBlock visitAddForeignKey(Change.AddForeignKey change) {
        return foreignKeyCall("addForeignKey", change.foreignKey());
    }

    @Override
    public CodeBlock visitAddForeignKeyNotValid(Change.AddForeignKeyNotValid change) {
        return foreignKeyCall("addForeignKeyNotValid", change.foreignKey());
    }

    /**
     * {@code method("ride", "fk", "rider_id", references("rider", "id"))}, with {@code List.of} for
     * several columns; the model's {@code ForeignKey} when the short form does not make the key.
     */
    private static CodeBlock foreignKeyCall(String method, ForeignKey key) {
        CodeBlock references = DefinitionCode.references(key);
        if (references == null) {
            return call(method, "$L", foreignKey(key));
        }
        CodeBlock columns = (key.columns().size() == 1) ? JavaText.code("$S", key.columns().get(0)) : list(key.columns());
        return call(method, "$S, $S, $L, $L", key.table(), key.name(), columns, references);
    }

    @Override
    public CodeBlock visitValidateConstraint(Change.ValidateConstraint change) {
        return call("validateConstraint", "$S, $S", change.table(), change.name());
    }

    @Override
    public CodeBlock visitDropConstraint(Change.DropConstraint change) {
        return call("dropConstraint", "$S, $S", change.table(), change.name());
    }

    @Override
    public CodeBlock visitRenameConstraint(Change.RenameConstraint change) {
        return call("renameConstraint", "$S, $S, $S", change.table(), change.from(), change.to());
    }

    // Indexes

    @Override
    public CodeBlock visitCreateIndex(Change.CreateIndex change) {
        return indexCall("createIndex", change.index());
    }

    @Override
    public CodeBlock visitCreateIndexConcurrently(Change.CreateIndexConcurrently change) {
        return indexCall("createIndexConcurrently", change.index());
    }

    /**
     * {@code method("ride", "ride_started_at_idx", "started_at")} for a plain index,
     * {@code method("ride", "name", on("started_at").unique()...)} for another on columns, and the
     * model's {@code Index} for one on expressions.
     */
    private static CodeBlock indexCall(String method, Index index) {
        List<String> plain = DefinitionCode.plainIndexColumns(index);
        if (plain != null) {
            return call(method, "$S, $S$L", index.table(), index.name(), columns(plain));
        }
        CodeBlock definition = DefinitionCode.index(index);
        if (definition != null) {
            return call(method, "$S, $S, $L", index.table(), index.name(), definition);
        }
        return call(method, "$L", index(index));
    }

    /** Column names as the trailing arguments of a call: {@code , "a", "b"}. */
    private static CodeBlock columns(List<String> columns) {
        return columns.isEmpty() ? CodeBlock.of("") : CodeBlock.of(", $L", strings(columns));
    }

    @Override
    public CodeBlock visitDropIndex(Change.DropIndex change) {
        return call("dropIndex", "$S", change.name());
    }

    @Override
    public CodeBlock visitDropIndexConcurrently(Change.DropIndexConcurrently change) {
        return call("dropIndexConcurrently", "$S", change.name());
    }

    @Override
    public CodeBlock visitRenameIndex(Change.RenameIndex change) {
        return call("renameIndex", "$S, $S", change.from(), change.to());
    }

}
