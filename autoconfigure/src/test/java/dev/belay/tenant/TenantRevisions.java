package dev.belay.tenant;

import java.util.List;

import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;

/**
 * The revisions every tenant of these tests gets: a table of rides, a column, an index. Each
 * {@code up} also counts itself in {@code public.runs} (outside every tenant's schema), so that a
 * test sees how often each revision ran on each tenant.
 */
final class TenantRevisions {

    static final List<String> IDS = List.of("r1_rides", "r2_name", "r3_index");

    private TenantRevisions() {
    }

    /** Creates the table of runs in the public schema of the test database. */
    static String runsTable() {
        return "CREATE TABLE IF NOT EXISTS public.runs (tenant text NOT NULL, revision text NOT NULL)";
    }

    static Revisions all() {
        return Revisions.ofEntries(List.of(
                entry("r1_rides", null, "CREATE TABLE ride (id bigint PRIMARY KEY)", "DROP TABLE ride"),
                entry("r2_name", "r1_rides", "ALTER TABLE ride ADD COLUMN name text", "ALTER TABLE ride DROP COLUMN name"),
                entry("r3_index", "r2_name", "CREATE INDEX ride_name ON ride (name)", "DROP INDEX ride_name")));
    }

    /** A revision of the application's own schema: plans, which every tenant's rides refer to. */
    static Revisions shared() {
        return Revisions.ofEntries(List.of(entry("s1_plans", null, "CREATE TABLE plan (id bigint PRIMARY KEY)",
                "DROP TABLE plan")));
    }

    /** A tenant's revision that needs the shared one: its rides refer to the application's plans. */
    static Revisions usingShared() {
        return Revisions.ofEntries(List.of(entry("t1_rides_on_plans", null,
                "CREATE TABLE ride (id bigint PRIMARY KEY, plan bigint REFERENCES app.plan)", "DROP TABLE ride")));
    }

    private static Revisions.Entry entry(String id, String after, String up, String down) {
        RevisionInfo info = new RevisionInfo(id, (after != null) ? List.of(after) : List.of(), "make " + id, true,
                false, "test." + id);
        Revision revision = new Revision() {

            @Override
            public void up(Migrator migrator) {
                migrator.actions().execute(up);
                migrator.jdbc().update("INSERT INTO public.runs VALUES (current_schema(), ?)", id);
            }

            @Override
            public void down(Migrator migrator) {
                migrator.actions().execute(down);
            }

        };
        return new Revisions.Entry(info, () -> revision);
    }

}
