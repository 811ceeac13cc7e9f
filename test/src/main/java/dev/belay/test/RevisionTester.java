package dev.belay.test;

import java.util.ArrayList;
import java.util.List;

import dev.belay.revision.RevisionGraph;
import dev.belay.runner.MigrationRunner;

import org.springframework.beans.factory.DisposableBean;

/**
 * Tests of data revisions, in the spirit of Django's {@code MigrationExecutor} tests: a test
 * injects it, takes a new schema at the revision before the one under test, seeds rows there as
 * the previous release kept them, migrates, and asserts.
 * <pre>{@code
 * @SpringBootTest
 * class GpxTracksToFilesTests {
 *
 *     @Autowired
 *     RevisionTester revisions;
 *
 *     @Test
 *     void movesTracksToFiles() {
 *         try (TestSchema schema = this.revisions.at("20261121_195408_commute_rides")) {
 *             schema.jdbc().update("INSERT INTO ride (id, gpx) VALUES (1, ?)", track);
 *             schema.migrateTo("20261121_195517_gpx_tracks_to_files");
 *             assertThat(schema.columns("ride")).doesNotContain("gpx");
 *         }
 *     }
 * }
 * }</pre>
 * Each schema is new ({@code belay_test_...}) and has its own history table, so tests neither
 * depend on the schema the application migrated at startup nor on each other. Schemas a test
 * does not close are dropped when the context closes.
 */
public final class RevisionTester implements DisposableBean {

    private final MigrationRunner runner;

    private final List<TestSchema> schemas = new ArrayList<>();

    public RevisionTester(MigrationRunner runner) {
        this.runner = runner;
    }

    /** A new, empty schema for the application's revisions. */
    public TestSchema empty() {
        TestSchema schema = TestSchema.create(this.runner);
        synchronized (this.schemas) {
            this.schemas.add(schema);
        }
        return schema;
    }

    /**
     * A new schema migrated to {@code revision}: the revision and every revision it comes after
     * applied, none other.
     */
    public TestSchema at(String revision) {
        this.runner.graph().get(revision);
        TestSchema schema = empty();
        schema.migrateTo(revision);
        return schema;
    }

    /** The application's revisions. */
    public RevisionGraph graph() {
        return this.runner.graph();
    }

    /** Drops the schemas that tests left open. */
    @Override
    public void destroy() {
        synchronized (this.schemas) {
            for (TestSchema schema : this.schemas) {
                try {
                    schema.close();
                }
                catch (RuntimeException ex) {
                    // The database may be gone already (an embedded one stopped first); nothing to drop then.
                }
            }
            this.schemas.clear();
        }
    }

}
