package dev.belay.autoconfigure.triplog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.belay.autoconfigure.tripbackfill.TripBackfills.FillTripModes;
import dev.belay.autoconfigure.tripbackfill.TripBackfills.MarkOldTrips;
import dev.belay.actions.SchemaSnapshot;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.autoconfigure.tripcrew.CrewedTrips;
import dev.belay.autoconfigure.tripnote.NotedTrips;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Belay's commands run non-interactively in the application, as
 * {@code java -jar app.jar belay <command>} runs them, with the exit status the process would end
 * with: 0 when they succeed, 1 when Belay refuses or the check fails, 2 when a command is misused
 * or does not exist.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class ShellCommandsTests {

    private static final String INIT = "20260101_000100_create_trips";

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    ShellCommandsTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void statusListsTheRevisionsAndDoesNotMigrate(CapturedOutput output) {
        assertThat(run("belay", "status")).isZero();

        assertThat(output).contains("Schema " + this.schema).contains(INIT + "  create trips  pending")
            .contains("1 revision is not applied yet (" + INIT + "): run `belay apply`.");
        assertThat(tables()).isEmpty();
    }

    @Test
    void applyAppliesAndADryRunBeforeItPrintsTheSqlAndChangesNothing(CapturedOutput output) {
        assertThat(run("belay", "apply", "--dry-run")).isZero();
        assertThat(output).contains("Dry run: 1 revision would be applied").contains("CREATE TABLE trip (")
            .contains("Rehearsed on a copy of its tables");
        assertThat(tables()).isEmpty();

        assertThat(run("belay", "apply")).isZero();
        assertThat(output).contains("Applied 1 revision to schema " + this.schema);
        assertThat(tables()).containsExactlyInAnyOrder("trip", "belay_history");
    }

    @Test
    void commandsLeaveTheSchemaAloneWhateverDdlAutoSays(CapturedOutput output) {
        assertThat(run(Map.of("spring.jpa.hibernate.ddl-auto", "validate"), "belay", "status")).isZero();
        assertThat(run(Map.of("spring.jpa.hibernate.ddl-auto", "update"), "belay", "check")).isZero();
        assertThat(output).doesNotContain("Schema validation");
        assertThat(tables()).isEmpty();
    }

    @Test
    void applyToAnUnknownTargetFailsWithExitStatus1(CapturedOutput output) {
        assertThat(run("belay", "apply", "--target", "nope")).isEqualTo(1);
        assertThat(output).contains("There is no revision 'nope'.").contains("the heads are '" + INIT + "'");
    }

    @Test
    void checkPassesWhenTheRevisionsBuildTheMappingAndFailsWhenAnEntityChangedWithoutARevision(
            CapturedOutput output) {
        assertThat(run("belay", "check")).isZero();
        assertThat(output).contains("OK: the JPA mapping matches what the revisions build");

        run("belay", "apply");
        assertThat(run(List.of(NotedTrips.class), "belay", "check")).isEqualTo(1);
        assertThat(output).contains("The JPA mapping differs from schema " + this.schema)
            .contains("ALTER TABLE trip ADD COLUMN note character varying(255);")
            .contains("Write it as a revision with `belay generate`.")
            .doesNotContain("The database differs from what its revisions built");
    }

    @Test
    void checkFailsOnADatabaseChangedByHandAndDoesNotAdviseGenerate(CapturedOutput output) {
        run("belay", "apply");
        this.jdbc.execute("ALTER TABLE " + this.schema + ".trip ADD COLUMN note text");

        assertThat(run("belay", "check")).isEqualTo(1);
        assertThat(output).contains("The database differs from what its revisions built: schema " + this.schema)
            .contains("column trip.note was added: ALTER TABLE trip ADD COLUMN note text")
            .contains("Do not run `belay generate` for it")
            .contains("The JPA mapping matches what the revisions build (in a scratch schema, since the database "
                    + "was changed by other means than its revisions)")
            .doesNotContain("Write it as a revision with `belay generate`.");
    }

    @Test
    void diffNotesAPrimaryKeyWhoseColumnsAreInAnotherOrderAndRebuildsItOnlyWithReorderKeys(CapturedOutput output) {
        run("belay", "apply");
        this.jdbc.execute("CREATE TABLE " + this.schema + ".crew_member (trip_id bigint NOT NULL, "
                + "name character varying(255) NOT NULL, CONSTRAINT crew_member_pkey PRIMARY KEY (name, trip_id))");

        assertThat(run(List.of(CrewedTrips.class), "belay", "diff")).isZero();
        System.out.println("MARK-REORDER");
        assertThat(run(List.of(CrewedTrips.class), "belay", "diff", "--reorder-keys")).isZero();
        String keep = output.getOut().substring(0, output.getOut().indexOf("MARK-REORDER"));
        String reorder = output.getOut().substring(output.getOut().indexOf("MARK-REORDER"));
        assertThat(keep).contains("-- No changes: the database has the desired schema, but for what the notes say "
                + "is kept.")
            .contains("-- note: primary key crew_member.crew_member_pkey: keeps its column order (name, trip_id); "
                    + "the mapping has (trip_id, name)")
            .doesNotContain("DROP CONSTRAINT");
        assertThat(reorder).contains("ALTER TABLE crew_member DROP CONSTRAINT crew_member_pkey;")
            .contains("PRIMARY KEY (trip_id, name)")
            .doesNotContain("-- note:");
    }

    @Test
    void stampRecordsTheRevisionsOfADatabaseThatHasWhatTheyBuildAndRefusesOneThatDoesNot(CapturedOutput output) {
        // A database built before Belay: the tables, and no history.
        run("belay", "apply");
        this.jdbc.execute("DROP TABLE " + this.schema + ".belay_history");
        this.jdbc.execute("ALTER TABLE " + this.schema + ".trip ADD COLUMN note text");

        assertThat(run("belay", "stamp")).isEqualTo(1);
        assertThat(output).contains("is not what the revisions build, so Belay will not record '" + INIT + "'")
            .contains("ALTER TABLE trip ADD COLUMN note text;")
            .contains("Nothing was recorded.");
        assertThat(tables()).containsExactly("trip");

        this.jdbc.execute("ALTER TABLE " + this.schema + ".trip DROP COLUMN note");
        assertThat(run("belay", "stamp")).isZero();
        assertThat(output).contains("Recorded as applied, without running them:\n  " + INIT + " (create trips)");

        assertThat(run("belay", "status")).isZero();
        assertThat(output).containsPattern(INIT + "  create trips  applied  \\S+ \\S+\\s+stamped");
    }

    @Test
    void statusShowsWhereTheDatabaseIsAndThatAnInterruptedIdempotentRevisionIsResumedByApply(CapturedOutput output) {
        List<Class<?>> code = List.of(FillTripModes.class);
        assertThat(run(code, "belay", "apply")).isZero();
        interrupt(FillTripModes.ID);

        assertThat(run(code, "belay", "status")).isZero();

        assertThat(output).contains("Database at: " + INIT + "    Incomplete: " + FillTripModes.ID)
            .contains(FillTripModes.ID + "  fill trip modes  incomplete")
            .contains("Revision '" + FillTripModes.ID + "' (fill trip modes) started and did not finish (it was "
                    + "interrupted): it is idempotent, and `belay apply` resumes it.")
            .doesNotContain("Up to date.");
    }

    @Test
    void statusSaysThatApplyExplainsHowToResolveAnInterruptedRevisionThatIsNotIdempotent(CapturedOutput output) {
        List<Class<?>> code = List.of(MarkOldTrips.class);
        run(code, "belay", "apply");
        interrupt(MarkOldTrips.ID);

        assertThat(run(code, "belay", "status")).isZero();

        assertThat(output).contains("Database at: " + INIT + "    Incomplete: " + MarkOldTrips.ID)
            .contains("Revision '" + MarkOldTrips.ID + "' (mark old trips) started and did not finish (it was "
                    + "interrupted): it may be partly applied, and `belay apply` says how to resolve it.");
    }

    @Test
    void checkNamesAnInterruptedRevisionAsIncompleteWithWhatToDo(CapturedOutput output) {
        List<Class<?>> code = List.of(MarkOldTrips.class);
        run(code, "belay", "apply");
        interrupt(MarkOldTrips.ID);

        assertThat(run(code, "belay", "check")).isEqualTo(1);

        assertThat(output)
            .contains("Revision '" + MarkOldTrips.ID + "' (mark old trips) started and did not finish (it was "
                    + "interrupted): it may be partly applied, and `belay apply` says how to resolve it.")
            .contains("The JPA mapping matches what the revisions build (in a scratch schema, since revision '"
                    + MarkOldTrips.ID + "' did not finish); the check passes once the revision above is resolved.")
            .contains("Command 'belay check' failed (exit status 1): revision '" + MarkOldTrips.ID
                    + "' did not finish")
            .doesNotContain("this code does not have")
            .doesNotContain("cannot account for");
    }

    @Test
    void checkAndStatusNameARevisionTheCodeDoesNotHaveAsUnknownWithWhatToDo(CapturedOutput output) {
        // Newer code, with one more revision, migrated the database.
        run(List.of(FillTripModes.class), "belay", "apply");

        assertThat(run("belay", "check")).isEqualTo(1);
        String unknown = "The database has revision '" + FillTripModes.ID + "' (fill trip modes), which this code "
                + "does not have: newer code migrated it. Update this checkout, or use the code that has it (if "
                + "`belay baseline` has just written it here, build the application first).";
        assertThat(output).contains(unknown)
            .contains("since the database has revision '" + FillTripModes.ID + "', which this code does not have)")
            .doesNotContain("did not finish")
            .doesNotContain("cannot account for");

        assertThat(run("belay", "status")).isZero();
        assertThat(output.toString().split(java.util.regex.Pattern.quote(unknown), -1)).hasSize(3);
    }

    @Test
    void diffShowsTheSqlAndItsHazards(CapturedOutput output) {
        run("belay", "apply");
        this.jdbc.execute("ALTER TABLE " + this.schema + ".trip ADD COLUMN note text");

        assertThat(run("belay", "diff")).isZero();

        assertThat(output).contains("-- From schema " + this.schema + " to the JPA mapping")
            .contains("-- DATA_LOSS column trip.note")
            .contains("ALTER TABLE trip DROP COLUMN note;");
    }

    @Test
    void aCommandRunsWhenTheSchemaDriftsEvenWithDriftSetToFail(CapturedOutput output) {
        run("belay", "apply");
        this.jdbc.execute("ALTER TABLE " + this.schema + ".trip ADD COLUMN note text");

        assertThat(run(Map.of("belay.drift", "fail"), "belay", "diff")).isZero();
        assertThat(output).contains("ALTER TABLE trip DROP COLUMN note;").doesNotContain("belay.drift=fail");
    }

    @Test
    void generateRefusesPendingRevisionsWithExitStatus1(CapturedOutput output, @TempDir Path sources) {
        assertThat(run(Map.of("belay.generate.directory", sources.toString()), "belay", "generate")).isEqualTo(1);

        assertThat(output).contains("The database is not at head: 1 revision of the code is not applied: '" + INIT + "'")
            .contains("Run `belay apply` first");
        assertThat(files(sources)).isEmpty();
    }

    @Test
    void generateWritesTheRevisionWithItsMessageAndThenFindsNothing(CapturedOutput output, @TempDir Path sources) {
        run("belay", "apply");

        assertThat(run(Map.of("belay.generate.directory", sources.toString()), List.of(NotedTrips.class), "belay",
                "generate", "--message", "add a \"note\"")).isZero();

        assertThat(javaFiles(sources)).singleElement()
            .satisfies((file) -> assertThat(file.toString()).contains("dev/belay/autoconfigure/triplog/migrations/V")
                .endsWith("_AddANote.java"))
            .satisfies((file) -> assertThat(Files.readString(file)).contains("message = \"add a \\\"note\\\"\"")
                .contains("m.actions().addColumn(\"trip\", column(\"note\", \"character varying(255)\"))"));
        assertThat(output).contains("Wrote ").contains("after " + INIT).contains("Recorded the mapping it was written for in ");
        assertThat(files(sources)).anySatisfy((file) -> assertThat(file.toString()).contains("belay/mappings/")
            .endsWith(".sql"));
    }

    @Test
    void generateRefusesADatabaseChangedByHandAndPointsToTheShadow(CapturedOutput output, @TempDir Path sources) {
        run("belay", "apply");
        this.jdbc.execute("ALTER TABLE " + this.schema + ".trip DROP COLUMN mode");

        assertThat(run(Map.of("belay.generate.directory", sources.toString()), "belay", "generate")).isOne();

        assertThat(output).contains("is not what its revisions built")
            .contains("column trip.mode is gone")
            .contains("`belay generate --shadow`");
        assertThat(javaFiles(sources)).isEmpty();
    }

    @Test
    void generateWithNothingToDoWritesNoRevisionAndRecordsTheMappingOfTheHead(CapturedOutput output,
            @TempDir Path sources) {
        run("belay", "apply");

        assertThat(run(Map.of("belay.generate.directory", sources.toString()), "belay", "generate")).isZero();

        assertThat(output).contains("Nothing to generate: the database already matches the JPA mapping.")
            .contains("Recorded the mapping for the latest revision in ");
        assertThat(javaFiles(sources)).isEmpty();
        assertThat(files(sources)).singleElement()
            .satisfies((file) -> assertThat(file.toString()).endsWith("belay/mappings/" + INIT + ".sql"));
    }

    @Test
    void generateWithAMalformedRenameIsRefused(CapturedOutput output, @TempDir Path sources) {
        run("belay", "apply");

        assertThat(run(Map.of("belay.generate.directory", sources.toString()), "belay", "generate", "--rename",
                "trip.name")).isEqualTo(1);
        assertThat(output).contains("'trip.name' is not a rename hint.");
    }

    @Test
    void mergeWithOneHeadIsRefused(CapturedOutput output, @TempDir Path sources) {
        assertThat(run(Map.of("belay.generate.directory", sources.toString()), "belay", "merge")).isEqualTo(1);
        assertThat(output).contains("There is nothing to merge: the revisions have one head, '" + INIT + "'.");
    }

    @Test
    void rollbackRefusesToRunWithoutYesWhenItCannotAsk(CapturedOutput output) {
        run("belay", "apply");

        assertThat(run("belay", "rollback")).isEqualTo(1);
        assertThat(output).contains("belay rollback runs down() of 1 revision:").contains(INIT + " (create trips)")
            .contains("cannot ask here: run it again with --yes.");
        assertThat(tables()).contains("trip");

        assertThat(run("belay", "rollback", "--yes")).isZero();
        assertThat(output).contains("Rolled back 1 revision of schema " + this.schema);
        assertThat(tables()).containsExactly("belay_history");
    }

    @Test
    void rollbackOfMoreThanIsAppliedIsRefused(CapturedOutput output) {
        run("belay", "apply");

        assertThat(run("belay", "rollback", "--steps", "3", "--yes")).isEqualTo(1);
        assertThat(output).contains("Cannot roll back 3 revisions: only 1 is applied.");
    }

    @Test
    void anUnknownCommandExitsWithStatus2(CapturedOutput output) {
        assertThat(run("belay", "frobnicate")).isEqualTo(2);
        assertThat(output).contains("There is no command 'belay frobnicate'");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithStatus2(CapturedOutput output) {
        assertThat(run("belay", "generate", "--mesage", "x")).isEqualTo(2);
        assertThat(output).contains("'belay generate' has no option --mesage; it takes --message, --shadow");
    }

    @Test
    void anUnknownOptionIsNamedWithTheOptionsTheCommandTakesWithOrWithoutAValueWhereverItStands(
            CapturedOutput output) {
        String named = "'belay apply' has no option --bogus; it takes --target, --dry-run, --tenant, --all-tenants, "
                + "--format.";
        assertThat(run("belay", "apply", "--bogus")).isEqualTo(2);
        assertThat(run("belay", "apply", "--bogus", "--dry-run")).isEqualTo(2);
        assertThat(run("belay", "apply", "--dry-run", "--bogus", "x")).isEqualTo(2);
        assertThat(output).contains(named).doesNotContain("requires a value").doesNotContain("Could not read");
        assertThat(run("belay", "status", "--verbose")).isEqualTo(2);
        assertThat(output).contains("'belay status' has no option --verbose; it takes --tenant, --format.");
        assertThat(run("belay", "--bogus")).isEqualTo(2);
        assertThat(output).contains("'belay' has no option --bogus; it takes --help.");
        assertThat(tables()).isEmpty();
    }

    @Test
    void aNegativeNumberReachesTheCommandAsTheOptionsValue(CapturedOutput output) {
        run("belay", "apply");

        assertThat(run("belay", "rollback", "--steps", "-1", "--yes")).isEqualTo(2);
        assertThat(output).contains("--steps takes a whole number of 1 or more, not '-1'.")
            .contains("Run 'belay rollback --help' for its options.");
        assertThat(run("belay", "rollback", "--steps=-1")).isEqualTo(2);
        assertThat(run("belay", "rollback", "--steps", "-3")).isEqualTo(2);
        assertThat(output).contains("not '-3'").doesNotContain("requires a value");
        assertThat(tables()).contains("trip");
    }

    @Test
    void anOptionWithoutItsValueIsAUsageErrorWithStatus2(CapturedOutput output) {
        assertThat(run("belay", "apply", "--target")).isEqualTo(2);
        assertThat(output).contains("--target needs a value.");
        assertThat(run("belay", "apply", "--target", "--dry-run")).isEqualTo(2);
        assertThat(tables()).isEmpty();
    }

    @Test
    void withoutACommandTheApplicationJustRunsAndMigrates() {
        assertThat(run()).isZero();
        assertThat(tables()).contains("trip");
    }

    @Test
    void springPropertiesOnTheCommandLineAreNotTakenForTheCommand(CapturedOutput output) {
        assertThat(run("--spring.main.banner-mode=off", "belay", "status", "--logging.level.root=warn")).isZero();
        assertThat(output).contains(INIT);
    }

    @Test
    void verifyPassesWhileTheRevisionsDoWhatTheyDidAndNamesOneThatNoLongerDoes(CapturedOutput output) {
        assertThat(run("belay", "apply")).isZero();
        assertThat(run("belay", "verify")).isZero();
        assertThat(output).contains("OK: 1 applied revision of schema " + this.schema
                + " still does what it did when applied here.");

        // What the revision recorded when applied here: a trip table without its mode column.
        Schema before = Schema.empty();
        Schema after = Schema.of(List.of(), List.of(), List.of(Table.of("trip",
                dev.belay.schema.Column.of("trip", "id", "bigint"))));
        SchemaSnapshot effect = SchemaSnapshot.of(before).effectTo(SchemaSnapshot.of(after));
        this.jdbc.update("UPDATE " + this.schema + ".belay_history SET effect = ?, effect_fingerprint = ?",
                effect.compressed(), "pg18/" + effect.fingerprint());

        assertThat(run("belay", "verify")).isOne();
        assertThat(output).contains("Revision " + INIT + " no longer does what it did when it was applied here")
            .contains("adds column trip.mode")
            .contains("      when applied: (not this)")
            .contains("      now:          ALTER TABLE trip ADD COLUMN mode character varying(255)")
            .contains("Put the edit back, and make the change in a new revision");
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, Object> properties, String... args) {
        return ShellRun.run(this.database, this.schema, properties, args);
    }

    private int run(List<Class<?>> sources, String... args) {
        return ShellRun.run(this.database, this.schema, Map.of(), sources, args);
    }

    private int run(Map<String, Object> properties, List<Class<?>> sources, String... args) {
        return ShellRun.run(this.database, this.schema, properties, sources, args);
    }

    /**
     * Leaves an applied non-transactional revision as a process killed while it ran leaves it:
     * its history row says it started and records no time.
     */
    private void interrupt(String revision) {
        assertThat(this.jdbc.update("UPDATE " + this.schema + ".belay_history SET state = 'applying', "
                + "execution_ms = NULL WHERE id = ?", revision)).isOne();
    }

    private List<String> tables() {
        return this.jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ?", String.class,
                this.schema);
    }

    private static List<Path> javaFiles(Path directory) {
        return files(directory).stream().filter((file) -> file.toString().endsWith(".java")).toList();
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

}
