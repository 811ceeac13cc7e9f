package dev.belay.tenant;

import java.util.List;
import java.util.stream.Collectors;

import dev.belay.runner.MigrationResult;
import dev.belay.tenant.TenantOutcome.State;

import org.jspecify.annotations.Nullable;

/**
 * What bringing every tenant to the target did: one outcome per tenant, in the tenants' order.
 *
 * @param outcomes each tenant's outcome
 * @param totalMs how long it all took
 * @param historyQueries how many queries read the tenants' histories to find those with pending
 * revisions (a few per database, however many tenants it holds)
 * @param application what applying the shared revisions to the application's own schema did,
 * first, or {@code null} when it has none
 */
public record TenantsResult(List<TenantOutcome> outcomes, long totalMs, int historyQueries,
        @Nullable MigrationResult application) {

    public TenantsResult {
        outcomes = List.copyOf(outcomes);
    }

    /** The result of tenants alone, without shared revisions. */
    public TenantsResult(List<TenantOutcome> outcomes, long totalMs, int historyQueries) {
        this(outcomes, totalMs, historyQueries, null);
    }

    /** The outcomes in the given state, in the tenants' order. */
    public List<TenantOutcome> inState(State state) {
        return this.outcomes.stream().filter((outcome) -> outcome.state() == state).toList();
    }

    /** Whether no tenant failed and none was left unstarted. */
    public boolean passed() {
        return this.outcomes.stream()
            .allMatch((outcome) -> outcome.state() == State.UP_TO_DATE || outcome.state() == State.MIGRATED);
    }

    /**
     * One paragraph for a log or an error: how many tenants are in each state, naming those that
     * failed (with why) and those not started.
     */
    public String summary() {
        StringBuilder summary = new StringBuilder();
        summary.append(count(this.outcomes.size())).append(": ")
            .append(inState(State.MIGRATED).size()).append(" migrated, ")
            .append(inState(State.UP_TO_DATE).size()).append(" already up to date, ")
            .append(inState(State.FAILED).size()).append(" failed, ")
            .append(inState(State.NOT_STARTED).size()).append(" not started");
        List<TenantOutcome> failed = inState(State.FAILED);
        if (!failed.isEmpty()) {
            summary.append(".\nFailed:");
            failed.forEach((outcome) -> summary.append("\n  ").append(outcome.tenant()).append(": ")
                .append(outcome.error()));
        }
        List<TenantOutcome> notStarted = inState(State.NOT_STARTED);
        if (!notStarted.isEmpty()) {
            summary.append(failed.isEmpty() ? "." : "").append("\nNot started (left as they were): ")
                .append(names(notStarted, 20));
        }
        return (summary.charAt(summary.length() - 1) == '.') ? summary.toString() : summary.append('.').toString();
    }

    static String names(List<TenantOutcome> outcomes, int most) {
        String names = outcomes.stream()
            .limit(most)
            .map(TenantOutcome::tenant)
            .collect(Collectors.joining(", "));
        return (outcomes.size() > most) ? names + " and " + (outcomes.size() - most) + " more" : names;
    }

    static String count(int tenants) {
        return tenants + ((tenants == 1) ? " tenant" : " tenants");
    }

}
