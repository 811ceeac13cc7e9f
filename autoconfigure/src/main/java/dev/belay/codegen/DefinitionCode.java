package dev.belay.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;

import dev.belay.actions.ColumnDefinition;
import dev.belay.actions.IndexDefinition;
import dev.belay.actions.References;
import dev.belay.schema.Column;
import dev.belay.schema.Deferrability;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.Identifiers;
import dev.belay.schema.Identity;
import dev.belay.schema.Index;
import dev.belay.schema.MatchType;
import dev.belay.schema.ReferentialAction;

import org.jspecify.annotations.Nullable;

/**
 * Model values in the short vocabulary of {@code dev.belay.actions}, as a person would write them:
 * {@code column("id", "bigint").identity()}, {@code references("rider", "id")},
 * {@code on("started_at").unique()}. Only what differs from the vocabulary's defaults is written.
 * Each short form is built here too and compared with the value; when it would not make the
 * same value (a nullable identity column, an index on expressions), the method returns
 * {@code null} and the caller writes the model's form ({@link ModelCode}), so nothing is lost.
 */
final class DefinitionCode {

    static final ClassName COLUMN_DEFINITION = ClassName.get(ColumnDefinition.class);

    static final ClassName REFERENCES = ClassName.get(References.class);

    static final ClassName INDEX_DEFINITION = ClassName.get(IndexDefinition.class);

    /** The static factories the short forms call, imported by name into a revision that uses them. */
    static final List<StaticMember> FACTORIES = List.of(new StaticMember(COLUMN_DEFINITION, "column"),
            new StaticMember(REFERENCES, "references"), new StaticMember(INDEX_DEFINITION, "on"));

    /** Longest column expression kept on one line, so that the line fits in 120 columns. */
    private static final int ONE_LINE = 120 - 18;

    private static final Pattern QUALIFIER = Pattern.compile("\\b(?:[a-z][A-Za-z0-9_]*\\.)+(?=[A-Z])");

    private DefinitionCode() {
    }

    /**
     * {@code column("title", "text").notNull()...}, on one line when it fits, else one call per
     * line; {@code null} when the short form does not make this column.
     */
    static @Nullable CodeBlock column(Column column) {
        return column(column, false);
    }

    /**
     * The same, with {@code .notNullWhenEmpty()} instead of {@code .notNull()} when
     * {@code notNullWhenEmpty} and the column is {@code NOT NULL} and not an identity.
     */
    static @Nullable CodeBlock column(Column column, boolean notNullWhenEmpty) {
        List<CodeBlock> calls = new ArrayList<>();
        calls.add(JavaText.code("$T.column($S, $S)", COLUMN_DEFINITION, column.name(), column.type()));
        ColumnDefinition built = ColumnDefinition.column(column.name(), column.type());
        if (column.notNull() && column.identity() == null) {
            calls.add(CodeBlock.of(notNullWhenEmpty ? ".notNullWhenEmpty()" : ".notNull()"));
            built = notNullWhenEmpty ? built.notNullWhenEmpty() : built.notNull();
        }
        if (column.defaultExpression() != null) {
            calls.add(JavaText.code(".defaultValue($S)", column.defaultExpression()));
            built = built.defaultValue(column.defaultExpression());
        }
        if (column.identity() != null) {
            boolean always = column.identity().generation() == Identity.Generation.ALWAYS;
            String method = always ? "identityAlways" : "identity";
            ColumnDefinition withDefaults = identityWithDefaults(built, always);
            if (withDefaults != null && withDefaults.toColumn(column.table()).identity().equals(column.identity())) {
                calls.add(CodeBlock.of(".$L()", method));
                built = withDefaults;
            }
            else {
                calls.add(CodeBlock.of(".$L($L)", method, ModelCode.sequenceOptions(column.identity().options())));
                built = always ? built.identityAlways(column.identity().options())
                        : built.identity(column.identity().options());
            }
        }
        if (column.generated() != null) {
            String method = switch (column.generated().kind()) {
                case STORED -> "generatedStored";
                case VIRTUAL -> "generatedVirtual";
            };
            calls.add(JavaText.code(".$L($S)", method, column.generated().expression()));
            built = switch (column.generated().kind()) {
                case STORED -> built.generatedStored(column.generated().expression());
                case VIRTUAL -> built.generatedVirtual(column.generated().expression());
            };
        }
        if (column.collation() != null) {
            calls.add(JavaText.code(".collation($S)", column.collation()));
            built = built.collation(column.collation());
        }
        if (column.comment() != null) {
            calls.add(JavaText.code(".comment($S)", column.comment()));
            built = built.comment(column.comment());
        }
        if (!built.toColumn(column.table()).equals(column)) {
            return null;
        }
        CodeBlock oneLine = CodeBlock.join(calls, "");
        if (calls.size() == 1 || width(oneLine) <= ONE_LINE) {
            return oneLine;
        }
        return CodeBlock.builder()
            .add(calls.get(0))
            .add("$>")
            .add(calls.subList(1, calls.size())
                .stream()
                .map((call) -> CodeBlock.of("\n$L", call))
                .collect(CodeBlock.joining("")))
            .add("$<")
            .build();
    }

    private static @Nullable ColumnDefinition identityWithDefaults(ColumnDefinition definition, boolean always) {
        try {
            return always ? definition.identityAlways() : definition.identity();
        }
        catch (IllegalArgumentException ex) {
            // Not an integer type the defaults know: the options are written out.
            return null;
        }
    }

    /**
     * {@code references("rider", "id").onDelete(ReferentialAction.CASCADE)...}, for the referencing
     * columns of the key; {@code null} when the short form does not make this key.
     */
    static @Nullable CodeBlock references(ForeignKey key) {
        if (key.targetColumns().isEmpty()) {
            return null;
        }
        CodeBlock.Builder code = CodeBlock.builder()
            .add(JavaText.code("$T.references($S, $L)", REFERENCES, key.targetTable(),
                    ModelCode.strings(key.targetColumns())));
        References built = References.references(key.targetTable(), key.targetColumns().toArray(String[]::new));
        if (key.targetSchema() != null) {
            code.add(JavaText.code(".inSchema($S)", key.targetSchema()));
            built = built.inSchema(key.targetSchema());
        }
        if (key.onUpdate() != ReferentialAction.NO_ACTION) {
            code.add(".onUpdate($L)", ModelCode.referentialAction(key.onUpdate()));
            built = built.onUpdate(key.onUpdate());
        }
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
            code.add(".onDelete($L)", ModelCode.referentialAction(key.onDelete()));
            built = built.onDelete(key.onDelete());
        }
        if (key.match() != MatchType.SIMPLE) {
            code.add(".match($L)", ModelCode.matchType(key.match()));
            built = built.match(key.match());
        }
        if (key.deferrability() == Deferrability.DEFERRABLE_INITIALLY_IMMEDIATE) {
            code.add(".deferrable()");
            built = built.deferrable();
        }
        else if (key.deferrability() == Deferrability.DEFERRABLE_INITIALLY_DEFERRED) {
            code.add(".initiallyDeferred()");
            built = built.initiallyDeferred();
        }
        return built.toForeignKey(key.table(), key.name(), key.columns()).equals(key) ? code.build() : null;
    }

    /**
     * The columns of a plain {@code btree} index on columns, which
     * {@code createIndex(table, name, columns...)} takes as they are; {@code null} for any other.
     */
    static @Nullable List<String> plainIndexColumns(Index index) {
        List<String> columns = plainColumns(index.keys());
        if (columns == null || columns.isEmpty()) {
            return null;
        }
        return Index.of(index.table(), index.name(), columns.toArray(String[]::new)).equals(index) ? columns : null;
    }

    /**
     * {@code on("started_at").unique().where("...")...}; {@code null} when the index has keys that
     * are not plain columns or the short form does not make it.
     */
    static @Nullable CodeBlock index(Index index) {
        List<String> columns = plainColumns(index.keys());
        if (columns == null || columns.isEmpty()) {
            return null;
        }
        CodeBlock.Builder code = CodeBlock.builder()
            .add(JavaText.code("$T.on($L)", INDEX_DEFINITION, ModelCode.strings(columns)));
        IndexDefinition built = IndexDefinition.on(columns.toArray(String[]::new));
        if (index.unique()) {
            code.add(".unique()");
            built = built.unique();
        }
        if (!index.method().equals("btree")) {
            code.add(JavaText.code(".using($S)", index.method()));
            built = built.using(index.method());
        }
        if (!index.include().isEmpty()) {
            code.add(".include($L)", ModelCode.strings(index.include()));
            built = built.include(index.include().toArray(String[]::new));
        }
        if (index.predicate() != null) {
            code.add(JavaText.code(".where($S)", index.predicate()));
            built = built.where(index.predicate());
        }
        if (index.nullsNotDistinct()) {
            code.add(".nullsNotDistinct()");
            built = built.nullsNotDistinct();
        }
        Index made = built.toIndex(index.table(), index.name());
        if (made.predicate() != null) {
            // The columns a predicate reads only order a plan's changes; the statement is the same.
            SortedSet<String> alsoReads = new TreeSet<>(index.columns());
            alsoReads.removeAll(made.columns());
            made = made.withPredicate(made.predicate(), alsoReads.toArray(String[]::new));
        }
        return made.equals(index) ? code.build() : null;
    }

    /**
     * The column names when every key is a plain column, written as {@link Identifiers#quote}
     * writes it (no expression, collation, operator class or sort order); otherwise {@code null}.
     */
    static @Nullable List<String> plainColumns(List<String> keys) {
        List<String> columns = new ArrayList<>();
        for (String key : keys) {
            String column = Identifiers.unquote(key);
            if (column.isEmpty() || !Identifiers.quote(column).equals(key)) {
                return null;
            }
            columns.add(column);
        }
        return columns;
    }

    /** About how wide the code is once written: types by their simple names, static factories bare. */
    private static int width(CodeBlock code) {
        String text = code.toString();
        for (StaticMember factory : FACTORIES) {
            text = text.replace(factory.type().canonicalName() + "." + factory.name() + "(", factory.name() + "(");
        }
        return QUALIFIER.matcher(text).replaceAll("").length();
    }

    /** A static method of the vocabulary, imported by name. */
    record StaticMember(ClassName type, String name) {

        /** Whether the code calls this method (written qualified until the file imports it). */
        boolean calledIn(String code) {
            return code.contains(this.type.canonicalName() + "." + this.name + "(");
        }

    }

}
