package dev.belay.codegen;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.belay.actions.DatabaseActions;
import dev.belay.actions.RecordingStatementSink;
import dev.belay.actions.SqlStatement;
import dev.belay.diff.Change;
import dev.belay.diff.CorpusPlans;
import dev.belay.diff.CorpusPlans.NamedChain;
import dev.belay.diff.CorpusPlans.NamedPlan;
import dev.belay.diff.DiffOptions;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.SchemaDiff;
import dev.belay.diff.SegmentedPlan;
import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Revision;
import dev.belay.schema.Column;
import dev.belay.schema.EnumType;
import dev.belay.schema.ForeignKey;
import dev.belay.schema.Identity;
import dev.belay.schema.Index;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.ReferentialAction;
import dev.belay.schema.Schema;
import dev.belay.schema.Sequence;
import dev.belay.schema.SequenceOptions;
import dev.belay.schema.Table;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Generated revisions compile and do exactly what their plan does: for every plan of the diff's
 * round-trip corpus, plain and online-safe, the compiled revision's {@code up} sends the plan's
 * statements and its {@code down} those of the plan back. Between them the corpus plans every
 * kind of change, so every {@code DatabaseActions} call the generator writes is compiled and run.
 * A plan whose steps cannot share one transaction is written as a chain of revisions, each in a
 * transaction or declared idempotent, each undoing its own steps.
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
            MigrationPlan plan = plans.get(i).plan();
            GeneratedRevision revision = this.generator.generate(header, plan.changes(), plan.reverse().changes());
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
        assertThat(type.getAnnotation(MigrationRevision.class).idempotent()).isTrue();
        Revision compiled = (Revision) type.getDeclaredConstructor().newInstance();
        assertThat(RecordingMigrator.up(compiled)).extracting(SqlStatement::sql)
            .containsExactly("CREATE INDEX CONCURRENTLY IF NOT EXISTS ride_started_idx ON ride USING btree (started_at)");
        assertThat(RecordingMigrator.down(compiled)).extracting(SqlStatement::sql)
            .containsExactly("DROP INDEX CONCURRENTLY IF EXISTS ride_started_idx");
    }

    @Test
    void aNewEnumLabelThatThePlanUsesIsCommittedByOneTransactionalRevisionBeforeTheNextUsesIt() throws Exception {
        Table ride = Table.of("ride", Column.of("ride", "kind", "kind"));
        Schema before = Schema.of(List.of(EnumType.of("kind", "ROAD")), List.of(), List.of(ride));
        Schema labelled = Schema.of(List.of(EnumType.of("kind", "ROAD", "GRAVEL")), List.of(), List.of(ride));
        Schema after = Schema.of(List.of(EnumType.of("kind", "ROAD", "GRAVEL")), List.of(),
                List.of(Table.of("ride", Column.of("ride", "kind", "kind").withDefault("'GRAVEL'::kind"))));
        MigrationPlan plan = SchemaDiff.between(before, after);
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "gravel", List.of("a"));

        List<GeneratedRevision> chain = this.generator.generate(header,
                SegmentedPlan.of(plan, List.of(before, labelled, after)));

        assertThat(chain).extracting(GeneratedRevision::transactional).containsExactly(true, true);
        assertThat(chain).extracting((revision) -> revision.header().id())
            .containsExactly("20261121_153000_gravel", "20261121_153000_gravel_2");
        assertThat(chain.get(1).header().after()).containsExactly("20261121_153000_gravel");
        assertThat(javadoc(chain.get(1).source())).contains("Part 2 of 2 of one change that {@code belay generate} "
                + "wrote as a chain of revisions")
            .contains("the label is added in one revision and used in the next");
        ClassLoader loader = TestCompiler.compile(sources(chain));
        Revision first = revision(loader, chain.get(0));
        Revision second = revision(loader, chain.get(1));
        assertThat(RecordingMigrator.up(first)).extracting(SqlStatement::sql)
            .containsExactly("ALTER TYPE kind ADD VALUE IF NOT EXISTS 'GRAVEL'");
        assertThat(RecordingMigrator.up(second)).extracting(SqlStatement::sql)
            .containsExactly("ALTER TABLE ride ALTER COLUMN kind SET DEFAULT 'GRAVEL'::kind");
        assertThat(RecordingMigrator.down(second)).extracting(SqlStatement::sql)
            .containsExactly("ALTER TABLE ride ALTER COLUMN kind DROP DEFAULT");
        assertThat(RecordingMigrator.down(first)).extracting(SqlStatement::sql).contains("DROP TYPE kind_belay_old");
        assertThatIllegalArgumentException().isThrownBy(() -> this.generator.generate(header, plan))
            .withMessageContaining("chain of 2 revisions");
    }

    @Test
    void anOnlineSafePlanIsAChainWhoseTransactionalStepsShareTransactionsAndWhoseOthersAreIdempotent()
            throws Exception {
        Table ride = Table.of("ride", Column.of("ride", "id", "integer"), Column.of("ride", "name", "character varying(255)"));
        Table changed = Table.of("ride", Column.of("ride", "id", "integer"), Column.of("ride", "name", "character varying(10)"),
                Column.of("ride", "note", "text"));
        Schema before = Schema.of(List.of(), List.of(), List.of(ride));
        Schema columns = Schema.of(List.of(), List.of(), List.of(changed));
        Schema after = Schema.of(List.of(), List.of(),
                List.of(changed.withIndexes(Map.of("ride_note_idx", Index.of("ride", "ride_note_idx", "note")))));
        MigrationPlan plan = SchemaDiff.between(before, after, DiffOptions.defaults().withOnlineSafe(true));
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "notes", List.of("a"));

        List<GeneratedRevision> chain = this.generator.generate(header,
                SegmentedPlan.of(plan, List.of(before, columns, after)));

        ClassLoader loader = TestCompiler.compile(sources(chain));
        MigrationRevision first = loader.loadClass(chain.get(0).header().qualifiedClassName())
            .getAnnotation(MigrationRevision.class);
        MigrationRevision second = loader.loadClass(chain.get(1).header().qualifiedClassName())
            .getAnnotation(MigrationRevision.class);
        assertThat(first.id()).isEqualTo("20261121_153000_notes");
        assertThat(first.after()).containsExactly("a");
        assertThat(first.message()).isEqualTo("notes");
        assertThat(first.transactional()).isTrue();
        assertThat(first.idempotent()).isFalse();
        assertThat(second.id()).isEqualTo("20261121_153000_notes_2");
        assertThat(second.after()).containsExactly("20261121_153000_notes");
        assertThat(second.message()).isEqualTo("notes (2 of 2)");
        assertThat(second.transactional()).isFalse();
        assertThat(second.idempotent()).isTrue();
        assertThat(chain).extracting((revision) -> revision.header().className())
            .containsExactly("V20261121_153000_Notes", "V20261121_153000_Notes_2");
        assertThat(chain).extracting(GeneratedRevision::idempotent).containsExactly(false, true);
        assertThat(javadoc(chain.get(0).source())).contains("Part 1 of 2 of one change that "
                + "{@code belay generate --online-safe} wrote as a chain of revisions")
            .doesNotContain("transactional = false");
        assertThat(javadoc(chain.get(1).source())).contains("Part 2 of 2")
            .contains("because PostgreSQL cannot run CREATE INDEX CONCURRENTLY inside a transaction")
            .contains("({@code idempotent = true})")
            .contains("Belay resumes the revision by running it again");
        Revision columnsFirst = revision(loader, chain.get(0));
        Revision indexAfter = revision(loader, chain.get(1));
        assertThat(RecordingMigrator.up(columnsFirst)).extracting(SqlStatement::sql).containsExactly(
                "ALTER TABLE ride ADD COLUMN note text", "ALTER TABLE ride ALTER COLUMN name TYPE character varying(10)");
        assertThat(RecordingMigrator.down(columnsFirst)).extracting(SqlStatement::sql).containsExactly(
                "ALTER TABLE ride DROP COLUMN note", "ALTER TABLE ride ALTER COLUMN name TYPE character varying(255)");
        assertThat(RecordingMigrator.up(indexAfter)).extracting(SqlStatement::sql)
            .containsExactly("CREATE INDEX CONCURRENTLY IF NOT EXISTS ride_note_idx ON ride USING btree (note)");
        assertThat(RecordingMigrator.down(indexAfter)).extracting(SqlStatement::sql)
            .containsExactly("DROP INDEX CONCURRENTLY IF EXISTS ride_note_idx");
    }

    @Test
    void everyCorpusPlanIsAChainWhoseRevisionsMakeItsStepsInOrderAndEachUndoItsOwn(TestDatabase database)
            throws Exception {
        List<NamedChain> chains = new java.util.ArrayList<>(CorpusPlans.chains(database, false, 18));
        chains.addAll(CorpusPlans.chains(database, true, 15));
        chains.addAll(CorpusPlans.chains(database, true, 18));
        int longest = 0;
        for (int i = 0; i < chains.size(); i++) {
            SegmentedPlan chain = chains.get(i).chain();
            if (chain.plan().isEmpty()) {
                continue;
            }
            RevisionHeader header = new RevisionHeader("dev.belay.generated.chains", "Chain" + i, "chain_" + i,
                    List.of(), chains.get(i).name());
            List<GeneratedRevision> revisions = this.generator.generate(header, chain);
            ClassLoader loader = TestCompiler.compile(sources(revisions));
            List<SqlStatement> ups = new java.util.ArrayList<>();
            for (int part = 0; part < revisions.size(); part++) {
                GeneratedRevision generated = revisions.get(part);
                SegmentedPlan.Part planned = chain.parts().get(part);
                Revision revision = revision(loader, generated);
                MigrationRevision annotation = revision.getClass().getAnnotation(MigrationRevision.class);
                assertThat(annotation.transactional()).as("%s", generated.source()).isEqualTo(planned.transactional());
                assertThat(annotation.idempotent()).as("%s", generated.source()).isEqualTo(planned.idempotent());
                assertThat(annotation.after()).isEqualTo((part == 0) ? new String[0]
                        : new String[] { revisions.get(part - 1).header().id() });
                assertThat(RecordingMigrator.down(revision)).as("down of %s", generated.source())
                    .isEqualTo(planned.down().sqlStatements());
                ups.addAll(RecordingMigrator.up(revision));
                if (!planned.segment().transactional()) {
                    assertThat(planned.idempotent()).as("%s", generated.source()).isTrue();
                }
            }
            assertThat(ups).as("the chain of %s", chains.get(i).name()).isEqualTo(chain.plan().sqlStatements());
            longest = Math.max(longest, revisions.size());
        }
        assertThat(longest).as("the corpus has plans that are chains").isGreaterThan(1);
    }

    @Test
    void thePartsOfAChainAreNamedToSortInChainOrder() {
        RevisionHeader first = RevisionHeader.of("com.example.migrations", TIME, "add title", List.of("a"));
        List<RevisionHeader> three = java.util.stream.IntStream.rangeClosed(1, 3).mapToObj((n) -> first.part(n, 3)).toList();
        List<RevisionHeader> twelve = java.util.stream.IntStream.rangeClosed(1, 12)
            .mapToObj((n) -> first.part(n, 12))
            .toList();

        assertThat(three).extracting(RevisionHeader::id).containsExactly("20261121_153000_add_title",
                "20261121_153000_add_title_2", "20261121_153000_add_title_3");
        assertThat(three).extracting(RevisionHeader::message).containsExactly("add title", "add title (2 of 3)",
                "add title (3 of 3)");
        assertThat(three.get(2).after()).containsExactly("20261121_153000_add_title_2");
        assertThat(twelve.get(9).id()).isEqualTo("20261121_153000_add_title_10");
        assertThat(twelve.get(1).className()).isEqualTo("V20261121_153000_AddTitle_02");
        for (List<RevisionHeader> chain : List.of(three, twelve)) {
            assertThat(chain).extracting(RevisionHeader::id).isSorted().doesNotHaveDuplicates();
            assertThat(chain).extracting(RevisionHeader::className).isSorted().doesNotHaveDuplicates();
        }
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
    void createdTablesKeysAndIndexesAreWrittenOnceNamedWithOnlyWhatDiffersFromTheDefaults() throws Exception {
        Table rider = Table.of("rider", Column.of("rider", "id", "bigint").withNotNull(true)
            .withIdentity(new Identity(Identity.Generation.BY_DEFAULT, SequenceOptions.defaults("bigint"))))
            .withPrimaryKey(PrimaryKey.of("rider", "rider_pkey", "id"));
        Table ride = Table.of("ride", Column.of("ride", "id", "integer").withNotNull(true)
            .withIdentity(new Identity(Identity.Generation.ALWAYS, SequenceOptions.defaults("integer").withStart(1000))),
                Column.of("ride", "rider_id", "bigint").withNotNull(true), Column.of("ride", "note", "text"))
            .withPrimaryKey(PrimaryKey.of("ride", "ride_pkey", "id"))
            .withForeignKeys(Map.of("ride_rider_fk", ForeignKey.of("ride", "ride_rider_fk", List.of("rider_id"), "rider",
                    List.of("id")).withOnDelete(ReferentialAction.CASCADE)))
            .withIndexes(Map.of("ride_rider_id_idx", Index.of("ride", "ride_rider_id_idx", "rider_id"), "ride_note_idx",
                    Index.of("ride", "ride_note_idx", "note").withUnique(true).withPredicate("(note IS NOT NULL)")));
        MigrationPlan plan = SchemaDiff.between(Schema.empty(), Schema.of(List.of(), List.of(), List.of(rider, ride)));
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "rides", List.of());

        String source = this.generator.generate(header, plan).source();

        assertThat(source).contains("import static dev.belay.actions.ColumnDefinition.column;",
                "import static dev.belay.actions.IndexDefinition.on;",
                "import static dev.belay.actions.References.references;")
            .contains("m.actions().createTable(\"rider\",\n                column(\"id\", \"bigint\").identity());")
            .contains("column(\"id\", \"integer\").identityAlways(SequenceOptions.defaults(\"integer\").withStart(1000)),\n"
                    + "                column(\"rider_id\", \"bigint\").notNull(),\n"
                    + "                column(\"note\", \"text\"));")
            .contains("m.actions().addPrimaryKey(\"ride\", \"ride_pkey\", \"id\");")
            .contains("m.actions().addForeignKey(\"ride\", \"ride_rider_fk\", \"rider_id\", "
                    + "references(\"rider\", \"id\").onDelete(ReferentialAction.CASCADE));")
            .contains("m.actions().createIndex(\"ride\", \"ride_rider_id_idx\", \"rider_id\");")
            .contains("m.actions().createIndex(\"ride\", \"ride_note_idx\", on(\"note\").unique().where(\"(note IS NOT NULL)\"));")
            .doesNotContain("Column.of", "withNotNull", "PrimaryKey.of", "ForeignKey.of", "Index.of", "List.of(\"id\")");
        Revision compiled = (Revision) TestCompiler.compile(header.qualifiedClassName(), source)
            .getDeclaredConstructor()
            .newInstance();
        assertThat(RecordingMigrator.up(compiled)).isEqualTo(plan.sqlStatements());
        assertThat(RecordingMigrator.down(compiled)).isEqualTo(plan.reverse().sqlStatements());
    }

    @Test
    void aColumnTheShortFormCannotMakeKeepsItsTableInTheModelsForm() throws Exception {
        Column nullableIdentity = Column.of("ride", "id", "bigint")
            .withIdentity(new Identity(Identity.Generation.BY_DEFAULT, SequenceOptions.defaults("bigint")));
        List<Change> up = List.of(new Change.CreateTable("ride", List.of(nullableIdentity, Column.of("ride", "note", "text")),
                List.of()));
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "rides", List.of());

        String source = this.generator.generate(header, up, List.of()).source();

        assertThat(source).contains("Column.of(\"ride\", \"id\", \"bigint\").withIdentity(")
            .contains("Column.of(\"ride\", \"note\", \"text\")")
            .doesNotContain("import static");
        Revision compiled = (Revision) TestCompiler.compile(header.qualifiedClassName(), source)
            .getDeclaredConstructor()
            .newInstance();
        RecordingStatementSink planned = new RecordingStatementSink();
        up.get(0).applyTo(new DatabaseActions(planned));
        assertThat(RecordingMigrator.up(compiled)).isEqualTo(planned.statements());
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

    @Test
    void thePlansNotesAreInTheRevisionsJavadocAndAStartChangeIsWrittenAsSuch() {
        Sequence liquibase = new Sequence("sequence_generator", SequenceOptions.defaults("bigint").withStart(1050)
            .withIncrement(50), null);
        Sequence hibernate = new Sequence("sequence_generator", SequenceOptions.defaults("bigint").withIncrement(50),
                null);
        Column authority = Column.of("user_authority", "authority_name", "character varying(50)").withNotNull(true);
        Column user = Column.of("user_authority", "user_id", "bigint").withNotNull(true);
        Table keyed = Table.of("user_authority", user, authority);
        Schema before = Schema.of(List.of(), List.of(liquibase), List.of(keyed
            .withPrimaryKey(PrimaryKey.of("user_authority", "user_authority_pkey", "authority_name", "user_id"))));
        Schema after = Schema.of(List.of(), List.of(hibernate), List.of(keyed
            .withPrimaryKey(PrimaryKey.of("user_authority", "user_authority_pkey", "user_id", "authority_name"))));
        MigrationPlan plan = SchemaDiff.between(before, after);
        RevisionHeader header = RevisionHeader.of("com.example.migrations", TIME, "take over", List.of("a"));

        String source = this.generator.generate(header, plan).source();

        assertThat(javadoc(source)).contains("Note: primary key user_authority.user_authority_pkey: keeps its column "
                + "order (authority_name, user_id)")
            .contains("Note: sequence sequence_generator: START 1050 → 1 is only the value a RESTART without a value "
                    + "goes back to; the next value stays where it is");
        assertThat(source).contains("m.actions().setSequenceStart(\"sequence_generator\", 1L);")
            .contains("m.actions().setSequenceStart(\"sequence_generator\", 1050L);");
    }

    private static Map<String, String> sources(List<GeneratedRevision> revisions) {
        Map<String, String> sources = new LinkedHashMap<>();
        revisions.forEach((revision) -> sources.put(revision.header().qualifiedClassName(), revision.source()));
        return sources;
    }

    private static Revision revision(ClassLoader loader, GeneratedRevision generated) throws Exception {
        return (Revision) loader.loadClass(generated.header().qualifiedClassName()).getDeclaredConstructor().newInstance();
    }

    /** The class's Javadoc as one line of text. */
    private static String javadoc(String source) {
        String comment = source.substring(source.indexOf("/**"), source.indexOf("*/"));
        return comment.replaceAll("\\s*\\n\\s*\\*\\s?", " ");
    }

}
