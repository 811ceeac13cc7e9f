package dev.belay.diff;

/**
 * One method per kind of {@link Change}, for code that renders or inspects changes without a
 * type switch (Java 17 has no pattern matching for {@code switch}).
 *
 * @param <R> what each visit returns
 */
public interface ChangeVisitor<R> {

    // Enum types

    R visitCreateEnumType(Change.CreateEnumType change);

    R visitDropEnumType(Change.DropEnumType change);

    R visitAddEnumValue(Change.AddEnumValue change);

    R visitRenameEnumValue(Change.RenameEnumValue change);

    R visitReplaceEnumType(Change.ReplaceEnumType change);

    // Casts

    R visitCreateCast(Change.CreateCast change);

    R visitDropCast(Change.DropCast change);

    // Sequences

    R visitCreateSequence(Change.CreateSequence change);

    R visitAlterSequence(Change.AlterSequence change);

    R visitSetSequenceStart(Change.SetSequenceStart change);

    R visitRenameSequence(Change.RenameSequence change);

    R visitSetSequenceOwner(Change.SetSequenceOwner change);

    R visitClearSequenceOwner(Change.ClearSequenceOwner change);

    R visitDropSequence(Change.DropSequence change);

    // Tables

    R visitCreateTable(Change.CreateTable change);

    R visitDropTable(Change.DropTable change);

    R visitRenameTable(Change.RenameTable change);

    R visitSetTableComment(Change.SetTableComment change);

    // Columns

    R visitAddColumn(Change.AddColumn change);

    R visitDropColumn(Change.DropColumn change);

    R visitRenameColumn(Change.RenameColumn change);

    R visitAlterColumnType(Change.AlterColumnType change);

    R visitSetColumnDefault(Change.SetColumnDefault change);

    R visitDropColumnDefault(Change.DropColumnDefault change);

    R visitAddNotNull(Change.AddNotNull change);

    R visitDropNotNull(Change.DropNotNull change);

    R visitAddNotNullCheckNotValid(Change.AddNotNullCheckNotValid change);

    R visitValidateNotNullCheck(Change.ValidateNotNullCheck change);

    R visitSetNotNullFromCheck(Change.SetNotNullFromCheck change);

    R visitAddNotNullNotValid(Change.AddNotNullNotValid change);

    R visitValidateNotNull(Change.ValidateNotNull change);

    R visitAddIdentity(Change.AddIdentity change);

    R visitAlterIdentity(Change.AlterIdentity change);

    R visitDropIdentity(Change.DropIdentity change);

    R visitSetGeneratedExpression(Change.SetGeneratedExpression change);

    R visitDropGeneratedExpression(Change.DropGeneratedExpression change);

    R visitSetColumnComment(Change.SetColumnComment change);

    // Keys and constraints

    R visitAddPrimaryKey(Change.AddPrimaryKey change);

    R visitAddPrimaryKeyUsingIndex(Change.AddPrimaryKeyUsingIndex change);

    R visitAddUniqueConstraint(Change.AddUniqueConstraint change);

    R visitAddUniqueConstraintUsingIndex(Change.AddUniqueConstraintUsingIndex change);

    R visitAddCheckConstraint(Change.AddCheckConstraint change);

    R visitAddCheckConstraintNotValid(Change.AddCheckConstraintNotValid change);

    R visitAddForeignKey(Change.AddForeignKey change);

    R visitAddForeignKeyNotValid(Change.AddForeignKeyNotValid change);

    R visitValidateConstraint(Change.ValidateConstraint change);

    R visitDropConstraint(Change.DropConstraint change);

    R visitRenameConstraint(Change.RenameConstraint change);

    // Indexes

    R visitCreateIndex(Change.CreateIndex change);

    R visitCreateIndexConcurrently(Change.CreateIndexConcurrently change);

    R visitDropIndex(Change.DropIndex change);

    R visitDropIndexConcurrently(Change.DropIndexConcurrently change);

    R visitRenameIndex(Change.RenameIndex change);

}
