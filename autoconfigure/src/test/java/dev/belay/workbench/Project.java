package dev.belay.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import dev.belay.codegen.TestCompiler;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.test.TemporaryDirectories;
import dev.belay.test.TestDatabase;

/**
 * An application being developed with Belay, as a test sees it: a source directory that
 * {@code generate} writes revisions to, the revisions compiled so far (as the build would
 * compile them), the current entity model, and a workbench over all of that, on a schema of its
 * own. Each generated revision's id is a minute later than the one before.
 */
final class Project implements AutoCloseable {

    static final String PACKAGE = "dev.belay.generated.app";

    private final TestDatabase database;

    private final String schema;

    private final Path sources;

    private final Path resources;

    private final List<Revisions.Entry> revisions = new ArrayList<>();

    private final Clock clock = new TickingClock();

    private MappedModel model;

    Project(TestDatabase database, String schema) {
        this.database = database;
        this.schema = schema;
        try {
            this.sources = TemporaryDirectories.create("belay-project");
            this.resources = TemporaryDirectories.create("belay-project-resources");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Maps these entities from now on (as if the entity classes had been edited). */
    Project model(Class<?>... entities) {
        if (this.model != null) {
            this.model.close();
        }
        this.model = MappedModel.of(this.database.dataSource(), entities);
        return this;
    }

    /** Maps these entities from now on, with Hibernate settings of the application's own. */
    Project model(java.util.Map<String, Object> settings, List<Class<?>> entities) {
        if (this.model != null) {
            this.model.close();
        }
        this.model = MappedModel.of(this.database.dataSource(), entities, settings);
        return this;
    }

    /** Adds hand-written revisions, as if they were in the code. */
    Project revisions(Revision... revisions) {
        for (Revision revision : revisions) {
            this.revisions.add(new Revisions.Entry(RevisionInfo.of(revision.getClass()), () -> revision));
        }
        return this;
    }

    /** Adds a revision described in the test rather than by an annotation. */
    Project revision(RevisionInfo info, Revision revision) {
        this.revisions.add(new Revisions.Entry(info, () -> revision));
        return this;
    }

    /** The desired schema of the current model. */
    DesiredSchemaSource desired() {
        return this.model.desired();
    }

    SchemaWorkbench workbench() {
        return workbench(MigrationSettings.defaults().withSchema(this.schema));
    }

    /** A workbench whose runner migrates with these settings. */
    SchemaWorkbench workbench(MigrationSettings settings) {
        return new SchemaWorkbench(new MigrationRunner(this.database.dataSource(), settings, revisionsInCode()),
                this.model.desired(), new SchemaInspector(), new GenerateSettings(this.sources, PACKAGE, this.resources),
                this.clock);
    }

    MigrationRunner runner() {
        return new MigrationRunner(this.database.dataSource(), MigrationSettings.defaults().withSchema(this.schema),
                revisionsInCode());
    }

    /** The revisions in the code so far. */
    Revisions revisionsInCode() {
        return Revisions.ofEntries(this.revisions);
    }

    /** Compiles a revision that was written, as the next build would, and adds it to the code. */
    Revision compile(WrittenRevision written) {
        try {
            String source = Files.readString(written.file());
            Class<?> type = TestCompiler.compile(written.revision().header().qualifiedClassName(), source);
            Revision revision = (Revision) type.getDeclaredConstructor().newInstance();
            this.revisions.add(new Revisions.Entry(RevisionInfo.of(type), () -> revision));
            return revision;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    Path sources() {
        return this.sources;
    }

    /** Where generate keeps the mapping each revision was written for. */
    Path resources() {
        return this.resources;
    }

    String schema() {
        return this.schema;
    }

    DataSource dataSource() {
        return this.database.dataSource();
    }

    @Override
    public void close() {
        if (this.model != null) {
            this.model.close();
        }
    }

    /** A clock a minute later at each reading, from 2026-01-01. */
    private static final class TickingClock extends Clock {

        private final AtomicLong minutes = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(this.minutes.incrementAndGet()));
        }

    }

}
