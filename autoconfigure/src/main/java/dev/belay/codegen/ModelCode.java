package dev.belay.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;

import dev.belay.actions.EnumColumn;
import dev.belay.actions.EnumPosition;
import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.Deferrability;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.GeneratedColumn;
import dev.belay.schema.Identity;
import dev.belay.schema.Index;
import dev.belay.schema.MatchType;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.ReferentialAction;
import dev.belay.schema.SequenceOptions;
import dev.belay.schema.UniqueConstraint;

import org.jspecify.annotations.Nullable;

/**
 * Model values as Java expressions a person can read and edit: the static factory for the common
 * case followed by a {@code with...} call for each property that differs from it, e.g.
 * {@code Column.of("ride", "name", "text").withNotNull(true)}. Each short form is built here too
 * and compared with the value, so the expression always makes an equal value; when no short form
 * fits, the record's constructor spells out every component.
 */
final class ModelCode {

    private static final ClassName LIST = ClassName.get(List.class);

    private ModelCode() {
    }

    static CodeBlock string(@Nullable String value) {
        return (value != null) ? JavaText.code("$S", value) : JavaText.code("null");
    }

    static CodeBlock strings(List<String> values) {
        return values.stream().map(ModelCode::string).collect(CodeBlock.joining(", "));
    }

    static CodeBlock list(List<String> values) {
        return JavaText.code("$T.of($L)", LIST, strings(values));
    }

    static CodeBlock column(Column column) {
        CodeBlock.Builder code = CodeBlock.builder()
            .add(JavaText.code("$T.of($S, $S, $S)", Column.class, column.table(), column.name(), column.type()));
        Column built = Column.of(column.table(), column.name(), column.type());
        if (column.notNull()) {
            code.add(".withNotNull(true)");
            built = built.withNotNull(true);
        }
        if (column.defaultExpression() != null) {
            code.add(JavaText.code(".withDefault($S)", column.defaultExpression()));
            built = built.withDefault(column.defaultExpression());
        }
        if (column.identity() != null) {
            code.add(".withIdentity($L)", identity(column.identity()));
            built = built.withIdentity(column.identity());
        }
        if (column.generated() != null) {
            code.add(".withGenerated($L)", generated(column.generated()));
            built = built.withGenerated(column.generated());
        }
        if (column.collation() != null) {
            code.add(JavaText.code(".withCollation($S)", column.collation()));
            built = built.withCollation(column.collation());
        }
        if (column.comment() != null) {
            code.add(JavaText.code(".withComment($S)", column.comment()));
            built = built.withComment(column.comment());
        }
        return checked(built, column, code.build());
    }

    static CodeBlock identity(Identity identity) {
        return JavaText.code("new $T($T.$L, $L)", Identity.class, Identity.Generation.class,
                identity.generation().name(), sequenceOptions(identity.options()));
    }

    static CodeBlock generated(GeneratedColumn generated) {
        return JavaText.code("new $T($S, $T.$L)", GeneratedColumn.class, generated.expression(),
                GeneratedColumn.Kind.class, generated.kind().name());
    }

    static CodeBlock sequenceOptions(SequenceOptions options) {
        SequenceOptions built;
        try {
            built = SequenceOptions.defaults(options.dataType());
        }
        catch (IllegalArgumentException ex) {
            return canonicalSequenceOptions(options);
        }
        CodeBlock.Builder code = CodeBlock.builder().add(JavaText.code("$T.defaults($S)", SequenceOptions.class, options.dataType()));
        if (options.start() != built.start()) {
            code.add(".withStart($L)", longLiteral(options.start()));
            built = built.withStart(options.start());
        }
        if (options.increment() != built.increment()) {
            code.add(".withIncrement($L)", longLiteral(options.increment()));
            built = built.withIncrement(options.increment());
        }
        if (options.minValue() != built.minValue()) {
            code.add(".withMinValue($L)", longLiteral(options.minValue()));
            built = built.withMinValue(options.minValue());
        }
        if (options.maxValue() != built.maxValue()) {
            code.add(".withMaxValue($L)", longLiteral(options.maxValue()));
            built = built.withMaxValue(options.maxValue());
        }
        if (options.cache() != built.cache()) {
            code.add(".withCache($L)", longLiteral(options.cache()));
            built = built.withCache(options.cache());
        }
        if (options.cycle()) {
            code.add(".withCycle(true)");
            built = built.withCycle(true);
        }
        return built.equals(options) ? code.build() : canonicalSequenceOptions(options);
    }

    private static CodeBlock canonicalSequenceOptions(SequenceOptions options) {
        return JavaText.code("new $T($S, $L, $L, $L, $L, $L, $L)", SequenceOptions.class, options.dataType(),
                longLiteral(options.start()), longLiteral(options.increment()), longLiteral(options.minValue()),
                longLiteral(options.maxValue()), longLiteral(options.cache()), options.cycle());
    }

    static CodeBlock primaryKey(PrimaryKey key) {
        CodeBlock.Builder code = CodeBlock.builder()
            .add(JavaText.code("$T.of($S, $S, $L)", PrimaryKey.class, key.table(), key.name(), strings(key.columns())));
        PrimaryKey built = PrimaryKey.of(key.table(), key.name(), key.columns().toArray(String[]::new));
        if (key.deferrability() != built.deferrability()) {
            code.add(".withDeferrability($L)", deferrability(key.deferrability()));
            built = built.withDeferrability(key.deferrability());
        }
        return checked(built, key, code.build());
    }

    static CodeBlock uniqueConstraint(UniqueConstraint unique) {
        CodeBlock.Builder code = CodeBlock.builder()
            .add(JavaText.code("$T.of($S, $S, $L)", UniqueConstraint.class, unique.table(), unique.name(), strings(unique.columns())));
        UniqueConstraint built = UniqueConstraint.of(unique.table(), unique.name(), unique.columns().toArray(String[]::new));
        if (unique.nullsNotDistinct()) {
            code.add(".withNullsNotDistinct(true)");
            built = built.withNullsNotDistinct(true);
        }
        if (unique.deferrability() != built.deferrability()) {
            code.add(".withDeferrability($L)", deferrability(unique.deferrability()));
            built = built.withDeferrability(unique.deferrability());
        }
        return checked(built, unique, code.build());
    }

    static CodeBlock checkConstraint(CheckConstraint check) {
        CodeBlock.Builder code = CodeBlock.builder().add(JavaText.code("$T.of($S, $S, $S", CheckConstraint.class, check.table(),
                check.name(), check.expression()));
        if (!check.columns().isEmpty()) {
            code.add(", $L", strings(check.columns()));
        }
        code.add(")");
        CheckConstraint built = CheckConstraint.of(check.table(), check.name(), check.expression(),
                check.columns().toArray(String[]::new));
        return checked(built, check, code.build());
    }

    static CodeBlock foreignKey(ForeignKey key) {
        if (key.targetSchema() != null) {
            return JavaText.code("new $T($S, $S, $L, $S, $S, $L, $L, $L, $L, $L)", ForeignKey.class, key.table(),
                    key.name(), list(key.columns()), key.targetSchema(), key.targetTable(), list(key.targetColumns()),
                    referentialAction(key.onUpdate()), referentialAction(key.onDelete()), matchType(key.match()),
                    deferrability(key.deferrability()));
        }
        CodeBlock.Builder code = CodeBlock.builder()
            .add(JavaText.code("$T.of($S, $S, $L, $S, $L)", ForeignKey.class, key.table(), key.name(), list(key.columns()),
                    key.targetTable(), list(key.targetColumns())));
        ForeignKey built = ForeignKey.of(key.table(), key.name(), key.columns(), key.targetTable(), key.targetColumns());
        if (key.onUpdate() != built.onUpdate()) {
            code.add(".withOnUpdate($L)", referentialAction(key.onUpdate()));
            built = built.withOnUpdate(key.onUpdate());
        }
        if (key.onDelete() != built.onDelete()) {
            code.add(".withOnDelete($L)", referentialAction(key.onDelete()));
            built = built.withOnDelete(key.onDelete());
        }
        if (key.match() != built.match()) {
            code.add(".withMatch($L)", matchType(key.match()));
            built = built.withMatch(key.match());
        }
        if (key.deferrability() != built.deferrability()) {
            code.add(".withDeferrability($L)", deferrability(key.deferrability()));
            built = built.withDeferrability(key.deferrability());
        }
        return checked(built, key, code.build());
    }

    static CodeBlock index(Index index) {
        List<String> columns = DefinitionCode.plainColumns(index.keys());
        if (columns != null) {
            CodeBlock.Builder code = CodeBlock.builder()
                .add(JavaText.code("$T.of($S, $S, $L)", Index.class, index.table(), index.name(), strings(columns)));
            Index built = Index.of(index.table(), index.name(), columns.toArray(String[]::new));
            if (index.unique()) {
                code.add(".withUnique(true)");
                built = built.withUnique(true);
            }
            if (!index.method().equals(built.method())) {
                code.add(JavaText.code(".withMethod($S)", index.method()));
                built = built.withMethod(index.method());
            }
            if (!index.include().isEmpty()) {
                code.add(".withInclude($L)", list(index.include()));
                built = built.withInclude(index.include());
            }
            if (index.predicate() != null) {
                SortedSet<String> alsoReads = new TreeSet<>(index.columns());
                alsoReads.removeAll(built.columns());
                code.add(JavaText.code(".withPredicate($S", index.predicate()));
                if (!alsoReads.isEmpty()) {
                    code.add(", $L", strings(new ArrayList<>(alsoReads)));
                }
                code.add(")");
                built = built.withPredicate(index.predicate(), alsoReads.toArray(String[]::new));
            }
            if (index.nullsNotDistinct()) {
                code.add(".withNullsNotDistinct(true)");
                built = built.withNullsNotDistinct(true);
            }
            if (built.equals(index)) {
                return code.build();
            }
        }
        return JavaText.code("new $T($S, $S, $L, $S, $L, $L, $L, $L, new $T<>($L))", Index.class, index.table(),
                index.name(), index.unique(), index.method(), list(index.keys()), list(index.include()),
                string(index.predicate()), index.nullsNotDistinct(), TreeSet.class, list(List.copyOf(index.columns())));
    }

    static CodeBlock enumPosition(EnumPosition position) {
        return switch (position.placement()) {
            case LAST -> JavaText.code("$T.last()", EnumPosition.class);
            case BEFORE -> JavaText.code("$T.before($S)", EnumPosition.class, position.neighbor());
            case AFTER -> JavaText.code("$T.after($S)", EnumPosition.class, position.neighbor());
        };
    }

    static CodeBlock enumColumn(EnumColumn column) {
        String factory = column.array() ? "arrayOf" : "of";
        if (column.defaultExpression() == null) {
            return JavaText.code("$T.$L($S, $S)", EnumColumn.class, factory, column.table(), column.column());
        }
        return JavaText.code("$T.$L($S, $S, $S)", EnumColumn.class, factory, column.table(), column.column(),
                column.defaultExpression());
    }

    static CodeBlock deferrability(Deferrability deferrability) {
        return JavaText.code("$T.$L", Deferrability.class, deferrability.name());
    }

    static CodeBlock referentialAction(ReferentialAction action) {
        return JavaText.code("$T.$L", ReferentialAction.class, action.name());
    }

    static CodeBlock matchType(MatchType match) {
        return JavaText.code("$T.$L", MatchType.class, match.name());
    }

    private static String longLiteral(long value) {
        if (value == Long.MAX_VALUE) {
            return "Long.MAX_VALUE";
        }
        if (value == Long.MIN_VALUE) {
            return "Long.MIN_VALUE";
        }
        return (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) ? value + "L" : Long.toString(value);
    }

    private static <T> CodeBlock checked(T built, T value, CodeBlock code) {
        if (!built.equals(value)) {
            throw new IllegalStateException("Belay would write " + code + " for " + value + ", which builds " + built);
        }
        return code;
    }

}
