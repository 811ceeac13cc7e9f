package dev.belay.autoconfigure;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.belay.autoconfigure.BelayProperties.Drift;
import dev.belay.runner.RevisionStatus;
import dev.belay.workbench.Comparison;
import dev.belay.workbench.SchemaWorkbench;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;

/**
 * Compares the database with the JPA mapping once the application's singletons, the
 * {@code EntityManagerFactory} among them, exist (and so after the migration at startup):
 * {@code belay.drift=warn} logs the differences as one warning, {@code fail} stops the start with
 * them, {@code off} does nothing. It runs once per application context, and not at all when the
 * application was started to run a {@code belay} command, which looks at the schema itself (and
 * {@code belay generate} must work precisely when the schema differs).
 */
final class BelayDriftCheck implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog(BelayDriftCheck.class);

    private final SchemaWorkbench workbench;

    private final Drift mode;

    private final ObjectProvider<ApplicationArguments> arguments;

    private final AtomicBoolean done = new AtomicBoolean();

    BelayDriftCheck(SchemaWorkbench workbench, Drift mode, ObjectProvider<ApplicationArguments> arguments) {
        this.workbench = workbench;
        this.mode = mode;
        this.arguments = arguments;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (this.mode == Drift.OFF || BelayCommandLine.runsBelayCommand(this.arguments)
                || !this.done.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        Comparison drift;
        try {
            drift = this.workbench.drift();
        }
        catch (RuntimeException ex) {
            if (this.mode == Drift.FAIL) {
                throw ex;
            }
            // A warning must not stop the application, even when the comparison itself fails.
            logger.warn("Belay could not compare the database schema with the JPA mapping (belay.drift=warn): "
                    + ex.getMessage() + " Set belay.drift=off to skip the comparison.", ex);
            return;
        }
        if (logger.isDebugEnabled()) {
            logger.debug("Compared schema " + drift.status().schema() + " with the JPA mapping in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        if (drift.matches()) {
            return;
        }
        String report = report(drift, this.mode);
        if (this.mode == Drift.FAIL) {
            throw new SchemaDriftException(report);
        }
        logger.warn(report);
    }

    /** The differences as one block: what is pending, the SQL that would close the gap, what to do. */
    static String report(Comparison drift, Drift mode) {
        StringBuilder report = new StringBuilder("The database schema ").append(drift.status().schema())
            .append(" differs from the JPA mapping (belay.drift=")
            .append(mode.name().toLowerCase(java.util.Locale.ROOT))
            .append("). ");
        List<RevisionStatus> pending = drift.pending();
        if (!pending.isEmpty()) {
            report.append(pending.size())
                .append((pending.size() == 1) ? " revision is" : " revisions are")
                .append(" not applied (")
                .append(String.join(", ", pending.stream().map(RevisionStatus::id).toList()))
                .append("), which may account for some of it. ");
        }
        report.append("What would bring the database to the mapping:\n\n");
        for (String line : drift.plan().toString().split("\n")) {
            report.append(line.isEmpty() ? "" : "    ").append(line).append('\n');
        }
        if (pending.isEmpty()) {
            report.append("\nWrite these changes as a revision with `belay generate`, then build and start the "
                    + "application (or run `belay apply`); or set belay.drift=off to stop comparing.");
        }
        else {
            report.append("\nApply the pending revisions (`belay apply`) and compare again; write what is left as a "
                    + "revision with `belay generate`. Or set belay.drift=off to stop comparing.");
        }
        return report.toString();
    }

}
