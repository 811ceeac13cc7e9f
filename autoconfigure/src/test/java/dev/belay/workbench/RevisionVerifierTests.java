package dev.belay.workbench;

import java.time.Duration;

import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.schema.Column;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.PostgresTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code belay verify} names an applied revision whose effect changed since it was applied, by
 * replaying the applied revisions in a scratch schema and comparing each run's effect with the one
 * recorded; an edit that changes no effect is not reported.
 */
@PostgresTest
class RevisionVerifierTests {

    private final TestDatabase database;

    private final JdbcTemplate jdbc;

    private String schema;

    RevisionVerifierTests(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
    }

    @BeforeEach
    void schemaOfItsOwn(TestInfo test) {
        this.schema = TestDatabase.schemaFor(test);
    }

    @Test
    void revisionsThatStillDoWhatTheyDidPass() {
        MigrationRunner runner = runner(chain("integer", false));
        runner.apply("ride");
        runner.apply("distance");
        runner.apply();

        Verification verification = verifier(runner).verify();

        assertThat(verification.passed()).isTrue();
        assertThat(verification.checked()).isEqualTo(3);
        assertThat(verification.edited()).isEmpty();
    }

    @Test
    void anEditedRevisionIsNamedWithWhatItDidAndWhatItDoesNow() {
        runner(chain("integer", false)).apply("ride");
        runner(chain("integer", false)).apply("distance");
        runner(chain("integer", false)).apply();

        Verification verification = verifier(runner(chain("bigint", false))).verify();

        assertThat(verification.passed()).isFalse();
        assertThat(verification.edited()).singleElement().satisfies((run) -> {
            assertThat(run.revisions()).containsExactly("distance");
            assertThat(run.suspects()).containsExactly("distance");
            assertThat(run.differences()).singleElement().satisfies((difference) -> {
                assertThat(difference.object()).isEqualTo("+column ride.distance");
                assertThat(difference.before()).isEqualTo("ALTER TABLE ride ADD COLUMN distance integer");
                assertThat(difference.after()).isEqualTo("ALTER TABLE ride ADD COLUMN distance bigint");
            });
        });
    }

    @Test
    void anEditThatChangesNoEffectIsNotReported() {
        runner(chain("integer", false)).apply();

        Verification verification = verifier(runner(chain("integer", true))).verify();

        assertThat(verification.passed()).isTrue();
        assertThat(verification.checked()).isEqualTo(3);
    }

    @Test
    void theEditedRevisionOfARunOfSeveralIsFound() {
        runner(chain("integer", false)).apply();

        Verification verification = verifier(runner(chain("bigint", false))).verify();

        assertThat(verification.edited()).singleElement().satisfies((run) -> {
            assertThat(run.revisions()).containsExactly("ride", "distance", "tag");
            assertThat(run.suspects()).containsExactly("distance");
        });
    }

    @Test
    void revisionsAppliedWithoutARecordedEffectAreListedAsUnchecked() {
        runner(chain("integer", false)).apply();
        this.jdbc.update("UPDATE " + this.schema + ".belay_history SET run_id = NULL, effect_fingerprint = NULL, "
                + "effect = NULL");

        Verification verification = verifier(runner(chain("bigint", false))).verify();

        assertThat(verification.passed()).isTrue();
        assertThat(verification.checked()).isZero();
        assertThat(verification.unchecked()).containsExactly("ride", "distance", "tag");
    }

    private RevisionVerifier verifier(MigrationRunner runner) {
        return new RevisionVerifier(runner, runner, new SchemaInspector());
    }

    private MigrationRunner runner(Revisions revisions) {
        return new MigrationRunner(this.database.dataSource(),
                new MigrationSettings(this.schema, "belay_history", Duration.ofSeconds(10), Duration.ofSeconds(10)),
                revisions);
    }

    /**
     * 'ride' creates a table, 'distance' adds a column of the given type (in raw SQL, or the same
     * through the recipe book when reworded), 'tag' creates another table.
     */
    private static Revisions chain(String distanceType, boolean reworded) {
        Revision ride = revision((m) -> m.actions().execute("CREATE TABLE ride (id bigint PRIMARY KEY)"));
        Revision distance = revision(reworded
                ? (m) -> m.actions().addColumn("ride", Column.of("ride", "distance", distanceType))
                : (m) -> m.jdbc().execute("alter table ride   add column distance " + distanceType));
        Revision tag = revision((m) -> m.actions().execute("CREATE TABLE tag (name text)"));
        return Revisions.ofEntries(java.util.List.of(
                new Revisions.Entry(new RevisionInfo("ride", java.util.List.of(), "ride", true, "test.ride"), () -> ride),
                new Revisions.Entry(new RevisionInfo("distance", java.util.List.of("ride"), "distance", true,
                        "test.distance"), () -> distance),
                new Revisions.Entry(new RevisionInfo("tag", java.util.List.of("distance"), "tag", true, "test.tag"),
                        () -> tag)));
    }

    private static Revision revision(java.util.function.Consumer<Migrator> up) {
        return new Revision() {

            @Override
            public void up(Migrator migrator) {
                up.accept(migrator);
            }

            @Override
            public void down(Migrator migrator) {
            }

        };
    }

}
