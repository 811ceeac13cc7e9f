package dev.belay.workbench;

import java.util.List;
import java.util.Objects;

import dev.belay.diff.DiffOptions;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.SchemaDiff;
import dev.belay.revision.RevisionInfo;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationSettings;
import dev.belay.runner.ScratchSchema;
import dev.belay.schema.Schema;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.workbench.RefusedException.Reason;

import org.jspecify.annotations.Nullable;

/**
 * Takes over a database whose schema was built before Belay managed it (by Hibernate's
 * {@code ddl-auto}, by hand, or by another tool): records the revisions that build that schema as
 * applied without running them, like {@code alembic stamp} or Flyway's baseline, but only once
 * the database is shown to have exactly what they build. The revisions are rehearsed in a scratch
 * schema, and the managed schema (without the history table, with checks that differ only in
 * spelling aligned, see {@link CheckAlignment}) must plan no change against what they built.
 * <p>
 * The comparison runs under the migration lock, so no migration slips in between it and the
 * history rows. Revisions' data work (files, backfills) is neither run nor checked: a stamp says
 * the database has it. The usual take-over is {@code belay generate --shadow} for the initial
 * revision, then {@code belay stamp}.
 */
public final class RevisionStamp {

    private final MigrationRunner runner;

    private final SchemaInspector inspector;

    private final MigrationRunner rehearsals;

    public RevisionStamp(MigrationRunner runner, SchemaInspector inspector) {
        this(runner, inspector, runner);
    }

    /**
     * @param rehearsals where what the revisions build is rehearsed: the runner itself (a scratch
     * schema of the application's database) or the same revisions on the dev database
     */
    public RevisionStamp(MigrationRunner runner, SchemaInspector inspector, MigrationRunner rehearsals) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.rehearsals = Objects.requireNonNull(rehearsals, "rehearsals");
    }

    /**
     * Records the pending revisions up to {@code target} (every head when {@code null}) as applied
     * without running them.
     * @return the revisions recorded (none when every one was recorded already)
     * @throws RefusedException when the database differs from what the revisions build, naming the
     * differences; nothing is recorded then
     */
    public MigrationResult stamp(@Nullable String target) {
        String schema = this.runner.status().schema();
        return this.runner.stamp(target, (revisions) -> {
            MigrationPlan differences = differences(schema, target);
            if (!differences.isEmpty()) {
                throw new RefusedException(Reason.SCHEMA_DIFFERS, "Schema " + schema + " is not what "
                        + ((target != null) ? "the revisions up to '" + target + "'" : "the revisions")
                        + " build, so Belay will not record " + describe(revisions)
                        + " as applied. From what they build to what the database has:\n" + differences,
                        "Nothing was recorded. Make the two agree and stamp again: change the revisions to build "
                                + "this database (when the database matches the JPA mapping, `belay generate "
                                + "--shadow` writes what they lack), or change the database to what they build. To "
                                + "take the database over as it is instead (built by Flyway, Liquibase or "
                                + "ddl-auto), delete revisions that were never applied anywhere and run `belay "
                                + "baseline`, which writes a revision that builds this database and records it.");
            }
        });
    }

    /** The plan from what the revisions up to {@code target} build to the managed schema as it is. */
    private MigrationPlan differences(String schema, @Nullable String target) {
        MigrationSettings settings = this.runner.settings();
        String scratch = ScratchSchema.newName("belay_stamp_");
        Schema built = this.rehearsals.rehearse(scratch, target,
                (connection) -> settings.managed(this.inspector.inspect(connection, scratch)));
        Schema read = RolledBack.read(this.runner.dataSource(),
                (connection, serverVersion) -> settings.managed(this.inspector.inspect(connection, schema)));
        return RolledBack.read(this.rehearsals.dataSource(), (connection, serverVersion) -> {
            Schema current = CheckAlignment.align(connection, this.inspector, read, built, serverVersion);
            return SchemaDiff.between(built, current, DiffOptions.defaults().withServerVersion(serverVersion));
        });
    }

    private static String describe(List<RevisionInfo> revisions) {
        return (revisions.size() == 1) ? "'" + revisions.get(0).id() + "'" : revisions.size() + " revisions";
    }

}
