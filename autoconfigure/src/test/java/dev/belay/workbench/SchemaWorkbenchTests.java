package dev.belay.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.belay.actions.SchemaSnapshot;
import dev.belay.diff.Change;
import dev.belay.revision.MigrationRevision;
import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionInfo;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import dev.belay.workbench.RefusedException.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The workbench's refusals, each with its message, and its comparisons: check at head, with
 * pending revisions (through the shadow) and with drift; generating against the shadow; rename
 * questions; and a database first built by Hibernate's {@code ddl-auto}.
 */
@PostgresTest
class SchemaWorkbenchTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    SchemaWorkbenchTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void refusesSeveralHeadsAndOffersAMergeThatJoinsThem() throws IOException {
        try (Project project = project().revisions(new Root(), new BranchA(), new BranchB())) {
            assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> project.workbench().generate(GenerateRequest.defaults()))
                .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.SEVERAL_HEADS))
                .withMessageContaining("2 heads: 'branch_a' (" + BranchA.class.getName() + "), 'branch_b'")
                .withMessageContaining("Run `belay merge`");
            assertThat(files(project)).isEmpty();

            WrittenRevision merge = project.workbench().merge(null);

            assertThat(merge.revision().header().after()).containsExactly("branch_a", "branch_b");
            assertThat(merge.revision().header().message()).isEqualTo("merge branch_a and branch_b");
            project.compile(merge);
            assertThat(project.runner().graph().heads()).containsExactly(merge.revision().header().id());
            assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> project.workbench().merge(null))
                .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOTHING_TO_MERGE))
                .withMessageContaining("one head, '" + merge.revision().header().id() + "'");
        }
    }

    @Test
    void refusesPendingRevisionsAndSaysToApplyThemOrUseTheShadow() throws IOException {
        try (Project project = project().revisions(new Root(), new BranchA())) {
            project.runner().apply("root");

            assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> project.workbench().generate(GenerateRequest.defaults()))
                .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.PENDING_REVISIONS))
                .withMessageContaining("not at head: 1 revision of the code is not applied: 'branch_a'")
                .withMessageContaining("Run `belay apply` first")
                .withMessageContaining("`belay generate --shadow`");
            assertThat(files(project)).isEmpty();
        }
    }

    @Test
    void refusesRevisionsTheCodeDoesNotHave() throws IOException {
        try (Project newer = project().revisions(new Root(), new BranchA())) {
            newer.runner().apply();
        }
        try (Project project = project().revisions(new Root())) {
            assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> project.workbench().generate(GenerateRequest.defaults()))
                .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_REVISIONS))
                .withMessageContaining("1 revision that this code does not have: 'branch_a' (make branch a")
                .withMessageContaining("update this checkout");
            assertThat(files(project)).isEmpty();
        }
    }

    @Test
    void refusesAnInterruptedRevision() {
        try (Project project = project().revisions(new Root())) {
            project.runner().apply();
            this.jdbc.update("UPDATE " + this.schema + ".belay_history SET state = 'applying'");

            assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> project.workbench().generate(GenerateRequest.defaults()))
                .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.INCOMPLETE_REVISIONS))
                .withMessageContaining("'root' started and did not finish");
        }
    }

    @Test
    void writesNothingWhenThereIsNothingToDo() throws IOException {
        try (Project project = project()) {
            GenerateResult first = project.workbench().generate(GenerateRequest.defaults().withMessage("notes"));
            project.compile(first.written());
            project.runner().apply();

            GenerateResult second = project.workbench().generate(GenerateRequest.defaults());

            assertThat(second.nothingToDo()).isTrue();
            assertThat(second.plan().isEmpty()).isTrue();
            assertThat(second.mapping()).as("the mapping kept beside the first revision is still the mapping").isNull();
            assertThat(files(project)).containsExactly(first.written().file());
        }
    }

    @Test
    void keepsTheMappingBesideTheRevisionItWritesAndRecordsItForTheHeadWhenThereIsNothingToDo() throws IOException {
        try (Project project = project()) {
            GenerateResult first = project.workbench().generate(GenerateRequest.defaults().withMessage("notes"));
            String id = first.written().revision().header().id();
            Path mapping = project.resources().resolve("belay/mappings/" + id + ".sql");
            assertThat(first.mapping()).isEqualTo(mapping);
            assertThat(Files.readString(mapping)).contains("create table note (")
                .startsWith("-- belay-mapping-1: Hibernate's DDL for the JPA mapping that revision " + id);
            project.compile(first.written());
            project.runner().apply();

            // A mapping snapshot that is missing (a revision written before Belay kept them) is recorded.
            Files.delete(mapping);
            GenerateResult nothing = project.workbench().generate(GenerateRequest.defaults());

            assertThat(nothing.nothingToDo()).isTrue();
            assertThat(nothing.mapping()).isEqualTo(mapping);
            assertThat(MappingSnapshot.parse(Files.readString(mapping)).fingerprint())
                .isEqualTo(MappingSnapshot.parse(Files.readString(first.mapping())).fingerprint());
        }
    }

    @Test
    void refusesToGenerateAgainstADatabaseChangedByHandAndSaysWhatToDo() {
        try (Project project = project()) {
            project.compile(project.workbench().generate(GenerateRequest.defaults()).written());
            project.runner().apply();
            this.jdbc.execute("ALTER TABLE " + this.schema + ".note ADD COLUMN extra integer");

            assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> project.workbench().generate(GenerateRequest.defaults()))
                .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RefusedException.Reason.DATABASE_DRIFTED))
                .withMessageContaining("is not what its revisions built")
                .withMessageContaining("column note.extra was added: ALTER TABLE note ADD COLUMN extra integer")
                .withMessageContaining("`belay stamp`")
                .withMessageContaining("`belay generate --shadow`");
            assertThat(project.workbench().generate(GenerateRequest.defaults().withShadow(true)).nothingToDo()).isTrue();
        }
    }

    @Test
    void namesTheRevisionAfterWhatItDoesWhenNoMessageIsGiven() {
        try (Project project = project()) {
            GenerateResult generated = project.workbench().generate(GenerateRequest.defaults());

            assertThat(generated.written().revision().header().message()).isEqualTo("create note");
            assertThat(generated.written().revision().header().id()).endsWith("_create_note");
        }
    }

    @Test
    void withTheShadowGeneratesAgainstWhatTheRevisionsBuildAndLeavesTheDatabaseAlone() {
        try (Project project = project()) {
            WrittenRevision first = project.workbench().generate(GenerateRequest.defaults()).written();
            project.compile(first);
            SideEffect sideEffect = new SideEffect();
            project.revision(new RevisionInfo("zz_side_effect", List.of(first.revision().header().id()), "side effect",
                    true, "test"), sideEffect);
            project.model(Notes.TitledNote.class);

            GenerateResult generated = project.workbench().generate(GenerateRequest.defaults().withShadow(true));

            assertThat(generated.shadow()).isTrue();
            assertThat(generated.plan().changes()).singleElement().isInstanceOf(Change.AddColumn.class);
            assertThat(sideEffect.outsideTheDatabase).hasValue(0);
            assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = ? OR nspname LIKE "
                    + "'belay\\_%'", Integer.class, this.schema)).isZero();
        }
    }

    @Test
    void asksWhetherADropAndAnAddOfTheSameTypeAreARename() {
        try (Project project = project()) {
            project.compile(project.workbench().generate(GenerateRequest.defaults()).written());
            project.runner().apply();
            project.model(Notes.RenamedNote.class);
            List<RenameCandidate> asked = new ArrayList<>();

            GenerateResult renamed = project.workbench()
                .generate(GenerateRequest.defaults().withQuestions((candidate) -> asked.add(candidate)));

            assertThat(asked).containsExactly(new RenameCandidate("note", "body", "text", "character varying(200)"));
            assertThat(renamed.plan().changes()).singleElement()
                .isEqualTo(new Change.RenameColumn("note", "body", "text", List.of()));
            assertThat(renamed.possibleRenames()).isEmpty();
        }
    }

    @Test
    void whenNobodyConfirmsARenameItDropsAndAddsAndNamesTheHint() {
        try (Project project = project()) {
            project.compile(project.workbench().generate(GenerateRequest.defaults()).written());
            project.runner().apply();
            project.model(Notes.RenamedNote.class);

            GenerateResult result = project.workbench()
                .generate(GenerateRequest.defaults().withQuestions((candidate) -> false));

            assertThat(result.plan().changes()).hasSize(2);
            assertThat(result.possibleRenames()).singleElement()
                .satisfies((candidate) -> assertThat(candidate.hint()).hasToString("note.body=text"));
        }
    }

    @Test
    void refusesRenameHintsThatAreMalformedOrNameWhatIsNotThere() {
        assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> RenameHint.parse("note.body"))
            .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.BAD_RENAME))
            .withMessageContaining("'note.body' is not a rename hint")
            .withMessageContaining("table.column=new_column");
        try (Project project = project()) {
            project.compile(project.workbench().generate(GenerateRequest.defaults()).written());
            project.runner().apply();
            project.model(Notes.RenamedNote.class);

            assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> project.workbench()
                    .generate(GenerateRequest.defaults().withRename(RenameHint.parse("note.bdy=text"))))
                .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.BAD_RENAME))
                .withMessageContaining("bdy");
        }
    }

    @Test
    void renameHintsReadQuotedNamesAndWriteThemBack() {
        assertThat(RenameHint.parse("\"a.b\".\"x=y\"=z")).isEqualTo(new RenameHint("a.b", "x=y", "z"));
        assertThat(RenameHint.parse("Ride Log=trips")).isEqualTo(new RenameHint("Ride Log", null, "trips"));
        assertThat(RenameHint.parse("it's.a\"b=c")).isEqualTo(new RenameHint("it's", "a\"b", "c"));
        for (RenameHint hint : List.of(new RenameHint("a.b", "x=y", "z"), new RenameHint("\"q\"", null, "Mixed"),
                new RenameHint("t", "c", "d.e"))) {
            assertThat(RenameHint.parse(hint.toString())).isEqualTo(hint);
        }
    }

    @Test
    void refusesToWriteWithoutADirectoryOrAPackage() {
        try (Project project = project()) {
            SchemaWorkbench noDirectory = new SchemaWorkbench(project.runner(), project.desired(),
                    new SchemaInspector(), new GenerateSettings(project.sources().resolve("missing"), "x"),
                    java.time.Clock.systemUTC());
            assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> noDirectory.generate(GenerateRequest.defaults()))
                .satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CANNOT_WRITE))
                .withMessageContaining("missing, which is not a directory")
                .withMessageContaining("belay.generate.directory");
            SchemaWorkbench noPackage = new SchemaWorkbench(project.runner(), project.desired(),
                    new SchemaInspector(), new GenerateSettings(project.sources(), null), java.time.Clock.systemUTC());
            assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> noPackage.generate(GenerateRequest.defaults()))
                .withMessageContaining("Set belay.generate.package");
        }
    }

    @Test
    void checkPassesAtHeadAndFailsOnADatabaseChangedByHandWhileTheMappingStillMatchesTheRevisions() {
        try (Project project = project()) {
            project.compile(project.workbench().generate(GenerateRequest.defaults()).written());
            project.runner().apply();
            assertThat(project.workbench().check().passed()).isTrue();

            this.jdbc.execute("ALTER TABLE " + this.schema + ".note ADD COLUMN extra integer");

            Comparison check = project.workbench().check();
            assertThat(check.passed()).isFalse();
            assertThat(check.database().differs()).isTrue();
            assertThat(check.database().differences()).extracting(SchemaSnapshot.ObjectDifference::object)
                .containsExactly("column note.extra");
            assertThat(check.shadow()).as("the mapping is compared with what the revisions build").isTrue();
            assertThat(check.matches()).isTrue();
        }
    }

    @Test
    void withPendingRevisionsCheckComparesWhatTheWholeChainBuilds() {
        try (Project project = project()) {
            project.compile(project.workbench().generate(GenerateRequest.defaults()).written());

            Comparison check = project.workbench().check();

            assertThat(check.shadow()).isTrue();
            assertThat(check.pending()).hasSize(1);
            assertThat(check.passed()).isTrue();
            project.model(Notes.TitledNote.class);
            assertThat(project.workbench().check().passed()).isFalse();
        }
    }

    @Test
    void checkFailsWhenTheDatabaseHasRevisionsTheCodeLacks() {
        try (Project newer = project().revisions(new Root(), new BranchA())) {
            newer.runner().apply();
        }
        try (Project project = project().revisions(new Root())) {
            Comparison check = project.workbench().check();
            assertThat(check.passed()).isFalse();
            assertThat(check.problems()).extracting((revision) -> revision.id()).containsExactly("branch_a");
        }
    }

    @Test
    void anEnumCheckThatBelayCreatedIsWrittenAndStoredAsHibernateCreatesItAndComparesEqual() throws IOException {
        try (MappedModel hibernate = MappedModel.createdByHibernate(this.database, this.schema + "_hibernate",
                Notes.Task.class); Project project = project().model(Notes.Task.class)) {
            WrittenRevision written = project.workbench().generate(GenerateRequest.defaults()).written();
            assertThat(Files.readString(written.file())).contains("priority in ('LOW','HIGH')");
            project.compile(written);
            project.runner().apply();

            Comparison after = project.workbench().diff(false, false, List.of());

            assertThat(after.plan().changes()).as("%s", after.plan()).isEmpty();
            assertThat(priorityCheck(this.schema)).isEqualTo(priorityCheck(this.schema + "_hibernate"));
        }
    }

    private String priorityCheck(String schema) {
        return this.jdbc.queryForObject("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = "
                + "'task_priority_check' AND connamespace = ?::regnamespace", String.class, schema);
    }

    @Test
    void aDatabaseBuiltByHibernateItselfHasNoSpuriousCheckChanges() throws SQLException {
        try (MappedModel hibernate = MappedModel.createdByHibernate(this.database, this.schema, Notes.Task.class)) {
            assertThat(this.jdbc.queryForObject("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = "
                    + "'task_priority_check' AND connamespace = ?::regnamespace", String.class, this.schema))
                .contains("::text[]");
        }
        try (Project project = project()) {
            project.model(Notes.Task.class);
            assertThat(project.workbench().diff(false, false, List.of()).plan().changes()).isEmpty();

            project.model(Notes.MoreTask.class);
            assertThat(project.workbench().diff(false, false, List.of()).plan().changes())
                .extracting((change) -> change.getClass().getSimpleName())
                .containsExactly("DropConstraint", "AddCheckConstraint");
        }
    }

    private Project project() {
        return new Project(this.database, this.schema).model(Notes.Note.class);
    }

    private static List<Path> files(Project project) throws IOException {
        try (Stream<Path> files = Files.walk(project.sources())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @MigrationRevision(id = "root", message = "make root")
    static class Root implements Revision {

        @Override
        public void up(Migrator m) {
            m.actions().execute("CREATE TABLE root (id int)");
        }

        @Override
        public void down(Migrator m) {
            m.actions().execute("DROP TABLE root");
        }

    }

    @MigrationRevision(id = "branch_a", after = "root", message = "make branch a")
    static class BranchA implements Revision {

        @Override
        public void up(Migrator m) {
            m.actions().execute("CREATE TABLE branch_a (id int)");
        }

        @Override
        public void down(Migrator m) {
            m.actions().execute("DROP TABLE branch_a");
        }

    }

    @MigrationRevision(id = "branch_b", after = "root", message = "make branch b")
    static class BranchB implements Revision {

        @Override
        public void up(Migrator m) {
        }

        @Override
        public void down(Migrator m) {
        }

    }

    /** A revision that would touch something outside the database, unless it is a dry run. */
    static class SideEffect implements Revision {

        final AtomicInteger outsideTheDatabase = new AtomicInteger();

        @Override
        public void up(Migrator m) {
            if (!m.dryRun()) {
                this.outsideTheDatabase.incrementAndGet();
            }
        }

        @Override
        public void down(Migrator m) {
        }

    }

}
