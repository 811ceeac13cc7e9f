package dev.belay.codegen;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.belay.diff.Change;
import dev.belay.diff.CorpusPlans;
import dev.belay.diff.CorpusPlans.NamedPlan;
import dev.belay.diff.DiffOptions;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.SchemaDiff;
import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Revision;
import dev.belay.schema.Column;
import dev.belay.schema.EnumType;
import dev.belay.schema.Index;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated revisions compile and do exactly what their plan does: for every plan of the diff's
 * round-trip corpus, plain and online-safe, the compiled revision's {@code up} sends the plan's
 * statements and its {@code down} those of the plan back. Between them the corpus plans every
 * kind of change, so every {@code DatabaseActions} call the generator writes is compiled and run.
 */
@PostgresTest
class RevisionGeneratorTests {

    private static final LocalDateTime TIME = LocalDateTime.of(2026, 11, 21, 15, 30, 0);

    private final RevisionGenerator generator = new RevisionGenerator();

    @Test
    void everyCorpusPlanCompilesToARevisionThatSendsThePlansStatementsBothWays(TestDatabase database)
            throws Exception {
        List<NamedPlan> plans = new java.util.ArrayList<>(CorpusPlans.plans(database, false, 18));
        // Online-safe NOT NULL differs between PostgreSQL 15 to 17 and 18: render both.
        plans.addAll(CorpusPlans.plans(database, true, 15));
        plans.addAll(CorpusPlans.plans(database, true, 18));
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, MigrationPlan> byClass = new LinkedHashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            RevisionHeader header = new RevisionHeader("dev.belay.generated.corpus", "Plan" + i, "plan_" + i,
                    List.of(), plans.get(i).name());
            GeneratedRevision revision = this.generator.generate(header, plans.get(i).plan());
            sources.put(header.qualifiedClassName(), revision.source());
            byClass.put(header.qualifiedClassName(), plans.get(i).plan());
        }
        ClassLoader loader = TestCompiler.compile(sources);
        for (Map.Entry<String, MigrationPlan> entry : byClass.entrySet()) {
            Revision revision = (Revision) loader.loadClass(entry.getKey()).getDeclaredConstructor().newInstance();
            MigrationPlan plan = entry.getValue();
            assertThat(RecordingMigrator.up(revision)).as("up of %s", sources.get(entry.getKey()))
                .isEqualTo(plan.sqlStatements());
            assertThat(RecordingMigrator.down(revision)).as("down of %s", sources.get(entry.getKey()))
                .isEqualTo(plan.reverse().sqlStatements());
        }
        Set<Class<?>> rendered = new HashSet<>();
        for (NamedPlan named : plans) {
            named.plan().changes().forEach((change) -> rendered.add(change.getClass()));
            named.plan().reverse().changes().forEach((change) -> rendered.add(change.getClass()));
        }
        assertThat(rendered).as("kinds of change the corpus plans")
            .containsExactlyInAnyOrderElementsOf(Arrays.asList(Change.class.getPermittedSubclasses()));
    }

    @Test
    void aRevisionIsAnnotatedWithItsIdParentsAndMessage() throws Exception {
        MigrationPlan plan = SchemaDiff.between(Schema.empty(),
                Schema.of(List.of(), List.of(), List.of(Table.of("ride", Column.of("ride", "note", "text")))));
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "add ride", List.of("20261120_090000"));
        GeneratedRevision revision = this.generator.generate(header, plan);

        Class<?> type = TestCompiler.compile(header.qualifiedClassName(), revision.source());

        MigrationRevision annotation = type.getAnnotation(MigrationRevision.class);
        assertThat(annotation.id()).isEqualTo("20261121_153000_add_ride");
        assertThat(annotation.after()).containsExactly("20261120_090000");
        assertThat(annotation.message()).isEqualTo("add ride");
        assertThat(annotation.transactional()).isTrue();
        assertThat(type.getName()).isEqualTo("com.example.migrations.V20261121_153000_AddRide");
        assertThat(revision.relativePath()).hasToString("com/example/migrations/V20261121_153000_AddRide.java");
    }

    @Test
    void aMergeComesAfterEveryHeadAndDoesNothing() throws Exception {
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "merge",
                List.of("20261120_090000_a", "20261120_100000_b"));
        GeneratedRevision revision = this.generator.merge(header);

        Class<?> type = TestCompiler.compile(header.qualifiedClassName(), revision.source());

        assertThat(type.getAnnotation(MigrationRevision.class).after()).containsExactly("20261120_090000_a",
                "20261120_100000_b");
        Revision merge = (Revision) type.getDeclaredConstructor().newInstance();
        assertThat(RecordingMigrator.up(merge)).isEmpty();
        assertThat(RecordingMigrator.down(merge)).isEmpty();
    }

    @Test
    void aConcurrentIndexMakesTheRevisionNonTransactionalAndSaysWhy() throws Exception {
        Table ride = Table.of("ride", Column.of("ride", "started_at", "date"));
        Schema before = Schema.of(List.of(), List.of(), List.of(ride));
        Schema after = Schema.of(List.of(), List.of(),
                List.of(ride.withIndexes(Map.of("ride_started_idx", Index.of("ride", "ride_started_idx", "started_at")))));
        MigrationPlan plan = SchemaDiff.between(before, after, DiffOptions.defaults().withOnlineSafe(true));
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "index rides", List.of("a"));

        GeneratedRevision revision = this.generator.generate(header, plan);

        assertThat(revision.transactional()).isFalse();
        assertThat(revision.source()).contains("transactional = false");
        assertThat(javadoc(revision.source()))
            .contains("because PostgreSQL cannot run CREATE INDEX CONCURRENTLY inside a transaction");
        Class<?> type = TestCompiler.compile(header.qualifiedClassName(), revision.source());
        assertThat(type.getAnnotation(MigrationRevision.class).transactional()).isFalse();
    }

    @Test
    void aNewEnumLabelUsedInTheSameRevisionMakesItNonTransactional() {
        Table ride = Table.of("ride", Column.of("ride", "kind", "kind"));
        Schema before = Schema.of(List.of(EnumType.of("kind", "ROAD")), List.of(), List.of(ride));
        Schema after = Schema.of(List.of(EnumType.of("kind", "ROAD", "GRAVEL")), List.of(),
                List.of(Table.of("ride", Column.of("ride", "kind", "kind").withDefault("'GRAVEL'::kind"))));
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "gravel", List.of("a"));

        GeneratedRevision revision = this.generator.generate(header, SchemaDiff.between(before, after));

        assertThat(revision.transactional()).isFalse();
        assertThat(javadoc(revision.source())).contains("adds the label 'GRAVEL' to enum type kind and then uses it");
    }

    @Test
    void aNewEnumLabelThatTheRevisionDoesNotUseKeepsItTransactional() {
        Schema before = Schema.of(List.of(EnumType.of("kind", "ROAD")), List.of(), List.of());
        Schema after = Schema.of(List.of(EnumType.of("kind", "ROAD", "GRAVEL")), List.of(),
                List.of(Table.of("ride", Column.of("ride", "note", "text"))));
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "gravel", List.of("a"));

        assertThat(this.generator.generate(header, SchemaDiff.between(before, after)).transactional()).isTrue();
    }

    @Test
    void stringsKeepLineAndParagraphSeparatorsWhichJavaPoetWouldBreakLinesAt() throws Exception {
        String comment = "first\u2028second\u2029third \"quoted\" \\ back\nslash \uD83D\uDEB2";
        Table before = Table.of("ride", Column.of("ride", "note", "text"));
        Schema from = Schema.of(List.of(), List.of(), List.of(before));
        Schema to = Schema.of(List.of(), List.of(), List.of(before.withComment(comment)));
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "comment\u2028", List.of("a"));

        GeneratedRevision revision = this.generator.generate(header, SchemaDiff.between(from, to));

        Revision compiled = (Revision) TestCompiler.compile(header.qualifiedClassName(), revision.source())
            .getDeclaredConstructor()
            .newInstance();
        assertThat(RecordingMigrator.up(compiled)).isEqualTo(SchemaDiff.between(from, to).sqlStatements());
        assertThat(compiled.getClass().getAnnotation(MigrationRevision.class).message()).isEqualTo("comment\u2028");
    }

    @Test
    void hazardousStepsAreCommentedWithWhatTheyDoToDataAndLocks() {
        Schema before = Schema.of(List.of(), List.of(),
                List.of(Table.of("ride", Column.of("ride", "note", "text"), Column.of("ride", "dist", "integer"))));
        Schema after = Schema.of(List.of(), List.of(), List.of(Table.of("ride", Column.of("ride", "note", "text"))));
        MigrationPlan plan = SchemaDiff.between(before, after);
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "drop dist", List.of("a"));

        String source = this.generator.generate(header, plan).source();

        String hazards = plan.hazards().stream().map(Object::toString).collect(Collectors.joining("\n"));
        assertThat(hazards).isNotEmpty();
        for (String hazard : hazards.split("\n")) {
            assertThat(source).contains("// " + hazard + "\n" + "        m.actions().dropColumn(\"ride\", \"dist\");");
        }
    }

    /** The class's Javadoc as one line of text. */
    private static String javadoc(String source) {
        String comment = source.substring(source.indexOf("/**"), source.indexOf("*/"));
        return comment.replaceAll("\\s*\\n\\s*\\*\\s?", " ");
    }

}
