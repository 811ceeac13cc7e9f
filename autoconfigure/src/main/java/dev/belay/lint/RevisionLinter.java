package dev.belay.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.belay.revision.MigrationException;
import dev.belay.revision.RevisionGraph;
import dev.belay.revision.RevisionInfo;
import dev.belay.runner.MigrationRunner;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.runner.ScratchSchema;
import dev.belay.runner.SqlFailures;

import org.jspecify.annotations.Nullable;

/**
 * {@code belay lint}: rehearses the pending revisions (or one revision) after those they come
 * after, in a scratch schema that lives for the rehearsal, reads from PostgreSQL's catalog what
 * each statement did, and turns that into findings by {@link Rule}. The rehearsal runs each
 * revision in a transaction of its own over committed tables, as production would, so the locks
 * it takes are real; it runs as a dry run ({@code Migrator.dryRun()} is {@code true}), and no
 * table of the application is touched unless a revision names one itself.
 */
public final class RevisionLinter {

    private final MigrationRunner runner;

    private final MigrationRunner rehearsal;

    private final String site;

    private final Function<String, Optional<List<String>>> mappings;

    private final Function<RevisionInfo, List<SuppressFinding>> suppressions;

    /**
     * @param runner the application's revisions and database, whose history says what is pending
     * @param rehearsal where the revisions are rehearsed: the same runner (a scratch schema of the
     * application's database) or one on the dev database
     * @param site where that is, in words
     * @param mappings the statements of the mapping snapshot kept beside a revision, if any (see
     * {@code MappingSnapshot})
     * @param suppressions the {@link SuppressFinding} annotations of a revision
     */
    public RevisionLinter(MigrationRunner runner, MigrationRunner rehearsal, String site,
            Function<String, Optional<List<String>>> mappings,
            Function<RevisionInfo, List<SuppressFinding>> suppressions) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.rehearsal = Objects.requireNonNull(rehearsal, "rehearsal");
        this.site = Objects.requireNonNull(site, "site");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
    }

    /** The {@link SuppressFinding} annotations of a revision class, loaded by name from its source. */
    public static Function<RevisionInfo, List<SuppressFinding>> suppressionsOf(ClassLoader classLoader) {
        return (info) -> {
            try {
                Class<?> type = Class.forName(info.source(), false, classLoader);
                return List.of(type.getAnnotationsByType(SuppressFinding.class));
            }
            catch (ClassNotFoundException | LinkageError ex) {
                return List.of();
            }
        };
    }

    /**
     * Lints the revisions pending in the application's database, or one revision.
     * @param revision the id of the revision to lint (pending or not), or {@code null} for every
     * pending one
     * @throws MigrationException naming an unknown revision
     */
    public LintReport lint(@Nullable String revision) {
        RevisionGraph graph = this.runner.graph();
        List<RevisionInfo> order;
        Set<String> linted;
        if (revision != null) {
            if (graph.find(revision).isEmpty()) {
                throw new MigrationException("There is no revision '" + revision + "' to lint.",
                        "Name one of the application's revisions: " + graph.describe(
                                graph.revisions().stream().map(RevisionInfo::id).toList()) + ".");
            }
            order = graph.pending(Set.of(), revision);
            linted = Set.of(revision);
        }
        else {
            linted = pending(graph);
            order = upTo(graph.pending(Set.of(), null), linted);
        }
        return lint(graph, order, linted);
    }

    /**
     * Lints the given revisions, rehearsed after every revision they come after: the revisions
     * {@code belay generate} is about to write, say.
     */
    public LintReport lintAll(Collection<String> revisions) {
        RevisionGraph graph = this.runner.graph();
        Set<String> linted = new LinkedHashSet<>(revisions);
        return lint(graph, upTo(graph.pending(Set.of(), null), linted), linted);
    }

    private LintReport lint(RevisionGraph graph, List<RevisionInfo> order, Set<String> linted) {
        if (linted.isEmpty()) {
            return new LintReport(List.of(), List.of(), List.of(), this.site, List.of());
        }
        RehearsalRecorder recorder = new RehearsalRecorder(ScratchSchema.newName("belay_lint_"), linted,
                this.runner.settings().historyTable());
        String scratch = recorder.schema();
        String stoppedAt = null;
        RuntimeException stopped = null;
        try {
            this.rehearsal.rehearseStepwise(scratch, order, recorder);
        }
        catch (MigrationException ex) {
            stoppedAt = recorder.current();
            stopped = ex;
            recorder.failed(ex);
        }
        int serverVersion = serverVersion();
        List<Finding> findings = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<RehearsedStatement> statements = new ArrayList<>();
        for (RevisionFacts facts : recorder.revisions()) {
            done.add(facts.revision().id());
            facts.statements().forEach((statement) -> statements.add(new RehearsedStatement(facts.revision().id(),
                    statement.statement().sql(), statement.describe(null))));
            List<Finding> found = Rules.of(facts, previousRelease(graph, facts), serverVersion);
            findings.addAll(suppress(facts.revision(), found));
        }
        if (stopped != null && stoppedAt != null && !linted.contains(stoppedAt)) {
            findings.add(new Finding(stoppedAt, Rule.REHEARSAL_FAILED, null, null, "Revision '" + stoppedAt
                    + "', which the revisions to lint come after, failed in the rehearsal, so they could not be "
                    + "rehearsed: " + ((stopped instanceof MigrationException migration) ? migration.problem()
                            : stopped.getMessage()), "the rehearsal stopped here", null));
        }
        List<String> notLinted = order.stream()
            .map(RevisionInfo::id)
            .filter((id) -> linted.contains(id) && !done.contains(id))
            .toList();
        return new LintReport(findings, done, notLinted, this.site, statements);
    }

    /**
     * The revisions not applied to the application's database; every revision when it cannot be
     * reached and the rehearsal has a database of its own (CI with a dev database).
     */
    private Set<String> pending(RevisionGraph graph) {
        MigrationStatus status;
        try {
            status = this.runner.status();
        }
        catch (MigrationException ex) {
            String state = SqlFailures.state(ex);
            if (this.rehearsal == this.runner || state == null || !state.startsWith("08")) {
                throw ex;
            }
            Set<String> all = new LinkedHashSet<>();
            graph.revisions().forEach((info) -> all.add(info.id()));
            return all;
        }
        Set<String> pending = new LinkedHashSet<>();
        for (RevisionStatus revision : status.inState(RevisionState.PENDING)) {
            pending.add(revision.id());
        }
        return pending;
    }

    /** The revisions in order, up to the last one to lint: what comes after it need not run. */
    private static List<RevisionInfo> upTo(List<RevisionInfo> order, Set<String> linted) {
        int last = -1;
        for (int i = 0; i < order.size(); i++) {
            if (linted.contains(order.get(i).id())) {
                last = i;
            }
        }
        return order.subList(0, last + 1);
    }

    /**
     * What the release before a revision maps: the mapping kept beside the nearest revision it
     * comes after, else assumed from the schema it starts from; nothing for a first revision.
     */
    private PreviousRelease previousRelease(RevisionGraph graph, RevisionFacts facts) {
        RevisionInfo revision = facts.revision();
        if (revision.parents().isEmpty()) {
            return PreviousRelease.none();
        }
        return graph.nearest(revision.parents(), (id) -> this.mappings.apply(id)
            .filter((mapping) -> !mapping.isEmpty())
            .map((mapping) -> PreviousRelease.ofDdl(mapping, id)))
            .orElseGet(() -> PreviousRelease.assumed(facts.tablesAtStart()));
    }

    /** Marks the findings that the revision's {@link SuppressFinding}s accept, and reports bad ones. */
    private List<Finding> suppress(RevisionInfo revision, List<Finding> findings) {
        List<Finding> result = new ArrayList<>(findings);
        for (SuppressFinding suppression : this.suppressions.apply(revision)) {
            Optional<Rule> rule = Rule.byId(suppression.rule());
            String problem = null;
            if (rule.isEmpty()) {
                problem = "names no rule ('" + suppression.rule() + "'; the rules are " + String.join(", ", Rule.ids())
                        + ")";
            }
            else if (suppression.reason().isBlank()) {
                problem = "gives no reason, so it suppresses nothing";
            }
            else {
                boolean used = false;
                for (int i = 0; i < result.size(); i++) {
                    Finding finding = result.get(i);
                    if (finding.rule() == rule.get() && !finding.suppressed() && (suppression.table().isEmpty()
                            || suppression.table().equals(finding.table()))) {
                        result.set(i, finding.suppressedBecause(suppression.reason()));
                        used = true;
                    }
                }
                if (!used) {
                    problem = "suppresses " + suppression.rule() + ((suppression.table().isEmpty()) ? ""
                            : " on " + suppression.table()) + ", which the revision does not break";
                }
            }
            if (problem != null) {
                result.add(new Finding(revision.id(), Rule.UNUSED_SUPPRESSION, null, null, "@SuppressFinding(rule = \""
                        + suppression.rule() + "\") on revision '" + revision.id() + "' " + problem + ".", "", null));
            }
        }
        return result;
    }

    /** The application's server's {@code server_version_num}, or {@code 0} when it cannot be read. */
    private int serverVersion() {
        try (Connection connection = this.runner.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('server_version_num')::int")) {
            return row.next() ? row.getInt(1) : 0;
        }
        catch (SQLException | RuntimeException ex) {
            return 0;
        }
    }

}
