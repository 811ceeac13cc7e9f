package dev.belay.workbench;

import java.nio.file.Files;
import java.util.List;

import dev.belay.diff.Change;
import dev.belay.lint.Finding;
import dev.belay.lint.Rule;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change that the previous release would fail on during a rolling deploy, written in two
 * releases: {@code generate --expand-contract} keeps what the previous release still uses
 * (nullable), records what it left in the mapping snapshot, and {@code check} and
 * {@code generate} keep it too; {@code generate --contract} in the next release finishes it, and
 * {@code belay lint} finds nothing to say about either half, while the change in one revision
 * breaks the previous release.
 */
@PostgresTest
class ExpandContractTests {

    @Test
    void aDroppedColumnIsKeptNullableForTheNextReleaseAndThenDropped(TestDatabase database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        try (Project project = new Project(database, "expand")) {
            apply(project, project.model(WithNote.Ride.class).workbench().generate(GenerateRequest.defaults()));
            jdbc.update("INSERT INTO expand.ride (title, note) VALUES ('To work', 'windy')");
            project.model(WithoutNote.Ride.class);

            // In one revision, the drop breaks the release before, which still maps the note.
            GenerateResult inOne = project.workbench().generate(GenerateRequest.defaults());
            assertThat(inOne.lint().failing()).extracting(Finding::rule).containsExactly(Rule.DROP_COLUMN);
            Files.delete(inOne.written().file());
            Files.delete(inOne.mapping());

            GenerateResult expand = project.workbench().generate(GenerateRequest.defaults().withExpandContract(true));
            assertThat(expand.deferred()).extracting(Deferral::text).containsExactly("drop column ride.note");
            assertThat(expand.plan().changes()).singleElement().isInstanceOf(Change.DropNotNull.class);
            assertThat(expand.lint().passes()).isTrue();
            assertThat(Files.readString(expand.mapping())).contains("-- deferred: drop column ride.note");
            apply(project, expand);
            // The new release writes rides without a note; the one before still reads them.
            jdbc.update("INSERT INTO expand.ride (title) VALUES ('Home')");
            assertThat(jdbc.queryForList("SELECT note FROM expand.ride ORDER BY id", String.class))
                .containsExactly("windy", null);

            assertThat(project.workbench().check().passed()).as("the kept column is no difference").isTrue();
            GenerateResult again = project.workbench().generate(GenerateRequest.defaults());
            assertThat(again.nothingToDo()).isTrue();
            assertThat(again.deferred()).extracting(Deferral::text).containsExactly("drop column ride.note");

            GenerateResult contract = project.workbench().generate(GenerateRequest.defaults().withContract(true));
            assertThat(contract.finished()).extracting(Deferral::text).containsExactly("drop column ride.note");
            assertThat(contract.deferred()).isEmpty();
            assertThat(contract.plan().changes()).singleElement().isInstanceOf(Change.DropColumn.class);
            assertThat(contract.lint().findings()).as("the release before no longer maps the note").isEmpty();
            apply(project, contract);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                    + "'expand' AND table_name = 'ride' AND column_name = 'note'", Integer.class)).isZero();
            assertThat(project.workbench().check().passed()).isTrue();
            assertThat(project.workbench().generate(GenerateRequest.defaults()).deferred()).isEmpty();
        }
    }

    @Test
    void aNewRequiredColumnStaysNullableUntilTheReleaseBeforeNoLongerRuns(TestDatabase database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        try (Project project = new Project(database, "required")) {
            apply(project, project.model(WithoutNote.Ride.class).workbench().generate(GenerateRequest.defaults()));
            project.model(WithRating.Ride.class);

            GenerateResult expand = project.workbench().generate(GenerateRequest.defaults().withExpandContract(true));
            assertThat(expand.deferred()).extracting(Deferral::text).containsExactly("not null ride.rating");
            assertThat(expand.plan().changes()).singleElement()
                .isInstanceOfSatisfying(Change.AddColumn.class, (add) -> assertThat(add.column().notNull()).isFalse());
            assertThat(expand.lint().passes()).isTrue();
            apply(project, expand);
            // The release before inserts without a rating, and may.
            jdbc.update("INSERT INTO required.ride (title) VALUES ('To work')");
            assertThat(project.workbench().check().passed()).isTrue();

            jdbc.update("UPDATE required.ride SET rating = 3");
            GenerateResult contract = project.workbench().generate(GenerateRequest.defaults().withContract(true));
            assertThat(contract.plan().changes()).singleElement().isInstanceOf(Change.AddNotNull.class);
            apply(project, contract);
            assertThat(project.workbench().check().passed()).isTrue();
        }
    }

    @Test
    void expandAndContractAtOnceAreRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
            .isThrownBy(() -> GenerateRequest.defaults().withExpandContract(true).withContract(true))
            .withMessageContaining("--expand-contract and --contract are the two halves of a change");
    }

    @Test
    void withoutAKeptMappingExpandContractIsRefusedWithWhatToDo(TestDatabase database) throws Exception {
        try (Project project = new Project(database, "unkept")) {
            GenerateResult first = project.model(WithNote.Ride.class).workbench().generate(GenerateRequest.defaults());
            apply(project, first);
            Files.delete(first.mapping());
            project.model(WithoutNote.Ride.class);

            org.assertj.core.api.Assertions.assertThatExceptionOfType(RefusedException.class)
                .isThrownBy(() -> project.workbench().generate(GenerateRequest.defaults().withExpandContract(true)))
                .satisfies((refused) -> assertThat(refused.reason()).isEqualTo(RefusedException.Reason.NO_KEPT_MAPPING))
                .withMessageContaining("Belay cannot tell what the previous release uses");
        }
    }

    private static void apply(Project project, GenerateResult generated) {
        assertThat(generated.nothingToDo()).isFalse();
        project.compile(generated.written());
        project.runner().apply();
    }

    /** What every version of the ride maps: its key and title. */
    @MappedSuperclass
    abstract static class Ride {

        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(length = 100, nullable = false)
        String title;

    }

    /** A ride with a note, which the next release no longer maps. */
    static final class WithNote {

        @Entity(name = "Ride")
        @Table(name = "ride")
        public static class Ride extends ExpandContractTests.Ride {

            @Column(length = 200, nullable = false)
            String note;

        }

    }

    /** The ride without its note. */
    static final class WithoutNote {

        @Entity(name = "Ride")
        @Table(name = "ride")
        public static class Ride extends ExpandContractTests.Ride {

        }

    }

    /** The ride with a rating that every ride must have. */
    static final class WithRating {

        @Entity(name = "Ride")
        @Table(name = "ride")
        public static class Ride extends ExpandContractTests.Ride {

            @Column(nullable = false)
            Integer rating;

        }

    }

}
