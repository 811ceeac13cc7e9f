package dev.belay.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.belay.test.trips.DevDatabaseChain;
import dev.belay.test.trips.DisabledChain;
import dev.belay.test.trips.DownForgetsAColumnChain;
import dev.belay.test.trips.DownKeepsADeclaredColumnChain;
import dev.belay.test.trips.MissingRevisionChain;
import dev.belay.test.trips.NonTransactionalChain;
import dev.belay.test.trips.NotASpringTestChain;
import dev.belay.test.trips.RightChain;
import dev.belay.test.trips.StairwayFromAnUnknownRevisionChain;
import dev.belay.test.trips.StairwayFromChain;
import dev.belay.test.trips.StepAfterAFailedStepChain;
import dev.belay.test.trips.StepAfterAnUpThatFailsChain;
import dev.belay.test.trips.TripRevisions;
import dev.belay.test.trips.TwoHeadsChain;
import dev.belay.test.trips.UnknownParentChain;
import dev.belay.test.trips.UpAgainDiffersChain;
import dev.belay.test.trips.UpFailsAtStartupChain;
import dev.belay.test.trips.UpFailsChain;
import dev.belay.test.trips.WithoutMappingChain;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * {@link BelayRevisionTests} on the trip log's test applications, run through the engine as
 * Surefire or an IDE would, and judged by what the engine reported: which checks passed, failed
 * or were skipped, and what a failure says.
 */
class RevisionTestsEngineTests {

    private static final String CREATE_STEP = TripRevisions.CREATE + ": up, down, up again";

    private static final String NOTES_STEP = TripRevisions.NOTES + ": up, down, up again";

    @Test
    void aRightChainPassesEveryCheckWithAStairwayStepPerRevisionAndLeavesNoSchemaBehind() throws SQLException {
        EngineExecutionResults results = run(RightChain.class);

        assertThat(failures(results)).isEmpty();
        assertThat(names(results.testEvents().succeeded().list())).containsExactly(
                "the revisions form one graph with a single head", "every revision applies to an empty schema, in order",
                "the JPA mapping equals what the revisions build (belay check)", "nothing drifts after a full apply",
                CREATE_STEP, NOTES_STEP);
        assertThat(testSchemas(RightChain.database)).isEmpty();
    }

    @Test
    void aDownThatForgetsToDropAColumnFailsTheStairwayOnThatRevisionShowingTheColumnAsSql() {
        EngineExecutionResults results = run(DownForgetsAColumnChain.class);

        assertThat(names(results.testEvents().failed().list())).containsExactly(NOTES_STEP);
        assertThat(failures(results)).singleElement()
            .satisfies((message) -> assertThat(message)
                .contains("Revision '" + TripRevisions.NOTES + "' (" + TripRevisions.TripNotesForgottenByDown.class.getName()
                        + "): its down does not restore the schema its up started from.")
                .contains("+ column trip.notes: ALTER TABLE trip ADD COLUMN notes character varying(255)")
                .contains("ALTER TABLE trip DROP COLUMN notes;")
                .contains("@DownKeeps"));
        assertThat(names(results.testEvents().succeeded().list())).contains(CREATE_STEP,
                "the JPA mapping equals what the revisions build (belay check)");
    }

    @Test
    void aDownThatKeepsAColumnItDeclaresPassesTheStairway() {
        EngineExecutionResults results = run(DownKeepsADeclaredColumnChain.class);

        assertThat(failures(results)).isEmpty();
        assertThat(names(results.testEvents().succeeded().list())).contains(CREATE_STEP, NOTES_STEP);
    }

    @Test
    void aMappingChangeWithoutARevisionFailsTheMappingCheckWithTheStatementsOfTheMissingRevision() {
        EngineExecutionResults results = run(MissingRevisionChain.class);

        assertThat(names(results.testEvents().failed().list()))
            .containsExactly("the JPA mapping equals what the revisions build (belay check)");
        assertThat(failures(results)).singleElement()
            .satisfies((message) -> assertThat(message).contains("a revision is missing for it")
                .contains("ALTER TABLE trip ADD COLUMN notes character varying(255);")
                .contains("belay generate"));
    }

    @Test
    void twoHeadsFailTheGraphCheckNamingThemAndSkipTheRest() {
        EngineExecutionResults results = run(TwoHeadsChain.class);

        assertThat(failures(results)).singleElement()
            .satisfies((message) -> assertThat(message).contains("2 heads")
                .contains(TripRevisions.NOTES)
                .contains("20260102_000200_trip_index")
                .contains("belay merge"));
        assertThat(results.testEvents().skipped().count()).isEqualTo(3);
        assertThat(results.containerEvents().skipped().count()).isEqualTo(1);
    }

    @Test
    void aRevisionAfterAnUnknownOneFailsTheGraphCheckThoughTheContextCannotStart() {
        EngineExecutionResults results = run(UnknownParentChain.class);

        assertThat(names(results.testEvents().failed().list()))
            .containsExactly("the revisions form one graph with a single head");
        assertThat(failures(results)).singleElement()
            .satisfies((message) -> assertThat(message).contains("20260102_999999_never_written"));
    }

    @Test
    void aRevisionOutsideATransactionClimbsTheStairwayLikeAnyOther() {
        EngineExecutionResults results = run(NonTransactionalChain.class);

        assertThat(failures(results)).isEmpty();
        assertThat(names(results.testEvents().succeeded().list())).contains(CREATE_STEP, NOTES_STEP,
                "20260103_000100_title_index_concurrently: up, down, up again");
    }

    @Test
    void anUpThatFailsFailsTheChainFromEmptyAndItsStepSkipsTheChecksThatNeedTheChainAndTestsTheStepsBefore() {
        EngineExecutionResults results = run(UpFailsChain.class);

        assertThat(names(results.testEvents().failed().list()))
            .containsExactly("every revision applies to an empty schema, in order", NOTES_STEP);
        assertThat(failures(results)).allSatisfy((message) -> assertThat(message).contains(TripRevisions.NOTES)
            .contains("\"trp\" does not exist"));
        assertThat(failures(results).get(1)).contains("failed on the stairway, at up");
        assertThat(results.testEvents().skipped().list())
            .extracting((event) -> event.getTestDescriptor().getDisplayName())
            .containsExactly("the JPA mapping equals what the revisions build (belay check)",
                    "nothing drifts after a full apply");
        assertThat(names(results.testEvents().succeeded().list())).contains(CREATE_STEP);
    }

    @Test
    void aMigrationAtStartupThatFailsIsTheChainFailingFromEmptyThoughTheContextCannotStart() {
        EngineExecutionResults results = run(UpFailsAtStartupChain.class);

        assertThat(names(results.testEvents().failed().list()))
            .containsExactly("every revision applies to an empty schema, in order");
        assertThat(failures(results)).singleElement()
            .satisfies((message) -> assertThat(message).contains("migration at startup failed")
                .contains(TripRevisions.NOTES)
                .contains("\"trp\" does not exist")
                .contains("belay.migrate-on-startup=false"));
        assertThat(results.testEvents().skipped().count()).isEqualTo(3);
        assertThat(results.containerEvents().skipped().count()).isEqualTo(1);
    }

    @Test
    void anUpThatBuildsSomethingElseAfterItsDownFailsTheStairwayShowingWhat() {
        EngineExecutionResults results = run(UpAgainDiffersChain.class);

        assertThat(names(results.testEvents().failed().list())).containsExactly(NOTES_STEP);
        assertThat(failures(results)).singleElement()
            .satisfies((message) -> assertThat(message).contains("its up, run again after its down, builds something "
                    + "else than the first time")
                .contains("- column trip.notes: ALTER TABLE trip ADD COLUMN notes character varying(255)")
                .contains("+ column trip.notes: ALTER TABLE trip ADD COLUMN notes text"));
    }

    @Test
    void theStairwayStartsWhereTheClassSaysApplyingTheRevisionsBefore() {
        EngineExecutionResults results = run(StairwayFromChain.class);

        assertThat(failures(results)).isEmpty();
        assertThat(names(results.testEvents().succeeded().list())).doesNotContain(CREATE_STEP)
            .contains(NOTES_STEP, "20260103_000100_title_index_concurrently: up, down, up again");
    }

    @Test
    void aStepAfterAFailedOneStartsFromASchemaClimbedAfreshAndPassesOnItsOwnMerits() {
        EngineExecutionResults results = run(StepAfterAFailedStepChain.class);

        assertThat(names(results.testEvents().failed().list())).containsExactly(NOTES_STEP);
        assertThat(names(results.testEvents().succeeded().list())).contains(CREATE_STEP,
                "20260103_000100_title_index_concurrently: up, down, up again");
    }

    @Test
    void aStepAfterAnUpThatFailsSaysItCannotBeReachedNamingTheRevisionBefore() {
        EngineExecutionResults results = run(StepAfterAnUpThatFailsChain.class);

        assertThat(names(results.testEvents().failed().list())).containsExactly(
                "every revision applies to an empty schema, in order", NOTES_STEP,
                "20260103_000100_title_index_concurrently: up, down, up again");
        assertThat(failures(results).get(2)).contains("The stairway cannot reach this revision")
            .contains("'" + TripRevisions.NOTES + "'");
    }

    @Test
    void aStairwayFromARevisionTheCodeDoesNotHaveFailsNamingTheOnesItHas() {
        EngineExecutionResults results = EngineTestKit.engine(RevisionTestsEngine.ID)
            .selectors(selectClass(StairwayFromAnUnknownRevisionChain.class))
            .execute();

        assertThat(results.containerEvents().failed().list()).singleElement()
            .satisfies((event) -> assertThat(event.getTestDescriptor().getDisplayName()).startsWith("stairway"))
            .satisfies((event) -> assertThat(event.getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow()
                .getMessage()).contains("20260102_000100_trip_notez")
                .contains("the code does not have")
                .contains("'" + TripRevisions.NOTES + "'"));
        assertThat(failures(results)).isEmpty();
    }

    @Test
    void withoutAMappingTheMappingAndDriftChecksAreSkippedSayingWhy() {
        EngineExecutionResults results = run(WithoutMappingChain.class);

        assertThat(failures(results)).isEmpty();
        assertThat(results.testEvents().skipped().list()).hasSize(2)
            .allSatisfy((event) -> assertThat(event.getRequiredPayload(String.class)).contains("No JPA mapping"));
        assertThat(names(results.testEvents().succeeded().list())).contains(CREATE_STEP, NOTES_STEP);
    }

    @Test
    void theMappingIsBuiltOnTheDevDatabaseWhenThereIsOne() {
        EngineExecutionResults results = run(DevDatabaseChain.class);

        assertThat(failures(results)).isEmpty();
        assertThat(names(results.testEvents().succeeded().list())).contains(
                "the JPA mapping equals what the revisions build (belay check)", "nothing drifts after a full apply",
                NOTES_STEP);
    }

    @Test
    void aDisabledClassIsSkippedWithItsReasonAndRunsNothing() {
        EngineExecutionResults results = run(DisabledChain.class);

        assertThat(results.allEvents().started().count()).isEqualTo(1);
        assertThat(results.containerEvents().skipped().list()).singleElement()
            .satisfies((event) -> assertThat(event.getRequiredPayload(String.class))
                .isEqualTo("The notes are being reworked"));
    }

    @Test
    void aClassThatSpringDoesNotBootFailsSayingWhatToAdd() {
        EngineExecutionResults results = EngineTestKit.engine(RevisionTestsEngine.ID)
            .selectors(selectClass(NotASpringTestChain.class))
            .execute();

        assertThat(results.containerEvents().failed().list()).singleElement()
            .satisfies((event) -> assertThat(event.getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow()
                .getMessage()).contains(NotASpringTestChain.class.getName()).contains("@SpringBootTest"));
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void findsEveryAnnotatedClassOfAPackage() {
        // Spring does not try a context that failed to start again, so the classes whose contexts fail are left out.
        EngineExecutionResults results = EngineTestKit.engine(RevisionTestsEngine.ID)
            .selectors(selectPackage("dev.belay.test.trips"))
            .filters(ClassNameFilter.excludeClassNamePatterns(".*(UnknownParent|UpFailsAtStartup)Chain"))
            .execute();

        assertThat(results.containerEvents()
            .started()
            .list()
            .stream()
            .map((event) -> event.getTestDescriptor().getDisplayName())
            .filter((name) -> name.endsWith("Chain"))).containsExactlyInAnyOrder("DevDatabaseChain",
                    "DownForgetsAColumnChain", "DownKeepsADeclaredColumnChain", "MissingRevisionChain",
                    "NonTransactionalChain", "NotASpringTestChain", "RightChain", "StairwayFromAnUnknownRevisionChain",
                    "StairwayFromChain", "StepAfterAFailedStepChain", "StepAfterAnUpThatFailsChain", "TwoHeadsChain", "UpAgainDiffersChain",
                    "UpFailsChain", "WithoutMappingChain");
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        EngineExecutionResults results = EngineTestKit.engine(RevisionTestsEngine.ID)
            .selectors(selectClass(testClass))
            .execute();
        // The class itself never fails: its checks do.
        assertThat(results.containerEvents().failed().list()).as("failed containers")
            .extracting((event) -> String.valueOf(event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                .map(Throwable::toString)
                .orElse("")))
            .isEmpty();
        return results;
    }

    private static List<String> names(List<Event> events) {
        return events.stream().map((event) -> event.getTestDescriptor().getDisplayName()).toList();
    }

    private static List<String> failures(EngineExecutionResults results) {
        return results.testEvents()
            .failed()
            .list()
            .stream()
            .map((event) -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage())
            .toList();
    }

    private static List<String> testSchemas(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement
                    .executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'belay\\_test\\_%'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

}
