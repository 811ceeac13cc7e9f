package dev.belay.codegen;

import java.util.List;
import java.util.TreeSet;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.EnumColumn;
import dev.belay.actions.EnumPosition;
import dev.belay.actions.RecordingStatementSink;
import dev.belay.diff.Change;
import dev.belay.revision.Revision;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

import javax.lang.model.element.Modifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a model value holds (names and SQL with quotes, backslashes, line breaks, unicode
 * escapes, separators, lone surrogates; any combination of options), the Java expression the
 * generator writes for it compiles and builds an equal value, and the call it writes for a change
 * made of such values, short or in the model's form, sends the same statements.
 */
class ModelCodeProperties {

    @Property(tries = 25)
    void everyValueIsWrittenAsJavaThatBuildsAnEqualValue(@ForAll("values") @Size(min = 1, max = 40) List<Object> values)
            throws Exception {
        CodeBlock list = values.stream().map(ModelCodeProperties::code).collect(CodeBlock.joining(",\n"));
        TypeSpec type = TypeSpec.classBuilder("Values")
            .addModifiers(Modifier.PUBLIC)
            .addMethod(MethodSpec.methodBuilder("values")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(List.class, Object.class))
                .addStatement("return $T.of(\n$L)", List.class, list)
                .build())
            .build();
        String source = JavaFile.builder("dev.belay.generated.values", type).build().toString();

        Class<?> compiled = TestCompiler.compile("dev.belay.generated.values.Values", source);

        assertThat(compiled.getMethod("values").invoke(null)).isEqualTo(values);
    }

    /**
     * Whatever tables, columns, keys and indexes a plan creates, the revision the generator writes
     * for it (in the recipe book's short forms where they make the same value, in the model's
     * forms where they do not) compiles, and its {@code up} sends the statements the plan's changes
     * send. Both forms of each kind of change are written in a run.
     */
    @Property(tries = 20)
    void everyCreationIsWrittenAsACallThatSendsTheSameStatements(
            @ForAll("creations") @Size(min = 8, max = 16) List<Change> changes) throws Exception {
        RevisionHeader header = new RevisionHeader("dev.belay.generated.calls", "Calls", "calls", List.of(), "calls");
        String source = new RevisionGenerator().generate(header, changes, List.of()).source();

        Revision revision = (Revision) TestCompiler.compile(header.qualifiedClassName(), source)
            .getDeclaredConstructor()
            .newInstance();

        RecordingStatementSink planned = new RecordingStatementSink();
        DatabaseActions actions = new DatabaseActions(planned);
        changes.forEach((change) -> change.applyTo(actions));
        assertThat(RecordingMigrator.up(revision)).as(source).isEqualTo(planned.statements());
        for (Change change : changes) {
            String call = change.accept(ActionCalls.INSTANCE).toString();
            boolean modelForm = MODEL_FORMS.stream().anyMatch(call::contains);
            Statistics.label("forms").collect(change.getClass().getSimpleName(), modelForm ? "model" : "short");
        }
        Statistics.label("forms").coverage((coverage) -> {
            for (String kind : List.of("CreateTable", "AddColumn", "AddPrimaryKey", "AddUniqueConstraint",
                    "CreateIndex", "CreateIndexConcurrently")) {
                coverage.check(kind, "short").count((Integer count) -> count > 0);
                coverage.check(kind, "model").count((Integer count) -> count > 0);
            }
            coverage.check("AddForeignKey", "short").count((Integer count) -> count > 0);
            coverage.check("AddForeignKeyNotValid", "short").count((Integer count) -> count > 0);
        });
    }

    /** What a call written in the model's form names, qualified until the file imports it. */
    private static final List<String> MODEL_FORMS = List.of("dev.belay.schema.Column", "dev.belay.schema.PrimaryKey",
            "dev.belay.schema.UniqueConstraint", "dev.belay.schema.ForeignKey", "dev.belay.schema.Index");

    @Provide
    Arbitrary<List<Change>> creations() {
        Arbitrary<Change> createTable = Combinators
            .combine(name(), Arbitraries.oneOf(columns(), integerColumns()).list().ofMaxSize(4))
            .as((table, columns) -> new Change.CreateTable(table,
                    columns.stream().map((column) -> column.renamed(table, column.name())).toList(), List.of()));
        // Half as a way back adds a column again: NOT NULL only when the table is empty.
        Arbitrary<Change> addColumn = Combinators.combine(Arbitraries.oneOf(columns(), integerColumns()),
                Arbitraries.of(false, true))
            .as((column, whenEmpty) -> new Change.AddColumn(column.table(), column, whenEmpty, List.of()));
        // Half of the keys as most are: not deferrable, nulls distinct.
        Arbitrary<Change> addPrimaryKey = Arbitraries
            .oneOf(primaryKeys(), primaryKeys().map((key) -> key.withDeferrability(Deferrability.NOT_DEFERRABLE)))
            .map((key) -> new Change.AddPrimaryKey(key, List.of()));
        Arbitrary<Change> addUnique = Arbitraries
            .oneOf(uniques(), uniques().map((unique) -> unique.withNullsNotDistinct(false)
                .withDeferrability(Deferrability.NOT_DEFERRABLE)))
            .map((unique) -> new Change.AddUniqueConstraint(unique, List.of()));
        Arbitrary<Change> addForeignKey = foreignKeys().map((key) -> new Change.AddForeignKey(key, List.of()));
        Arbitrary<Change> addForeignKeyNotValid = foreignKeys()
            .map((key) -> new Change.AddForeignKeyNotValid(key, List.of()));
        Arbitrary<Change> createIndex = indexes().map((index) -> new Change.CreateIndex(index, List.of()));
        Arbitrary<Change> createIndexConcurrently = indexes()
            .map((index) -> new Change.CreateIndexConcurrently(index, List.of()));
        return Arbitraries
            .oneOf(createTable, addColumn, addPrimaryKey, addUnique, addForeignKey, addForeignKeyNotValid, createIndex,
                    createIndexConcurrently)
            .filter(ModelCodeProperties::hasStatements)
            .list();
    }

    /** Whether the change can be made at all: PostgreSQL's text holds no NUL, which a comment may. */
    private static boolean hasStatements(Change change) {
        try {
            change.applyTo(new DatabaseActions(new RecordingStatementSink()));
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** Integer columns, identities among them with the sequence options PostgreSQL gives by default. */
    private static Arbitrary<Column> integerColumns() {
        Arbitrary<Identity.Generation> generation = Arbitraries.of(Identity.Generation.class).injectNull(0.3);
        return Combinators
            .combine(name(), name(), Arbitraries.of("smallint", "integer", "bigint"), generation,
                    Arbitraries.of(true, false), nullable(text()))
            .as((table, column, type, identity, notNull, defaultExpression) -> new Column(table, column, type, notNull,
                    defaultExpression, (identity != null) ? new Identity(identity, SequenceOptions.defaults(type)) : null,
                    null, null, null));
    }

    private static CodeBlock code(Object value) {
        if (value instanceof Column column) {
            return ModelCode.column(column);
        }
        if (value instanceof Index index) {
            return ModelCode.index(index);
        }
        if (value instanceof ForeignKey key) {
            return ModelCode.foreignKey(key);
        }
        if (value instanceof PrimaryKey key) {
            return ModelCode.primaryKey(key);
        }
        if (value instanceof UniqueConstraint unique) {
            return ModelCode.uniqueConstraint(unique);
        }
        if (value instanceof CheckConstraint check) {
            return ModelCode.checkConstraint(check);
        }
        if (value instanceof SequenceOptions options) {
            return ModelCode.sequenceOptions(options);
        }
        if (value instanceof EnumPosition position) {
            return ModelCode.enumPosition(position);
        }
        if (value instanceof EnumColumn column) {
            return ModelCode.enumColumn(column);
        }
        return ModelCode.string((String) value);
    }

    @Provide
    Arbitrary<List<Object>> values() {
        Arbitrary<Object> value = Arbitraries.oneOf(columns().map(Object.class::cast),
                indexes().map(Object.class::cast), foreignKeys().map(Object.class::cast),
                primaryKeys().map(Object.class::cast), uniques().map(Object.class::cast),
                checks().map(Object.class::cast), sequenceOptions().map(Object.class::cast),
                positions().map(Object.class::cast), enumColumns().map(Object.class::cast), text().map(Object.class::cast));
        return value.list();
    }

    /** Any text, with the characters that break Java source more likely than by chance. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().withChars("\"'\\u0a*/\n\r\t\u2028\u2029\ud800\udc00 $").ofMaxLength(12),
                Arbitraries.of("\\u000a", "*/", "\"", "\\", "select", "Größe", "a.b", "x=y", "🚲"));
    }

    private static Arbitrary<String> name() {
        return text().filter((text) -> !text.isEmpty());
    }

    private static <T> Arbitrary<T> nullable(Arbitrary<T> arbitrary) {
        return arbitrary.injectNull(0.4);
    }

    private static Arbitrary<Column> columns() {
        Arbitrary<Identity> identity = Combinators.combine(Arbitraries.of(Identity.Generation.class), sequenceOptions())
            .as(Identity::new);
        Arbitrary<GeneratedColumn> generated = Combinators
            .combine(name(), Arbitraries.of(GeneratedColumn.Kind.class))
            .as(GeneratedColumn::new);
        return Combinators
            .combine(name(), name(), name(), Arbitraries.of(true, false), nullable(text()), nullable(identity),
                    nullable(generated), nullable(name()))
            .flatAs((table, column, type, notNull, defaultExpression, id, generation, collation) -> nullable(text())
                .map((comment) -> new Column(table, column, type, notNull, defaultExpression, id, generation, collation,
                        comment)));
    }

    private static Arbitrary<SequenceOptions> sequenceOptions() {
        Arbitrary<Long> numbers = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(1L, 50L, Long.MAX_VALUE,
                Long.MIN_VALUE, (long) Integer.MAX_VALUE, (long) Short.MAX_VALUE));
        return Combinators
            .combine(Arbitraries.of("smallint", "integer", "bigint", "numeric"), numbers,
                    numbers.filter((increment) -> increment != 0), numbers, numbers, numbers, Arbitraries.of(true, false))
            .as(SequenceOptions::new);
    }

    private static Arbitrary<Index> indexes() {
        Arbitrary<Index> plain = Combinators
            .combine(name(), name(), name().list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false),
                    Arbitraries.of("btree", "gin", "hash"), name().list().ofMaxSize(2), nullable(text()))
            .as((table, index, columns, unique, method, include, predicate) -> {
                Index built = Index.of(table, index, columns.toArray(String[]::new))
                    .withUnique(unique)
                    .withMethod(method)
                    .withInclude(include);
                return (predicate != null) ? built.withPredicate(predicate, "p") : built;
            });
        Arbitrary<Index> expressions = Combinators
            .combine(name(), name(), name().list().ofMinSize(1).ofMaxSize(3), name().set().ofMaxSize(3),
                    Arbitraries.of(true, false))
            .as((table, index, keys, columns, nullsNotDistinct) -> new Index(table, index, false, "btree", keys,
                    List.of(), null, nullsNotDistinct, new TreeSet<>(columns)));
        return Arbitraries.oneOf(plain, expressions);
    }

    private static Arbitrary<ForeignKey> foreignKeys() {
        return Combinators
            .combine(name(), name(), name().list().ofMinSize(1).ofMaxSize(3), nullable(name()), name(),
                    Arbitraries.of(ReferentialAction.class), Arbitraries.of(ReferentialAction.class),
                    Arbitraries.of(MatchType.class))
            .flatAs((table, key, columns, schema, target, onUpdate, onDelete, match) -> Arbitraries
                .of(Deferrability.class)
                .map((deferrability) -> new ForeignKey(table, key, columns, schema, target,
                        columns.stream().map((column) -> column + "_target").toList(), onUpdate, onDelete, match,
                        deferrability)));
    }

    private static Arbitrary<PrimaryKey> primaryKeys() {
        return Combinators
            .combine(name(), name(), name().list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(Deferrability.class))
            .as(PrimaryKey::new);
    }

    private static Arbitrary<UniqueConstraint> uniques() {
        return Combinators
            .combine(name(), name(), name().list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false),
                    Arbitraries.of(Deferrability.class))
            .as(UniqueConstraint::new);
    }

    private static Arbitrary<CheckConstraint> checks() {
        return Combinators.combine(name(), name(), text(), name().list().ofMaxSize(3)).as(CheckConstraint::new);
    }

    private static Arbitrary<EnumPosition> positions() {
        return Arbitraries.oneOf(Arbitraries.just(EnumPosition.last()), name().map(EnumPosition::before),
                name().map(EnumPosition::after));
    }

    private static Arbitrary<EnumColumn> enumColumns() {
        return Combinators.combine(name(), name(), Arbitraries.of(true, false), nullable(text()))
            .as(EnumColumn::new);
    }

}
