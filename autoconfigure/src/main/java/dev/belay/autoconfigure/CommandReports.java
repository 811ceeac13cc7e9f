package dev.belay.autoconfigure;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.belay.codegen.GeneratedRevision;
import dev.belay.diff.Hazard;
import dev.belay.diff.MigrationPlan;
import dev.belay.diff.PlanSegment;
import dev.belay.lint.Finding;
import dev.belay.lint.LintReport;
import dev.belay.lint.Severity;
import dev.belay.revision.RevisionGraph;
import dev.belay.revision.RevisionInfo;
import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.RevisionRun;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.actions.SchemaSnapshot.ObjectDifference;
import dev.belay.revision.HistoryEntry;
import dev.belay.workbench.BaselineResult;
import dev.belay.workbench.Comparison;
import dev.belay.workbench.Deferral;
import dev.belay.workbench.EditedRun;
import dev.belay.workbench.Verification;
import dev.belay.workbench.GenerateResult;
import dev.belay.workbench.RenameCandidate;
import dev.belay.workbench.WrittenRevision;

import org.jspecify.annotations.Nullable;

/** What {@link BelayCommands} print: results as a person at a terminal reads them. */
final class CommandReports {

    private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    private CommandReports() {
    }

    static void printStatus(MigrationStatus status, RevisionGraph graph, PrintWriter out) {
        List<RevisionStatus> incomplete = status.inState(RevisionState.INCOMPLETE);
        out.println("Schema " + status.schema() + ", history in " + status.historyTable());
        out.println("Heads: " + (status.heads().isEmpty() ? "(no revisions)" : String.join(", ", status.heads()))
                + "    Database at: " + (status.current().isEmpty() ? "(nothing applied)"
                        : String.join(", ", status.current()))
                + (incomplete.isEmpty() ? "" : "    Incomplete: "
                        + incomplete.stream().map(RevisionStatus::id).collect(Collectors.joining(", "))));
        out.println();
        TextTable table = new TextTable("ID", "MESSAGE", "STATE", "APPLIED AT (UTC)", "MS");
        for (RevisionStatus revision : status.revisions()) {
            table.row(revision.id(), TextTable.shortened(revision.message(), 40),
                    revision.state().name().toLowerCase(java.util.Locale.ROOT),
                    (revision.appliedAt() != null) ? APPLIED_AT.format(revision.appliedAt()) : "",
                    (revision.executionMs() != null) ? revision.executionMs().toString()
                            // Only belay stamp records an applied revision without a time.
                            : (revision.state() == RevisionState.APPLIED) ? "stamped" : "");
        }
        out.print(table);
        out.println();
        List<RevisionStatus> pending = status.inState(RevisionState.PENDING);
        if (status.upToDate()) {
            out.println("Up to date.");
        }
        problems(status, graph).forEach(out::println);
        if (!pending.isEmpty()) {
            out.println(pendingNote(pending) + ": run `belay apply`.");
        }
    }

    /**
     * What to know and do about the revisions that are neither applied nor pending: each
     * incomplete one with how it is resolved (resumed when it is idempotent, else a person decides
     * and {@code belay apply} says how), and those the code does not have.
     */
    static List<String> problems(MigrationStatus status, RevisionGraph graph) {
        List<String> problems = new ArrayList<>();
        for (RevisionStatus revision : status.inState(RevisionState.INCOMPLETE)) {
            boolean resumable = graph.find(revision.id()).map(RevisionInfo::idempotent).orElse(false);
            problems.add("Revision " + quoted(revision) + " started and did not finish (it was interrupted): "
                    + (resumable ? "it is idempotent, and `belay apply` resumes it."
                            : "it may be partly applied, and `belay apply` says how to resolve it."));
        }
        List<RevisionStatus> unknown = status.inState(RevisionState.UNKNOWN);
        if (!unknown.isEmpty()) {
            boolean one = unknown.size() == 1;
            problems.add("The database has " + (one ? "revision " : "revisions ")
                    + unknown.stream().map(CommandReports::quoted).collect(Collectors.joining(", "))
                    + ", which this code does not have: newer code migrated " + (one ? "it" : "them")
                    + ". Update this checkout, or use the code that has " + (one ? "it" : "them")
                    + " (if `belay baseline` has just written " + (one ? "it" : "them")
                    + " here, build the application first).");
        }
        return problems;
    }

    /**
     * Why the database is not simply at head, in a few words each: incomplete revisions, and
     * revisions the code does not have.
     */
    static List<String> problemSummaries(MigrationStatus status) {
        List<String> summaries = new ArrayList<>();
        List<RevisionStatus> incomplete = status.inState(RevisionState.INCOMPLETE);
        if (!incomplete.isEmpty()) {
            summaries.add(((incomplete.size() == 1) ? "revision " : "revisions ") + ids(incomplete)
                    + " did not finish");
        }
        List<RevisionStatus> unknown = status.inState(RevisionState.UNKNOWN);
        if (!unknown.isEmpty()) {
            summaries.add("the database has " + ((unknown.size() == 1) ? "revision " : "revisions ") + ids(unknown)
                    + ", which this code does not have");
        }
        return summaries;
    }

    static void printGenerated(GenerateResult result, PrintWriter out) {
        String against = result.shadow() ? "what the revisions build" : "the database";
        if (result.nothingToDo()) {
            out.println("Nothing to generate: " + against + " already matches the JPA mapping.");
            printNotes(result.plan(), out);
            printDeferred(result, out);
            if (result.mapping() != null) {
                out.println("Recorded the mapping for the latest revision in " + relative(result.mapping())
                        + ", which starts compare the mapping with: keep it with the revision.");
            }
            return;
        }
        MigrationPlan plan = result.plan();
        List<WrittenRevision> revisions = result.revisions();
        if (revisions.size() == 1) {
            WrittenRevision written = revisions.get(0);
            GeneratedRevision revision = written.revision();
            out.println("Wrote " + relative(written.file()));
            out.println("  revision " + revision.header().id()
                    + (revision.header().after().isEmpty() ? " (the first)"
                            : ", after " + String.join(", ", revision.header().after())));
            out.println("  " + count(plan.changes().size(), "change") + " from " + against + " to the JPA mapping"
                    + (revision.transactional() ? "" : "; runs without a transaction (see its Javadoc)"));
        }
        else {
            printChain(result, out, against);
        }
        List<Hazard> hazards = plan.hazards();
        if (!hazards.isEmpty()) {
            out.println("  " + count(hazards.size(), "hazard") + ":");
            hazards.forEach((hazard) -> out.println("    " + hazard));
        }
        printNotes(plan, out);
        printPossibleRenames(result.possibleRenames(), "generate", out);
        printDeferred(result, out);
        printLint(result.lint(), out);
        if (result.lintSkipped() != null) {
            out.println("  belay lint: " + result.lintSkipped());
        }
        if (result.mapping() != null) {
            out.println("Recorded the mapping " + ((revisions.size() == 1) ? "it was" : "they were") + " written for "
                    + "in " + relative(result.mapping()) + ": commit it with " + ((revisions.size() == 1) ? "it" : "them")
                    + " (starts compare the mapping with it).");
        }
        out.println("Review " + ((revisions.size() == 1) ? "it" : "them") + ", build the application and run "
                + "`belay apply` (or start the application).");
    }

    /** The expand/contract steps finished now, and those that still wait for a later release. */
    private static void printDeferred(GenerateResult result, PrintWriter out) {
        if (!result.finished().isEmpty()) {
            out.println("  Finishes what earlier --expand-contract revisions left for this release: "
                    + result.finished().stream().map(Deferral::text).collect(Collectors.joining(", ")) + ".");
        }
        if (!result.deferred().isEmpty()) {
            out.println("  Kept for the previous release, which still uses them while a rolling deploy runs: "
                    + result.deferred().stream().map(Deferral::text).collect(Collectors.joining(", ")) + ".");
            out.println("  Once every instance runs this release, `belay generate --contract` writes the revision "
                    + "that finishes them.");
        }
    }

    /** What {@code belay lint} will say about revisions just generated, one line per finding. */
    private static void printLint(@Nullable LintReport lint, PrintWriter out) {
        if (lint == null) {
            return;
        }
        List<Finding> findings = lint.findings();
        if (findings.isEmpty()) {
            out.println("  belay lint: no findings.");
            return;
        }
        out.println("  belay lint: " + LintReports.summary(lint) + ":");
        for (Finding finding : findings) {
            out.println("    " + finding.severity().label() + " " + finding.rule().id()
                    + ((finding.table() != null) ? " on " + finding.table() : "") + ": " + finding.message());
        }
        if (lint.count(Severity.ERROR) > 0) {
            out.println("  Rework them (`belay generate --online-safe` for locks, `--expand-contract` for what the "
                    + "release before still uses), or accept a finding with @SuppressFinding(rule, reason) on the "
                    + "revision; `belay lint` in CI fails on errors.");
        }
    }

    static void printBaseline(BaselineResult result, PrintWriter out) {
        GeneratedRevision revision = result.written().revision();
        out.println("Wrote " + relative(result.written().file()));
        out.println("  baseline " + revision.header().id() + ": " + count(result.changes(), "change")
                + " that build schema " + result.recorded().schema() + " as it is"
                + ((result.otherTool() != null) ? " (" + result.otherTool() + ")" : ""));
        out.println("Kept the schema it was written from in " + relative(result.schemaFile())
                + ": commit it with the baseline. A database without Belay's history that has exactly this schema");
        out.println("  (production, say) is recorded at the baseline when the application starts, without running it; "
                + "an empty one is built by it.");
        out.println("Recorded the baseline as applied to schema " + result.recorded().schema() + ", without running it.");
        if (!result.notCarriedOver().isEmpty()) {
            out.println("Not carried over (Belay does not manage them; a database built from the baseline lacks them):");
            result.notCarriedOver().forEach((object) -> out.println("  " + object));
            out.println("  Add them to the baseline's up() with m.jdbc().execute(...) where new databases need them.");
        }
        out.println("Build the application, then `belay generate` writes what the JPA mapping wants changed.");
    }

    /** A chain of revisions: each file, its id, and how it runs. */
    private static void printChain(GenerateResult result, PrintWriter out, String against) {
        List<WrittenRevision> revisions = result.revisions();
        List<PlanSegment> segments = result.plan().segments();
        out.println("Wrote a chain of " + revisions.size() + " revisions, each after the one before, for "
                + count(result.plan().changes().size(), "change") + " from " + against + " to the JPA mapping:");
        for (int i = 0; i < revisions.size(); i++) {
            WrittenRevision written = revisions.get(i);
            GeneratedRevision revision = written.revision();
            String changes = (segments.size() == revisions.size())
                    ? count(segments.get(i).changes().size(), "change") + ", " : "";
            String how = revision.transactional() ? "in one transaction"
                    : revision.idempotent() ? "without a transaction; idempotent, so an interrupted run is resumed"
                            : "without a transaction (see its Javadoc)";
            out.println("  " + relative(written.file()));
            out.println("    revision " + revision.header().id()
                    + (revision.header().after().isEmpty() ? " (the first)"
                            : ", after " + String.join(", ", revision.header().after()))
                    + ": " + changes + how);
        }
        out.println("  The steps that can share a transaction run in one; building indexes concurrently and "
                + "validating constraints commit on their own (see each revision's Javadoc).");
    }

    /** The plan's notes (what it keeps on purpose, what a change does not do), one {@code -- note:} line each. */
    static void printNotes(MigrationPlan plan, PrintWriter out) {
        plan.notes().forEach((note) -> out.println("-- note: " + note));
    }

    static void printPossibleRenames(List<RenameCandidate> candidates, String command, PrintWriter out) {
        if (candidates.isEmpty()) {
            return;
        }
        out.println("Dropped and added with the same type, so perhaps renamed:");
        for (RenameCandidate candidate : candidates) {
            out.println("  " + candidate.describe() + "?  --rename " + candidate.hint());
        }
        out.println("If so, " + (command.equals("generate") ? "delete the file and " : "")
                + "run `belay " + command + "` again with those --rename hints, so the data is kept.");
    }

    static void printVerification(Verification verification, PrintWriter out) {
        for (EditedRun run : verification.edited()) {
            HistoryEntry last = run.last();
            String when = " (applied " + APPLIED_AT.format(last.appliedAt()) + " UTC by " + last.appliedBy() + ")";
            if (run.suspects().size() == 1) {
                out.println("Revision " + run.suspects().get(0) + " no longer does what it did when it was applied here"
                        + when + ":");
            }
            else {
                out.println("One of the revisions " + String.join(", ", run.suspects()) + ", applied together" + when
                        + ", no longer does what it did then:");
            }
            for (ObjectDifference difference : run.differences()) {
                String object = difference.object();
                out.println("  " + (object.startsWith("+") ? "adds " : "removes ") + object.substring(1));
                out.println("      when applied: " + ((difference.before() != null) ? difference.before() : "(not this)"));
                out.println("      now:          " + ((difference.after() != null) ? difference.after() : "(not this)"));
            }
        }
        if (!verification.edited().isEmpty()) {
            out.println("A revision must not change once it is applied anywhere: a database built from scratch now "
                    + "differs from this one. Put the edit back, and make the change in a new revision (`belay "
                    + "generate` writes it).");
        }
        if (!verification.unknown().isEmpty()) {
            out.println("The database has revision '" + verification.unknown().get(0) + "' that this code lacks; the "
                    + "revisions after it were not checked. Verify with the code that has it.");
        }
        if (!verification.unchecked().isEmpty()) {
            out.println(count(verification.unchecked().size(), "revision") + " applied without a recorded effect "
                    + "(stamped, or applied before Belay recorded effects) could not be checked: "
                    + String.join(", ", verification.unchecked()) + ".");
        }
        if (verification.passed()) {
            out.println("OK: " + ((verification.checked() == 0) ? "no applied revision had a recorded effect to check."
                    : count(verification.checked(), "applied revision") + " of schema " + verification.schema()
                            + " still " + ((verification.checked() == 1) ? "does" : "do")
                            + " what " + ((verification.checked() == 1) ? "it" : "they") + " did when applied here."));
        }
    }

    static void printApplied(MigrationResult result, PrintWriter out) {
        if (result.revisions().isEmpty()) {
            out.println("Nothing to apply: schema " + result.schema() + " is up to date.");
            return;
        }
        if (result.dryRun()) {
            out.println("Dry run: " + count(result.revisions().size(), "revision") + " would be applied to schema "
                    + result.schema() + ". Rehearsed on a copy of its tables (structure only, no rows) in a scratch "
                    + "schema and rolled back: no table of " + result.schema() + " was changed or locked.");
        }
        else {
            out.println("Applied " + count(result.revisions().size(), "revision") + " to schema " + result.schema()
                    + " in " + result.totalMs() + " ms:");
        }
        for (RevisionRun run : result.revisions()) {
            out.println("  " + run.id() + message(run.message()) + (result.dryRun() ? "" : "  " + run.executionMs() + " ms"));
            if (result.dryRun()) {
                run.statements().forEach((statement) -> out.println("    " + statement.sql() + ";"));
            }
        }
    }

    /** Why {@code belay check} compared with what the revisions build rather than the database. */
    static String shadowReason(Comparison check) {
        List<String> reasons = new ArrayList<>();
        if (!check.pending().isEmpty()) {
            String note = pendingNote(check.pending());
            reasons.add(Character.toLowerCase(note.charAt(0)) + note.substring(1));
        }
        reasons.addAll(problemSummaries(check.status()));
        if (check.database().differs()) {
            reasons.add("the database was changed by other means than its revisions");
        }
        return String.join(" and ", reasons);
    }

    static String pendingNote(List<RevisionStatus> pending) {
        return count(pending.size(), "revision") + ((pending.size() == 1) ? " is" : " are") + " not applied yet ("
                + pending.stream().map(RevisionStatus::id).collect(Collectors.joining(", ")) + ")";
    }

    private static String ids(List<RevisionStatus> revisions) {
        return revisions.stream().map((revision) -> "'" + revision.id() + "'").collect(Collectors.joining(", "));
    }

    private static String quoted(RevisionStatus revision) {
        return "'" + revision.id() + "'" + message(revision.message());
    }

    static String describe(RevisionStatus revision) {
        return revision.id() + message(revision.message());
    }

    static String message(String message) {
        return message.isBlank() ? "" : " (" + TextTable.shortened(message, 60) + ")";
    }

    static String relative(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }

    static String count(int count, String noun) {
        return count + " " + noun + ((count == 1) ? "" : "s");
    }

    static String overview() {
        return """
                Belay keeps the PostgreSQL schema in step with the JPA mapping through revisions.

                  belay status                  every revision and whether the database has it
                  belay generate [--message]    write the revision that brings the database to the mapping
                  belay merge                   join the heads of the revision graph
                  belay apply [--dry-run]       apply pending revisions
                  belay rollback [--yes]        roll back the latest revision (or --steps N, --target ID)
                  belay stamp [--target ID]     record revisions as applied to a database that already has them
                  belay baseline [--message]    take a database built before Belay over as it is
                  belay diff                    the SQL that would bring the database to the mapping
                  belay check                   exit 0 when the mapping matches the database with all revisions
                  belay verify                  name applied revisions that no longer do what they did here
                  belay lint [--format]         rehearse pending revisions and report what PostgreSQL did, by rule

                With tenants (belay.tenants.schemas or a TenantSource bean), status summarises them, and
                apply, rollback, check and verify take --tenant NAME or --all-tenants.

                Run 'belay <command> --help' for a command's options.
                """;
    }

}
