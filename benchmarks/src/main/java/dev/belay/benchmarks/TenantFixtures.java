package dev.belay.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.belay.revision.Migrator;
import dev.belay.revision.Revision;
import dev.belay.revision.RevisionInfo;
import dev.belay.revision.Revisions;

/**
 * The chain of revisions every tenant of {@link TenantBenchmark} gets, the same SQL for each
 * tool: tables, columns, indexes and one small data step, as Belay revisions (one statement
 * each, through {@code migrator.actions()}) and as Flyway SQL migrations {@code V1..V20} in a
 * temporary directory. Every statement names its objects unqualified: each tool sets
 * {@code search_path} to the tenant's schema.
 */
final class TenantFixtures {

    /** The statements, one revision each, in order. */
    static final List<String> STATEMENTS = List.of(
            "CREATE TABLE account (id bigint PRIMARY KEY, name text NOT NULL)",
            "CREATE TABLE app_user (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES account (id), "
                    + "email text NOT NULL)",
            "CREATE UNIQUE INDEX app_user_email ON app_user (email)",
            "CREATE TABLE project (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES account (id), "
                    + "name text NOT NULL)",
            "CREATE INDEX project_account ON project (account_id)",
            "ALTER TABLE app_user ADD COLUMN display_name text",
            "CREATE TABLE task (id bigint PRIMARY KEY, project_id bigint NOT NULL REFERENCES project (id), "
                    + "title text NOT NULL, done boolean NOT NULL DEFAULT false)",
            "CREATE INDEX task_project ON task (project_id)",
            "ALTER TABLE task ADD COLUMN due_date date",
            "CREATE TABLE plan (code text PRIMARY KEY, seats int NOT NULL)",
            "INSERT INTO plan (code, seats) VALUES ('free', 3), ('team', 25), ('business', 250)",
            "ALTER TABLE account ADD COLUMN plan_code text REFERENCES plan (code)",
            "CREATE TABLE comment (id bigint PRIMARY KEY, task_id bigint NOT NULL REFERENCES task (id), "
                    + "author_id bigint REFERENCES app_user (id), body text NOT NULL)",
            "CREATE INDEX comment_task ON comment (task_id)",
            "ALTER TABLE project ADD COLUMN archived boolean NOT NULL DEFAULT false",
            "CREATE TABLE tag (id bigint PRIMARY KEY, name text NOT NULL UNIQUE)",
            "CREATE TABLE task_tag (task_id bigint REFERENCES task (id), tag_id bigint REFERENCES tag (id), "
                    + "PRIMARY KEY (task_id, tag_id))",
            "ALTER TABLE task ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()",
            "CREATE INDEX task_due ON task (due_date) WHERE NOT done",
            "CREATE TABLE audit_event (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "at timestamptz NOT NULL DEFAULT now(), what text NOT NULL)");

    /** The tables the chain leaves in every tenant's schema. */
    static final List<String> TABLES = List.of("account", "app_user", "project", "task", "plan", "comment", "tag",
            "task_tag", "audit_event");

    /** The rows of the data step. */
    static final int PLANS = 3;

    final Path flywayDirectory;

    private TenantFixtures(Path flywayDirectory) {
        this.flywayDirectory = flywayDirectory;
    }

    static TenantFixtures create() throws IOException {
        Path flyway = Files.createTempDirectory("belay-tenant-bench");
        for (int i = 1; i <= STATEMENTS.size(); i++) {
            Files.writeString(flyway.resolve("V" + i + "__step_" + i + ".sql"), STATEMENTS.get(i - 1) + ";\n");
        }
        return new TenantFixtures(flyway);
    }

    static int count() {
        return STATEMENTS.size();
    }

    /** Belay's revisions: {@code v01..v20}, each after the one before. */
    static Revisions revisions() {
        List<Revisions.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= STATEMENTS.size(); i++) {
            String sql = STATEMENTS.get(i - 1);
            RevisionInfo info = new RevisionInfo(id(i), (i == 1) ? List.of() : List.of(id(i - 1)), "step " + i, true,
                    "bench.tenant." + id(i));
            Revision revision = new Revision() {

                @Override
                public void up(Migrator migrator) {
                    migrator.actions().execute(sql);
                }

                @Override
                public void down(Migrator migrator) {
                    throw new UnsupportedOperationException("The benchmark never rolls back");
                }

            };
            entries.add(new Revisions.Entry(info, () -> revision));
        }
        return Revisions.ofEntries(entries);
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "v%02d", i);
    }

}
