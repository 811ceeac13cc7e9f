package dev.belay.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.belay.codegen.GeneratedRevision;
import dev.belay.codegen.RevisionGenerator;
import dev.belay.codegen.RevisionHeader;
import dev.belay.diff.DiffOptions;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.SchemaDiff;
import dev.belay.diff.SegmentedPlan;
import dev.belay.schema.Column;
import dev.belay.schema.Index;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.workbench.Deferral;
import dev.belay.workbench.GenerateResult;
import dev.belay.workbench.WrittenRevision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code belay generate} prints about the revisions it wrote. */
class GenerateReportTests {

    private static final Path SOURCES = Path.of("src/main/java/com/example/migrations").toAbsolutePath();

    @Test
    void aChainIsPrintedFileByFileWithEachIdAndHowItRuns() {
        Table ride = Table.of("ride", Column.of("ride", "id", "integer"), Column.of("ride", "name", "text"));
        Table noted = Table.of("ride", Column.of("ride", "id", "integer"), Column.of("ride", "name", "text"),
                Column.of("ride", "note", "text"));
        Schema before = Schema.of(List.of(), List.of(), List.of(ride));
        Schema columns = Schema.of(List.of(), List.of(), List.of(noted));
        Schema after = Schema.of(List.of(), List.of(),
                List.of(noted.withIndexes(Map.of("ride_note_idx", Index.of("ride", "ride_note_idx", "note")))));
        MigrationPlan plan = SchemaDiff.between(before, after, DiffOptions.defaults().withOnlineSafe(true));
        List<GeneratedRevision> chain = new RevisionGenerator().generate(
                RevisionHeader.of("com.example.migrations", LocalDateTime.of(2026, 3, 1, 12, 0), "notes", List.of("init")),
                SegmentedPlan.of(plan, List.of(before, columns, after)));
        List<WrittenRevision> written = chain.stream()
            .map((revision) -> new WrittenRevision(revision, SOURCES.resolve(revision.header().className() + ".java")))
            .toList();

        String output = print(new GenerateResult(plan, written, List.of(), false));

        assertThat(output).contains("Wrote a chain of 2 revisions, each after the one before, for 2 changes from the "
                + "database to the JPA mapping:\n")
            .contains("  src/main/java/com/example/migrations/V20260301_120000_Notes.java\n"
                    + "    revision 20260301_120000_notes, after init: 1 change, in one transaction\n")
            .contains("  src/main/java/com/example/migrations/V20260301_120000_Notes_2.java\n"
                    + "    revision 20260301_120000_notes_2, after 20260301_120000_notes: 1 change, without a "
                    + "transaction; idempotent, so an interrupted run is resumed\n")
            .contains("Review them, build the application");
    }

    @Test
    void aSingleRevisionIsPrintedAsBefore() {
        Schema before = Schema.of(List.of(), List.of(), List.of(Table.of("ride", Column.of("ride", "id", "integer"))));
        Schema after = Schema.of(List.of(), List.of(), List.of(Table.of("ride", Column.of("ride", "id", "integer"),
                Column.of("ride", "note", "text"))));
        MigrationPlan plan = SchemaDiff.between(before, after, DiffOptions.defaults().withOnlineSafe(true));
        GeneratedRevision revision = new RevisionGenerator().generate(
                RevisionHeader.of("com.example.migrations", LocalDateTime.of(2026, 3, 1, 12, 0), "notes", List.of("init")),
                plan);

        String output = print(new GenerateResult(plan,
                List.of(new WrittenRevision(revision, SOURCES.resolve("V20260301_120000_Notes.java"))), List.of(), false));

        assertThat(output).isEqualTo("""
                Wrote src/main/java/com/example/migrations/V20260301_120000_Notes.java
                  revision 20260301_120000_notes, after init
                  1 change from the database to the JPA mapping
                Review it, build the application and run `belay apply` (or start the application).
                """);
    }

    @Test
    void whatExpandContractKeepsForTheReleaseBeforeAndWhatContractFinishesAreNamed() {
        Schema before = Schema.of(List.of(), List.of(), List.of(Table.of("ride", Column.of("ride", "id", "integer"),
                Column.of("ride", "note", "text").withNotNull(true))));
        Schema after = Schema.of(List.of(), List.of(), List.of(Table.of("ride", Column.of("ride", "id", "integer"),
                Column.of("ride", "note", "text"))));
        MigrationPlan plan = SchemaDiff.between(before, after, DiffOptions.defaults());
        GeneratedRevision revision = new RevisionGenerator().generate(
                RevisionHeader.of("com.example.migrations", LocalDateTime.of(2026, 3, 1, 12, 0), "forget notes",
                        List.of("init")),
                plan);
        List<WrittenRevision> written = List.of(new WrittenRevision(revision, SOURCES.resolve("V1.java")));
        List<Deferral> note = List.of(new Deferral(Deferral.Kind.DROP_COLUMN, "ride", "note"));

        String expanded = print(new GenerateResult(plan, written, List.of(), false, null, null, note, List.of()));
        String contracted = print(new GenerateResult(plan, written, List.of(), false, null, null, List.of(), note));

        assertThat(expanded).contains("  Kept for the previous release, which still uses them while a rolling deploy "
                + "runs: drop column ride.note.\n  Once every instance runs this release, `belay generate --contract` "
                + "writes the revision that finishes them.");
        assertThat(contracted).contains("  Finishes what earlier --expand-contract revisions left for this release: "
                + "drop column ride.note.").doesNotContain("Kept for the previous release");
    }

    @Test
    void revisionsWrittenWithoutLintSayWhy() {
        Schema before = Schema.of(List.of(), List.of(), List.of(Table.of("ride", Column.of("ride", "id", "integer"))));
        Schema after = Schema.of(List.of(), List.of(), List.of(Table.of("ride", Column.of("ride", "id", "integer"),
                Column.of("ride", "note", "text"))));
        MigrationPlan plan = SchemaDiff.between(before, after, DiffOptions.defaults());
        GeneratedRevision revision = new RevisionGenerator().generate(
                RevisionHeader.of("com.example.migrations", LocalDateTime.of(2026, 3, 1, 12, 0), "notes", List.of("init")),
                plan);
        List<WrittenRevision> written = List.of(new WrittenRevision(revision, SOURCES.resolve("V1.java")));

        String output = print(new GenerateResult(plan, written, List.of(), false, null, null, List.of(), List.of(),
                "not run for 1 change (more than 0): run `belay lint` when you want its findings."));

        assertThat(output).contains("  1 change from the database to the JPA mapping\n"
                + "  belay lint: not run for 1 change (more than 0): run `belay lint` when you want its findings.\n");
    }

    private static String print(GenerateResult result) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            CommandReports.printGenerated(result, writer);
        }
        return out.toString().replace(System.lineSeparator(), "\n");
    }

}
