package dev.belay.autoconfigure;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.belay.runner.MigrationResult;
import dev.belay.runner.MigrationStatus;
import dev.belay.runner.RevisionState;
import dev.belay.runner.RevisionStatus;
import dev.belay.runner.RevisionRun;
import dev.belay.tenant.BelayTenants;
import dev.belay.tenant.Tenant;
import dev.belay.tenant.TenantOutcome;
import dev.belay.tenant.TenantOutcome.State;
import dev.belay.tenant.TenantStatus;
import dev.belay.tenant.TenantStatus.Standing;
import dev.belay.tenant.TenantsResult;
import dev.belay.tenant.TenantsStatus;

import org.springframework.boot.json.JsonWriter;

/**
 * What the {@code belay} commands print about many tenants: as text for a person, or with
 * {@code --format json} as one JSON document for a pipeline (a Kubernetes Job's log, a CI step).
 */
final class TenantReports {

    /** How many tenants a text report names before it says "and N more". */
    private static final int NAMED = 20;

    private TenantReports() {
    }

    static void printStatus(TenantsStatus status, PrintWriter out) {
        MigrationStatus application = status.application();
        if (application != null) {
            List<RevisionStatus> pending = application.inState(RevisionState.PENDING);
            out.println("Application schema " + application.schema() + " (shared revisions): "
                    + (application.upToDate() ? "up to date"
                            : CommandReports.count(pending.size(), "shared revision") + " pending")
                    + (application.current().isEmpty() ? "" : ", at " + String.join(", ", application.current()))
                    + ".");
        }
        out.println(CommandReports.count(status.tenants().size(), "tenant") + ", heads: "
                + (status.heads().isEmpty() ? "(no revisions)" : String.join(", ", status.heads())));
        Map<Standing, Integer> counts = status.counts();
        out.println(counts.entrySet()
            .stream()
            .map((entry) -> entry.getValue() + " " + describe(entry.getKey()))
            .collect(Collectors.joining(", ")) + ((counts.isEmpty()) ? "No tenants." : "."));
        List<TenantStatus> notAtHead = status.notAtHead();
        if (notAtHead.isEmpty()) {
            if (!status.tenants().isEmpty()) {
                out.println("Every tenant is up to date.");
            }
            return;
        }
        out.println();
        TextTable table = new TextTable("TENANT", "SCHEMA", "STATE", "PENDING", "AT");
        notAtHead.stream()
            .limit(NAMED)
            .forEach((tenant) -> table.row(tenant.tenant(), String.valueOf(tenant.schema()), describe(tenant.standing()),
                    String.valueOf(tenant.pending()),
                    tenant.current().isEmpty() ? "(nothing applied)" : String.join(", ", tenant.current())));
        out.print(table);
        if (notAtHead.size() > NAMED) {
            out.println("  and " + (notAtHead.size() - NAMED) + " more not at head");
        }
        notAtHead.stream()
            .filter((tenant) -> tenant.error() != null)
            .limit(NAMED)
            .forEach((tenant) -> out.println(tenant.tenant() + ": " + tenant.error()));
        out.println();
        out.println("`belay status --tenant NAME` shows one tenant's revisions; `belay apply --all-tenants` brings "
                + "every tenant to the target.");
    }

    static void printResult(TenantsResult result, String done, PrintWriter out) {
        MigrationResult application = result.application();
        if (application != null && !application.revisions().isEmpty()) {
            out.println("Applied " + CommandReports.count(application.revisions().size(), "shared revision")
                    + " to the application's schema " + application.schema() + " first: "
                    + String.join(", ", application.ids()) + ".");
        }
        out.println(CommandReports.count(result.outcomes().size(), "tenant") + " in " + result.totalMs() + " ms: "
                + result.inState(State.MIGRATED).size() + " " + done + ", " + result.inState(State.UP_TO_DATE).size()
                + " already up to date, " + result.inState(State.FAILED).size() + " failed, "
                + result.inState(State.NOT_STARTED).size() + " not started.");
        result.inState(State.MIGRATED).stream().limit(NAMED).forEach((outcome) -> out.println("  " + outcome.tenant()
                + ": " + outcome.result().revisions().stream().map(RevisionRun::id).collect(Collectors.joining(", "))
                + "  " + outcome.totalMs() + " ms"));
        if (result.inState(State.MIGRATED).size() > NAMED) {
            out.println("  and " + (result.inState(State.MIGRATED).size() - NAMED) + " more");
        }
        List<TenantOutcome> failed = result.inState(State.FAILED);
        if (!failed.isEmpty()) {
            out.println();
            out.println("Failed:");
            failed.forEach((outcome) -> out.println("  " + outcome.tenant() + ": " + outcome.error()));
        }
        List<TenantOutcome> notStarted = result.inState(State.NOT_STARTED);
        if (!notStarted.isEmpty()) {
            out.println();
            out.println("Not started, left as they were: " + notStarted.stream()
                .limit(NAMED)
                .map(TenantOutcome::tenant)
                .collect(Collectors.joining(", ")) + ((notStarted.size() > NAMED)
                        ? " and " + (notStarted.size() - NAMED) + " more" : ""));
        }
    }

    static String json(TenantsStatus status) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("heads", status.heads());
        document.put("allAtHead", status.allAtHead());
        Map<String, Object> counts = new LinkedHashMap<>();
        status.counts().forEach((standing, count) -> counts.put(name(standing), count));
        document.put("counts", counts);
        document.put("tenants", status.tenants().stream().map(TenantReports::tenant).toList());
        if (status.application() != null) {
            document.put("application", statusDocument(status.application()));
        }
        return JsonWriter.standard().writeToString(document);
    }

    static Map<String, Object> tenant(TenantStatus tenant) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", tenant.tenant());
        member.put("schema", tenant.schema());
        member.put("state", name(tenant.standing()));
        member.put("current", tenant.current());
        member.put("pending", tenant.pending());
        member.put("error", tenant.error());
        return member;
    }

    static String json(TenantsResult result) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("passed", result.passed());
        document.put("totalMs", result.totalMs());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (State state : State.values()) {
            counts.put(name(state), result.inState(state).size());
        }
        document.put("counts", counts);
        document.put("tenants", result.outcomes().stream().map(TenantReports::outcome).toList());
        if (result.application() != null) {
            document.put("application", applied(result.application()));
        }
        return JsonWriter.standard().writeToString(document);
    }

    static String json(MigrationStatus status) {
        return JsonWriter.standard().writeToString(statusDocument(status));
    }

    private static Map<String, Object> statusDocument(MigrationStatus status) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema", status.schema());
        document.put("historyTable", status.historyTable());
        document.put("heads", status.heads());
        document.put("current", status.current());
        document.put("upToDate", status.upToDate());
        document.put("revisions", status.revisions().stream().map((revision) -> {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("id", revision.id());
            member.put("message", revision.message());
            member.put("state", name(revision.state()));
            member.put("appliedAt", (revision.appliedAt() != null) ? revision.appliedAt().toString() : null);
            return member;
        }).toList());
        return document;
    }

    /** After a tenant's name: why its last migration in this process failed, if it did. */
    static String failureNote(BelayTenants tenants, Tenant tenant) {
        return tenants.failure(tenant.name()).map((failure) -> " (its last migration failed: " + failure + ")")
            .orElse("");
    }

    static String json(MigrationResult result) {
        return JsonWriter.standard().writeToString(applied(result));
    }

    private static Map<String, Object> outcome(TenantOutcome outcome) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", outcome.tenant());
        member.put("schema", outcome.schema());
        member.put("state", name(outcome.state()));
        member.put("applied", (outcome.result() != null) ? outcome.result().ids() : List.of());
        member.put("totalMs", outcome.totalMs());
        member.put("error", outcome.error());
        return member;
    }

    private static Map<String, Object> applied(MigrationResult result) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema", result.schema());
        document.put("dryRun", result.dryRun());
        document.put("applied", result.revisions().stream().map((run) -> {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("id", run.id());
            member.put("message", run.message());
            member.put("executionMs", run.executionMs());
            return member;
        }).toList());
        document.put("totalMs", result.totalMs());
        return document;
    }

    private static String describe(Standing standing) {
        return switch (standing) {
            case AT_HEAD -> "at head";
            case BEHIND -> "behind";
            case FAILED -> "failed";
            case INCOMPLETE -> "incomplete";
            case UNKNOWN_REVISIONS -> "with revisions this code lacks";
            case UNREACHABLE -> "unreachable";
        };
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

}
