package dev.belay.autoconfigure;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.belay.lint.Finding;
import dev.belay.lint.LintReport;
import dev.belay.lint.RevisionLinter;
import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionGraph;
import dev.belay.revision.RevisionInfo;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.RevisionRun;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.schema.postgres.SchemaInspector;
import dev.belay.tenant.BelayTenants;
import dev.belay.tenant.Tenant;
import dev.belay.tenant.TenantMigrationException;
import dev.belay.tenant.TenantOutcome;
import dev.belay.tenant.TenantStatus;
import dev.belay.tenant.TenantsResult;
import dev.belay.tenant.TenantsStatus;
import dev.belay.workbench.BaselineRequest;
import dev.belay.workbench.BaselineResult;
import dev.belay.workbench.Comparison;
import dev.belay.workbench.DatabaseDrift;
import dev.belay.workbench.DevDatabase;
import dev.belay.workbench.GenerateRequest;
import dev.belay.workbench.GenerateResult;
import dev.belay.workbench.OtherTool;
import dev.belay.workbench.RenameCandidate;
import dev.belay.workbench.RenameHint;
import dev.belay.workbench.RevisionStamp;
import dev.belay.workbench.RevisionVerifier;
import dev.belay.workbench.Verification;
import dev.belay.workbench.SchemaWorkbench;
import dev.belay.workbench.WrittenRevision;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

/**
 * Belay's Spring Shell commands: {@code belay status}, {@code generate}, {@code merge},
 * {@code apply}, {@code rollback}, {@code stamp}, {@code diff} and {@code check}, and {@code belay}
 * itself, which lists them. Each works interactively and non-interactively
 * ({@code java -jar app.jar belay status} with {@code spring.shell.interactive.enabled=false});
 * see {@link BelayCommand} for exit statuses.
 */
final class BelayCommands {

    private static final CommandOption MESSAGE = option("message", String.class,
            "What the revision does, in a few words (its id and class name are made from it)");

    private static final CommandOption SHADOW = flag("shadow",
            "Compare with what the revisions in the code build in a scratch schema (rolled back), not with the "
                    + "database as it is");

    private static final CommandOption ONLINE_SAFE = flag("online-safe",
            "Plan for a busy database: indexes built CONCURRENTLY, constraints added NOT VALID then validated");

    private static final CommandOption REORDER_KEYS = flag("reorder-keys",
            "Rebuild a primary key that has the mapping's columns in another order (by default it keeps its order, "
                    + "and a note says so)");

    private static final CommandOption RENAME = option("rename", String.class,
            "table.column=new_column or table=new_table: a rename rather than a drop and an add (repeatable)");

    private static final CommandOption TARGET_APPLY = option("target", String.class,
            "Apply only up to this revision (with those it comes after); by default, all");

    private static final CommandOption DRY_RUN = flag("dry-run",
            "Show the SQL the revisions send, rehearsed on a copy of the schema's tables (no rows) in a scratch "
                    + "schema that is rolled back; changes and locks no real table");

    private static final CommandOption STEPS = option("steps", Integer.class,
            "How many of the last applied revisions to roll back (default 1)");

    private static final CommandOption TARGET_ROLLBACK = option("target", String.class,
            "Roll back every applied revision this one does not need");

    private static final CommandOption TARGET_STAMP = option("target", String.class,
            "Stamp only this revision and those it comes after (default: every head)");

    private static final CommandOption YES = flag("yes", "Do not ask before running down()");

    private static final CommandOption TENANT = option("tenant", String.class,
            "Work on this tenant only (where tenants are configured: belay.tenants.schemas or a TenantSource bean)");

    private static final CommandOption ALL_TENANTS = flag("all-tenants",
            "Work on every tenant: canaries first, belay.tenants.parallelism at a time, stopping or going on after a "
                    + "failure as belay.tenants.on-failure says");

    private static final CommandOption FORMAT = option("format", String.class,
            "text (the default), or json: one JSON document on standard output for a pipeline to read");

    private static final CommandOption STATEMENTS = flag("statements",
            "List every statement of the linted revisions with what PostgreSQL did for it (locks taken, tables "
                    + "rewritten or scanned, what it built, dropped and changed), findings or not");

    private static final CommandOption EXPAND_CONTRACT = flag("expand-contract",
            "Write only what the previous release survives during a rolling deploy: keep the tables and columns it "
                    + "still maps (nullable) and leave their drops, and NOT NULL on columns it does not write, for a "
                    + "later release");

    private static final CommandOption CONTRACT = flag("contract",
            "Write what earlier --expand-contract revisions left for this release (once every instance runs the "
                    + "release before)");

    private static final CommandOption REVISION = option("revision", String.class,
            "Lint this revision only (after those it comes after), pending or not");

    private static final CommandOption LINT_FORMAT = option("format", String.class,
            "text (the default); json: one array of findings; github: workflow commands that annotate the revisions "
                    + "in a pull request");

    private static final CommandOption FROM_FLYWAY = flag("from-flyway",
            "Say in the baseline's message which of Flyway's migrations it stands for (read from Flyway's history "
                    + "table)");

    private static final CommandOption FROM_LIQUIBASE = flag("from-liquibase",
            "Say in the baseline's message which of Liquibase's changesets it stands for (read from "
                    + "databasechangelog)");

    private final MigrationRunner runner;

    private final ObjectProvider<SchemaWorkbench> workbench;

    private final ObjectProvider<DevDatabase> dev;

    private final ObjectProvider<BelayTenants> tenants;

    BelayCommands(MigrationRunner runner, ObjectProvider<SchemaWorkbench> workbench, ObjectProvider<DevDatabase> dev,
            ObjectProvider<BelayTenants> tenants) {
        this.runner = runner;
        this.workbench = workbench;
        this.dev = dev;
        this.tenants = tenants;
    }

    /** The runner that rehearses {@code runner}'s revisions: on the dev database ({@code belay.dev-url}) when there is one. */
    private MigrationRunner rehearsals(MigrationRunner runner) {
        return DevDatabase.rehearsals(runner, this.dev.getIfAvailable());
    }

    /**
     * What a command works on: the application's schema when it has no tenants; with tenants, the
     * one {@code --tenant} names, or every tenant with {@code --all-tenants} (or by default, for
     * {@code belay status}). A command that changes tenants needs to be told which.
     */
    private Scope scope(CommandInput input, String command, Tenants tenants) {
        String name = input.string("tenant");
        boolean all = input.flag("all-tenants");
        BelayTenants available = this.tenants.getIfAvailable();
        if (available == null) {
            if (name != null || all) {
                throw new CommandInput.UsageException("This application has no tenants, so 'belay " + command
                        + "' takes neither --tenant nor --all-tenants (tenants come from belay.tenants.schemas and "
                        + "TenantSource beans).");
            }
            return new Scope(this.runner, null, null);
        }
        if (name != null && all) {
            throw new CommandInput.UsageException("Give --tenant NAME or --all-tenants, not both.");
        }
        if (name != null) {
            Tenant tenant = available.tenant(name);
            return new Scope(available.runner(tenant), tenant, null);
        }
        if (all || tenants == Tenants.EVERY_BY_DEFAULT) {
            return new Scope(this.runner, null, available);
        }
        throw new CommandInput.UsageException("This application has tenants, so 'belay " + command + "' needs to be "
                + "told which: --tenant NAME for one of them"
                + ((tenants == Tenants.ONE_OR_EVERY) ? ", or --all-tenants for every one" : "")
                + ". `belay status` lists them.");
    }

    /** Which tenants a command works on when the application has some. */
    private enum Tenants {

        /** Every tenant unless {@code --tenant} names one ({@code status}, {@code generate}, {@code diff}). */
        EVERY_BY_DEFAULT,

        /** The one {@code --tenant} names, or every one with {@code --all-tenants}; it must be told which. */
        ONE_OR_EVERY,

        /** The one {@code --tenant} names ({@code stamp}, {@code baseline}). */
        ONE

    }

    /**
     * What a command works on.
     *
     * @param runner the application's runner, or the one tenant's
     * @param tenant the one tenant, or {@code null}
     * @param all every tenant, or {@code null}
     */
    private record Scope(MigrationRunner runner, @Nullable Tenant tenant, @Nullable BelayTenants all) {

    }

    private static boolean json(CommandInput input) {
        String format = input.string("format");
        if (format == null || format.equals("text")) {
            return false;
        }
        if (format.equals("json")) {
            return true;
        }
        throw new CommandInput.UsageException("--format takes text or json, not '" + format + "'.");
    }

    /**
     * {@code belay}: lists the commands. A word after it that names no command, or an option
     * other than {@code --help}, is a usage error.
     */
    Command root() {
        List<CommandOption> options = List.of(flag("help", "Show help"));
        AbstractCommand root = new AbstractCommand(BelayCommandParser.ROOT, "Belay's schema migration commands",
                BelayCommand.GROUP, CommandReports.overview(), false) {

            @Override
            public ExitStatus doExecute(CommandContext context) {
                PrintWriter out = context.outputWriter();
                try {
                    List<CommandArgument> words = context.parsedInput().arguments();
                    if (!words.isEmpty()) {
                        String name = "belay "
                                + words.stream().map(CommandArgument::value).collect(Collectors.joining(" "));
                        out.println("There is no command '" + name + "'.");
                        out.println();
                        out.print(CommandReports.overview());
                        return BelayCommand.usage("There is no command '" + name + "'.");
                    }
                    CommandInput.of(context, getName(), getOptions());
                    out.print(CommandReports.overview());
                    return ExitStatus.OK;
                }
                catch (CommandInput.UsageException ex) {
                    out.println(ex.getMessage());
                    out.println();
                    out.print(CommandReports.overview());
                    return BelayCommand.usage(ex.getMessage());
                }
                finally {
                    out.flush();
                }
            }

        };
        root.setOptions(options);
        return root;
    }

    Command status() {
        return command("status", "Show every revision and whether the database has it (with tenants: where each "
                + "tenant stands)", "belay status [--tenant NAME] [--format text|json]", List.of(TENANT, FORMAT),
                (context, input, out) -> {
                    boolean json = json(input);
                    Scope scope = scope(input, "status", Tenants.EVERY_BY_DEFAULT);
                    if (scope.all() != null) {
                        TenantsStatus status = scope.all().status();
                        if (json) {
                            out.println(TenantReports.json(status));
                        }
                        else {
                            TenantReports.printStatus(status, out);
                        }
                        return ExitStatus.OK;
                    }
                    MigrationStatus status = scope.runner().status();
                    if (json) {
                        out.println(TenantReports.json(status));
                        return ExitStatus.OK;
                    }
                    if (scope.tenant() != null) {
                        out.println("Tenant " + scope.tenant().name() + TenantReports.failureNote(
                                this.tenants.getObject(), scope.tenant()));
                    }
                    CommandReports.printStatus(status, scope.runner().graph(), out);
                    if (this.dev.getIfAvailable() != null) {
                        // With a dev database at hand, the applied revisions are verified too.
                        Verification verification = new RevisionVerifier(scope.runner(), rehearsals(scope.runner()),
                                new SchemaInspector()).verify();
                        if (!verification.edited().isEmpty()) {
                            out.println();
                            CommandReports.printVerification(verification, out);
                        }
                    }
                    return ExitStatus.OK;
                });
    }

    Command generate() {
        return command("generate", "Write the revision that brings the database to the JPA mapping",
                "belay generate [--message TEXT] [--shadow] [--online-safe] [--reorder-keys] "
                        + "[--rename table.column=new]... [--expand-contract | --contract] [--tenant NAME]",
                List.of(MESSAGE, SHADOW, ONLINE_SAFE, REORDER_KEYS, RENAME, EXPAND_CONTRACT, CONTRACT, TENANT),
                (context, input, out) -> {
                    if (input.flag("expand-contract") && input.flag("contract")) {
                        throw new CommandInput.UsageException("Give --expand-contract or --contract, not both: they "
                                + "are the two halves of a change, written in two releases (--contract once every "
                                + "instance runs the release of --expand-contract).");
                    }
                    Scope scope = comparedScope(input, "generate", out);
                    GenerateRequest request = GenerateRequest.defaults()
                        .withMessage(input.string("message"))
                        .withShadow(input.flag("shadow") || scope.all() != null)
                        .withOnlineSafe(input.flag("online-safe"))
                        .withReorderKeys(input.flag("reorder-keys"))
                        .withExpandContract(input.flag("expand-contract"))
                        .withContract(input.flag("contract"))
                        .withQuestions((candidate) -> ask(context, candidate));
                    for (String rename : input.strings("rename")) {
                        request = request.withRename(RenameHint.parse(rename));
                    }
                    GenerateResult result = workbench("generate", scope).generate(request);
                    CommandReports.printGenerated(result, out);
                    return ExitStatus.OK;
                });
    }

    Command merge() {
        return command("merge", "Write an empty revision that joins the heads of the revision graph",
                "belay merge [--message TEXT]", List.of(MESSAGE), (context, input, out) -> {
                    WrittenRevision merge = workbench("merge").merge(input.string("message"));
                    out.println("Wrote " + CommandReports.relative(merge.file()));
                    out.println("  revision " + merge.revision().header().id() + ", after "
                            + String.join(", ", merge.revision().header().after()));
                    out.println("Build the application: the revisions have one head again.");
                    return ExitStatus.OK;
                });
    }

    Command apply() {
        return command("apply", "Apply pending revisions",
                "belay apply [--target ID] [--dry-run] [--tenant NAME | --all-tenants] [--format text|json]",
                List.of(TARGET_APPLY, DRY_RUN, TENANT, ALL_TENANTS, FORMAT), (context, input, out) -> {
                    boolean dryRun = input.flag("dry-run");
                    boolean json = json(input);
                    Scope scope = scope(input, "apply", Tenants.ONE_OR_EVERY);
                    if (scope.all() != null) {
                        if (dryRun) {
                            throw new CommandInput.UsageException("A dry run rehearses one schema: give --tenant NAME "
                                    + "with --dry-run.");
                        }
                        return applyAll(scope.all(), input.string("target"), json, out);
                    }
                    if (scope.tenant() != null && !dryRun) {
                        // A tenant's revisions may use what the shared ones build.
                        this.tenants.getObject().migrateApplication();
                    }
                    MigrationResult result = scope.runner().apply(input.string("target"), dryRun);
                    if (json) {
                        out.println(TenantReports.json(result));
                    }
                    else {
                        CommandReports.printApplied(result, out);
                    }
                    return ExitStatus.OK;
                });
    }

    Command rollback() {
        return command("rollback", "Roll back applied revisions, latest first, running their down()",
                "belay rollback [--steps N | --target ID] [--yes] [--tenant NAME | --all-tenants]",
                List.of(STEPS, TARGET_ROLLBACK, YES, TENANT, ALL_TENANTS),
                (context, input, out) -> rollback(context, input, out));
    }

    Command stamp() {
        return command("stamp",
                "Record pending revisions as applied without running them, once the database is shown to have what "
                        + "they build (to take over a database built before Belay)",
                "belay stamp [--target ID] [--tenant NAME]", List.of(TARGET_STAMP, TENANT), (context, input, out) -> {
                    MigrationRunner runner = scope(input, "stamp", Tenants.ONE).runner();
                    MigrationStatus status = runner.status();
                    List<RevisionStatus> unknown = status.inState(RevisionState.UNKNOWN);
                    if (this.runner.graph().isEmpty() && !unknown.isEmpty()) {
                        out.println("Nothing to stamp: this application has no revisions, and schema " + status.schema()
                                + " has revisions of Belay's already ("
                                + unknown.stream().map(RevisionStatus::id).collect(Collectors.joining(", ")) + ").");
                        out.println("Update this checkout to the code that has them, or build the application if "
                                + "`belay baseline` has just written one here.");
                        return BelayCommand.failed("the database has revisions this code does not have");
                    }
                    if (this.runner.graph().isEmpty()) {
                        out.println("Nothing to stamp: this application has no revisions.");
                        out.println("To take schema " + status.schema() + " over as it is (built by "
                                + "Flyway, Liquibase, ddl-auto or by hand), run `belay baseline`: it writes a revision "
                                + "that builds the database and records it as applied.");
                        return ExitStatus.OK;
                    }
                    MigrationResult result = new RevisionStamp(runner, new SchemaInspector(), rehearsals(runner))
                        .stamp(input.string("target"));
                    if (result.revisions().isEmpty()) {
                        out.println("Nothing to stamp: schema " + result.schema() + " records every revision"
                                + ((input.string("target") != null) ? " up to '" + input.string("target") + "'" : "")
                                + " as applied.");
                        return ExitStatus.OK;
                    }
                    out.println("Schema " + result.schema() + " has what the revisions build. Recorded as applied, "
                            + "without running them:");
                    for (RevisionRun run : result.revisions()) {
                        out.println("  " + run.id() + CommandReports.message(run.message()));
                    }
                    return ExitStatus.OK;
                });
    }

    Command baseline() {
        return command("baseline",
                "Take a database built before Belay over as it is: write a revision that builds its schema and record "
                        + "it as applied",
                "belay baseline [--message TEXT] [--from-flyway | --from-liquibase] [--tenant NAME]",
                List.of(MESSAGE, FROM_FLYWAY, FROM_LIQUIBASE, TENANT), (context, input, out) -> {
                    Scope scope = scope(input, "baseline", Tenants.ONE);
                    if (input.flag("from-flyway") && input.flag("from-liquibase")) {
                        throw new CommandInput.UsageException("Give --from-flyway or --from-liquibase, not both.");
                    }
                    OtherTool from = input.flag("from-flyway") ? OtherTool.FLYWAY
                            : input.flag("from-liquibase") ? OtherTool.LIQUIBASE : null;
                    BaselineResult result = workbench("baseline", scope)
                        .baseline(new BaselineRequest(input.string("message"), from));
                    CommandReports.printBaseline(result, out);
                    return ExitStatus.OK;
                });
    }

    Command diff() {
        return command("diff", "Show the SQL that would bring the database to the JPA mapping, with its hazards",
                "belay diff [--shadow] [--online-safe] [--reorder-keys] [--rename table.column=new]... [--tenant NAME]",
                List.of(SHADOW, ONLINE_SAFE, REORDER_KEYS, RENAME, TENANT), (context, input, out) -> {
                    Scope scope = comparedScope(input, "diff", out);
                    List<RenameHint> renames = input.strings("rename").stream().map(RenameHint::parse).toList();
                    Comparison diff = workbench("diff", scope).diff(input.flag("shadow") || scope.all() != null,
                            input.flag("online-safe"), renames, input.flag("reorder-keys"));
                    out.println("-- From " + (diff.shadow() ? "what the revisions build (in a scratch schema)"
                            : "schema " + diff.status().schema()) + " to the JPA mapping");
                    if (!diff.shadow() && !diff.pending().isEmpty()) {
                        out.println("-- " + CommandReports.pendingNote(diff.pending())
                                + "; this SQL would repeat their work (see belay diff --shadow)");
                    }
                    out.print(diff.plan());
                    CommandReports.printPossibleRenames(diff.possibleRenames(), "diff", out);
                    return ExitStatus.OK;
                });
    }

    Command check() {
        return command("check", "Exit 0 when the JPA mapping equals the database with all revisions applied",
                "belay check [--tenant NAME | --all-tenants]", List.of(TENANT, ALL_TENANTS), (context, input, out) -> {
                    Scope scope = scope(input, "check", Tenants.ONE_OR_EVERY);
                    if (scope.all() != null) {
                        return checkAll(scope.all(), out);
                    }
                    Comparison check = workbench("check", scope).check();
                    String compared = (check.unreachable() != null)
                            ? "what the revisions build (on " + check.site() + "; the application's database was not "
                                    + "read: " + check.unreachable().replaceAll("\\.+$", "") + ")"
                            : check.shadow() ? "what the revisions build (in " + check.site() + ", since "
                                    + CommandReports.shadowReason(check) + ")"
                                    : "schema " + check.status().schema();
                    if (check.passed()) {
                        out.println("OK: the JPA mapping matches " + compared + ".");
                        CommandReports.printNotes(check.plan(), out);
                        if (!check.pending().isEmpty() && check.unreachable() == null) {
                            out.println(CommandReports.pendingNote(check.pending()) + ": `belay apply` applies them.");
                        }
                        return ExitStatus.OK;
                    }
                    CommandReports.problems(check.status(), scope.runner().graph()).forEach(out::println);
                    if (check.database().differs()) {
                        out.println(DriftReport.database(check.status().schema(), check.database(), ""));
                        out.println();
                    }
                    if (!check.matches()) {
                        out.println("The JPA mapping differs from " + compared + ". What it still needs:");
                        out.println();
                        out.print(check.plan());
                        out.println();
                        out.println("Write it as a revision with `belay generate`.");
                        return BelayCommand.failed("the JPA mapping differs from the schema the revisions build");
                    }
                    if (check.problems().isEmpty()) {
                        out.println("The JPA mapping matches " + compared + "; the check passes once the database "
                                + "is what its revisions built again.");
                        return BelayCommand.failed("the database was changed by other means than its revisions");
                    }
                    out.println("The JPA mapping matches " + compared + "; the check passes once the "
                            + ((check.problems().size() == 1) ? "revision above is" : "revisions above are")
                            + " resolved.");
                    return BelayCommand.failed(String.join("; ", CommandReports.problemSummaries(check.status())));
                });
    }

    Command lint() {
        return command("lint",
                "Rehearse the pending revisions (or one) in a scratch schema, read what PostgreSQL did for each "
                        + "statement, and report findings by rule; exit non-zero on an error not suppressed",
                "belay lint [--revision ID] [--format text|json|github] [--statements] [--tenant NAME]",
                List.of(REVISION, LINT_FORMAT, STATEMENTS, TENANT), (context, input, out) -> {
                    LintReports.Format format = LintReports.Format.parse(input.string("format"));
                    Scope scope = scope(input, "lint", Tenants.EVERY_BY_DEFAULT);
                    SchemaWorkbench available = this.workbench.getIfAvailable();
                    RevisionLinter linter = (available != null) ? available.forRunner(scope.runner()).linter()
                            : SchemaWorkbench.linter(scope.runner(), this.dev.getIfAvailable());
                    LintReport report = (scope.all() != null && input.string("revision") == null)
                            ? linter.lintAll(pendingInSomeTenant(scope.all(), scope.runner().graph()))
                            : linter.lint(input.string("revision"));
                    LintReports.print(report, format, input.flag("statements"), (id) -> sourceFile(scope.runner(), id),
                            out);
                    if (!report.passes()) {
                        return BelayCommand.failed(CommandReports.count(report.failing().size(), "error") + " in "
                                + report.failing().stream().map(Finding::revision).distinct()
                                    .collect(Collectors.joining(", ")));
                    }
                    return ExitStatus.OK;
                });
    }

    /**
     * The revisions that some tenant has not applied, in graph order: what {@code belay lint}
     * checks where there are tenants and none is named.
     */
    private static List<String> pendingInSomeTenant(BelayTenants tenants, RevisionGraph graph) {
        Set<String> everywhere = null;
        for (TenantStatus tenant : tenants.status().tenants()) {
            Set<String> applied = new HashSet<>();
            tenant.current().stream().filter(graph::contains).forEach((head) -> applied.addAll(graph.lineage(head)));
            if (everywhere == null) {
                everywhere = applied;
            }
            else {
                everywhere.retainAll(applied);
            }
        }
        Set<String> done = (everywhere != null) ? everywhere : Set.of();
        return graph.pending(Set.of(), null).stream().map(RevisionInfo::id).filter((id) -> !done.contains(id)).toList();
    }

    /**
     * The source file of a revision, relative to the project, for CI annotations: under
     * {@code belay.generate.directory} by its class name.
     */
    private @Nullable Path sourceFile(MigrationRunner runner, String revision) {
        SchemaWorkbench available = this.workbench.getIfAvailable();
        Optional<RevisionInfo> info = runner.graph().find(revision);
        if (available == null || info.isEmpty() || !info.get().source().contains(".")) {
            return null;
        }
        return available.settings().directory().resolve(info.get().source().replace('.', '/') + ".java");
    }

    Command verify() {
        return command("verify",
                "Replay the applied revisions and name those that no longer do what they did when applied here",
                "belay verify [--tenant NAME | --all-tenants]", List.of(TENANT, ALL_TENANTS), (context, input, out) -> {
                    Scope scope = scope(input, "verify", Tenants.ONE_OR_EVERY);
                    if (scope.all() != null) {
                        return verifyAll(scope.all(), out);
                    }
                    Verification verification = new RevisionVerifier(scope.runner(), rehearsals(scope.runner()),
                            new SchemaInspector()).verify();
                    CommandReports.printVerification(verification, out);
                    if (!verification.passed()) {
                        return BelayCommand.failed(verification.edited().isEmpty()
                                ? "the database has revision '" + verification.unknown().get(0) + "' that this code lacks"
                                : CommandReports.count(verification.edited().size(), "run")
                                        + " of applied revisions no longer do what they did");
                    }
                    return ExitStatus.OK;
                });
    }

    private ExitStatus rollback(CommandContext context, CommandInput input, PrintWriter out) {
        Integer steps = input.positive("steps");
        String target = input.string("target");
        if (steps != null && target != null) {
            throw new CommandInput.UsageException("Give --steps or --target, not both.");
        }
        Scope scope = scope(input, "rollback", Tenants.ONE_OR_EVERY);
        if (scope.all() != null) {
            return rollbackAll(context, scope.all(), steps, target, input.flag("yes"), out);
        }
        MigrationRunner runner = scope.runner();
        List<RevisionStatus> chosen = toRollBack(runner, runner.status(), (target != null) ? null
                : (steps != null) ? steps : Integer.valueOf(1), target);
        if (chosen.isEmpty()) {
            out.println("Nothing to roll back" + ((target != null) ? ": the database is at '" + target + "'." : "."));
            return ExitStatus.OK;
        }
        String list = chosen.stream().map(CommandReports::describe).collect(Collectors.joining("\n  ", "  ", ""));
        if (!input.flag("yes")) {
            Optional<Boolean> answer = BelayCommand.ask(context, "Roll back " + CommandReports.count(chosen.size(), "revision")
                    + ", running down():\n" + list + "\nGo ahead?");
            if (answer.isEmpty()) {
                out.println("belay rollback runs down() of " + CommandReports.count(chosen.size(), "revision") + ":\n" + list);
                out.println("It asks before it does, and cannot ask here: run it again with --yes.");
                return BelayCommand.failed("rollback needs --yes when it cannot ask");
            }
            if (!answer.get()) {
                out.println("Nothing was rolled back.");
                return ExitStatus.OK;
            }
        }
        MigrationResult result = (target != null) ? runner.rollbackTo(target) : runner.rollback(chosen.size());
        out.println("Rolled back " + CommandReports.count(result.revisions().size(), "revision") + " of schema " + result.schema()
                + " in " + result.totalMs() + " ms:");
        for (RevisionRun run : result.revisions()) {
            out.println("  " + run.id() + CommandReports.message(run.message()) + "  " + run.executionMs() + " ms");
        }
        return ExitStatus.OK;
    }

    /**
     * What a rollback would run down() of, latest first: the last {@code steps} applied revisions,
     * or those the target does not need. Only to show before asking; the runner decides.
     */
    private List<RevisionStatus> toRollBack(MigrationRunner runner, MigrationStatus status, @Nullable Integer steps,
            @Nullable String target) {
        List<RevisionStatus> applied = new ArrayList<>(status.revisions()
            .stream()
            .filter((revision) -> revision.state() == RevisionState.APPLIED)
            .toList());
        applied.sort(Comparator.comparing(RevisionStatus::appliedAt).reversed());
        if (target != null) {
            RevisionGraph graph = runner.graph();
            Set<String> keep = graph.lineage(target);
            if (applied.stream().noneMatch((revision) -> revision.id().equals(target))) {
                throw new MigrationException("Cannot roll back to revision '" + target + "': it is not applied.",
                        "Roll back to one of the applied revisions (see `belay status`), or apply '" + target
                                + "' first.");
            }
            return applied.stream().filter((revision) -> !keep.contains(revision.id())).toList();
        }
        if (!applied.isEmpty() && steps > applied.size()) {
            throw new MigrationException("Cannot roll back " + steps + " revisions: only " + applied.size()
                    + ((applied.size() == 1) ? " is" : " are") + " applied.", "Roll back at most " + applied.size()
                            + ".");
        }
        return applied.subList(0, Math.min(steps, applied.size()));
    }

    private boolean ask(CommandContext context, RenameCandidate candidate) {
        return BelayCommand.ask(context, "Is " + candidate.describe()
                + " (rather than dropped and added, losing its data)?").orElse(false);
    }

    private SchemaWorkbench workbench(String command) {
        SchemaWorkbench available = this.workbench.getIfAvailable();
        if (available == null) {
            throw new IllegalStateException("belay " + command + " compares the database with the JPA mapping, and "
                    + "this application has none (it needs Hibernate and an EntityManagerFactory, e.g. from "
                    + "spring-boot-starter-data-jpa).");
        }
        return available;
    }

    /** The workbench on the scope's runner: the application's, or one tenant's. */
    private SchemaWorkbench workbench(String command, Scope scope) {
        SchemaWorkbench available = workbench(command);
        return (scope.tenant() != null) ? available.forRunner(scope.runner()) : available;
    }

    /**
     * The scope of {@code generate} and {@code diff}: with tenants and no {@code --tenant}, the
     * mapping is compared with what the revisions build (as {@code --shadow} does), which is the
     * same for every tenant; the application's own schema has no tenant's tables.
     */
    private Scope comparedScope(CommandInput input, String command, PrintWriter out) {
        Scope scope = scope(input, command, Tenants.EVERY_BY_DEFAULT);
        if (scope.all() != null) {
            out.println("This application has tenants: comparing the JPA mapping with what the revisions build (as "
                    + "--shadow does), the same for every tenant; --tenant NAME compares with one tenant's schema.");
        }
        return scope;
    }

    private ExitStatus applyAll(BelayTenants tenants, @Nullable String target, boolean json, PrintWriter out) {
        TenantsResult result;
        String failure = null;
        try {
            result = tenants.migrateAll(target);
        }
        catch (TenantMigrationException ex) {
            result = ex.result();
            failure = ex.problem().lines().findFirst().orElse(ex.problem());
        }
        if (json) {
            out.println(TenantReports.json(result));
        }
        else {
            TenantReports.printResult(result, "migrated", out);
        }
        if (failure != null) {
            return BelayCommand.failed(failure);
        }
        return result.passed() ? ExitStatus.OK : BelayCommand.failed(CommandReports.count(
                result.inState(TenantOutcome.State.FAILED).size(), "tenant") + " failed to migrate");
    }

    private ExitStatus rollbackAll(CommandContext context, BelayTenants tenants, @Nullable Integer steps,
            @Nullable String target, boolean yes, PrintWriter out) {
        List<Tenant> all = tenants.tenants();
        String what = (target != null) ? "to '" + target + "'" : CommandReports.count((steps != null) ? steps : 1,
                "revision");
        if (!yes) {
            String question = "Roll back " + what + " on every tenant (" + CommandReports.count(all.size(), "tenant")
                    + "), running down()?";
            Optional<Boolean> answer = BelayCommand.ask(context, question);
            if (answer.isEmpty()) {
                out.println("belay rollback --all-tenants rolls back " + what + " on every tenant ("
                        + CommandReports.count(all.size(), "tenant") + ").");
                out.println("It asks before it does, and cannot ask here: run it again with --yes.");
                return BelayCommand.failed("rollback needs --yes when it cannot ask");
            }
            if (!answer.get()) {
                out.println("Nothing was rolled back.");
                return ExitStatus.OK;
            }
        }
        TenantsResult result;
        String failure = null;
        try {
            result = tenants.forEach(all, "roll back", (runner) -> (target != null) ? runner.rollbackTo(target)
                    : runner.rollback((steps != null) ? steps : 1));
        }
        catch (TenantMigrationException ex) {
            result = ex.result();
            failure = ex.problem().lines().findFirst().orElse(ex.problem());
        }
        TenantReports.printResult(result, "rolled back", out);
        if (failure != null) {
            return BelayCommand.failed(failure);
        }
        return result.passed() ? ExitStatus.OK : BelayCommand.failed(CommandReports.count(
                result.inState(TenantOutcome.State.FAILED).size(), "tenant") + " failed to roll back");
    }

    /**
     * {@code belay check --all-tenants}: the mapping against what the revisions build, once (it is
     * the same for every tenant), then each tenant against its revisions: pending, incomplete or
     * unknown revisions, and a database changed by other means (by fingerprint, one inspection per
     * tenant, no DDL).
     */
    private ExitStatus checkAll(BelayTenants tenants, PrintWriter out) {
        SchemaWorkbench workbench = workbench("check");
        Comparison mapping = workbench.diff(true, false, List.of());
        List<String> failures = new ArrayList<>();
        if (mapping.plan().isEmpty()) {
            out.println("OK: the JPA mapping matches what the revisions build (in a scratch schema).");
        }
        else {
            out.println("The JPA mapping differs from what the revisions build. What it still needs:");
            out.println();
            out.print(mapping.plan());
            out.println();
            out.println("Write it as a revision with `belay generate`.");
            failures.add("the JPA mapping differs from the schema the revisions build");
        }
        TenantsStatus status = tenants.status();
        List<TenantStatus> behind = status.notAtHead();
        Map<String, Tenant> byName = tenants.tenants()
            .stream()
            .collect(Collectors.toMap(Tenant::name, Function.identity()));
        List<String> drifted = new ArrayList<>();
        for (TenantStatus tenant : status.tenants()) {
            if (tenant.standing() == TenantStatus.Standing.UNREACHABLE || tenant.current().isEmpty()
                    || !byName.containsKey(tenant.tenant())) {
                continue;
            }
            MigrationRunner runner = tenants.runner(byName.get(tenant.tenant()));
            DatabaseDrift drift = workbench.driftDetector().forRunner(runner).database(runner.status());
            if (drift.differs()) {
                drifted.add(tenant.tenant());
                out.println();
                out.println("Tenant " + tenant.tenant() + ": " + DriftReport.database(String.valueOf(tenant.schema()),
                        drift, ""));
            }
        }
        out.println();
        if (behind.isEmpty() && drifted.isEmpty()) {
            out.println("Every tenant (" + CommandReports.count(status.tenants().size(), "tenant")
                    + ") is at head and is what its revisions built.");
        }
        else if (!behind.isEmpty()) {
            TenantReports.printStatus(status, out);
            failures.add(CommandReports.count(behind.size(), "tenant") + " not at head");
        }
        if (!drifted.isEmpty()) {
            failures.add(CommandReports.count(drifted.size(), "tenant") + " changed by other means than "
                    + "its revisions (" + String.join(", ", drifted) + ")");
        }
        return failures.isEmpty() ? ExitStatus.OK : BelayCommand.failed(String.join("; ", failures));
    }

    /** {@code belay verify --all-tenants}: each tenant's applied revisions replayed and compared. */
    private ExitStatus verifyAll(BelayTenants tenants, PrintWriter out) {
        List<String> failed = new ArrayList<>();
        for (Tenant tenant : tenants.tenants()) {
            MigrationRunner runner = tenants.runner(tenant);
            Verification verification = new RevisionVerifier(runner, rehearsals(runner), new SchemaInspector())
                .verify();
            if (!verification.passed()) {
                failed.add(tenant.name());
                out.println("Tenant " + tenant.name() + ":");
                CommandReports.printVerification(verification, out);
                out.println();
            }
        }
        if (failed.isEmpty()) {
            out.println("OK: every tenant's applied revisions (" + CommandReports.count(tenants.tenants().size(),
                    "tenant") + ") still do what they did when applied.");
            return ExitStatus.OK;
        }
        return BelayCommand.failed(CommandReports.count(failed.size(), "tenant") + " with applied revisions that "
                + "no longer do what they did: " + String.join(", ", failed));
    }

    private static BelayCommand command(String name, String description, String synopsis, List<CommandOption> options,
            BelayCommand.Action action) {
        StringBuilder help = new StringBuilder(synopsis).append("\n\n").append(description).append(".\n");
        if (!options.isEmpty()) {
            help.append('\n');
            for (CommandOption option : options) {
                help.append("  --").append(option.longName()).append("\n      ").append(option.description())
                    .append('\n');
            }
        }
        return new BelayCommand("belay " + name, description, help.toString(), options, action);
    }

    private static CommandOption option(String name, Class<?> type, String description) {
        return CommandOption.with().longName(name).type(type).description(description).required(false).build();
    }

    private static CommandOption flag(String name, String description) {
        return CommandOption.with()
            .longName(name)
            .type(boolean.class)
            .description(description)
            .required(false)
            .defaultValue("false")
            .build();
    }

}
