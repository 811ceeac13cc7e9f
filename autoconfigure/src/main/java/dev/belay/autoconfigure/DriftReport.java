package dev.belay.autoconfigure;

import java.util.List;
import java.util.Locale;

import dev.belay.actions.SchemaSnapshot.ObjectDifference;
import dev.belay.autoconfigure.BelayProperties.Drift;
import dev.belay.workbench.DatabaseDrift;
import dev.belay.workbench.MappingDrift;
import dev.belay.workbench.MappingSnapshot;

/**
 * The two kinds of drift in words, each with its own fix, for the log, a failed start and
 * {@code belay check}: a database changed by hand needs the change undone or carried by a revision
 * written by hand (never {@code belay generate} against that database, whose revision would leave
 * fresh databases without it), and a mapping changed without a revision needs
 * {@code belay generate}.
 */
final class DriftReport {

    /** How many differing objects or statements to list before saying how many more there are. */
    private static final int LISTED = 20;

    private DriftReport() {
    }

    /** The database part: what differs and what to do, or an empty string when nothing differs. */
    static String database(String schema, DatabaseDrift drift, String setting) {
        if (!drift.differs()) {
            return "";
        }
        StringBuilder text = new StringBuilder("The database differs from what its revisions built").append(setting)
            .append(": schema ")
            .append(schema)
            .append(" is not as the last migration ('")
            .append(drift.revision())
            .append("') left it.\n\n");
        List<ObjectDifference> differences = drift.differences();
        differences.stream().limit(LISTED).forEach((difference) -> text.append("    ").append(difference.describe())
            .append('\n'));
        if (differences.size() > LISTED) {
            text.append("    ... and ").append(differences.size() - LISTED).append(" more\n");
        }
        text.append("\nIt was changed by other means than Belay's revisions (by hand, or by another tool). Undo that "
                + "change; or, to keep it, write a revision by hand that makes it (so that fresh databases get it "
                + "too), then record that revision here without running it: `belay stamp`. Do not run `belay "
                + "generate` for it: generate compares with this database, so its revision would leave the change "
                + "out, and fresh databases would not have it.");
        return text.toString();
    }

    /** The mapping part: what changed and what to do, or an empty string when nothing differs. */
    static String mapping(MappingDrift drift, String setting) {
        if (!drift.differs()) {
            return "";
        }
        MappingSnapshot.Changes changes = drift.changes();
        StringBuilder text = new StringBuilder("The JPA mapping differs from what the revisions build").append(setting)
            .append(": it is not the mapping revision '")
            .append(drift.revision())
            .append("' was written for. Changed: ")
            .append(String.join(", ", drift.subjects()))
            .append(".\n\n");
        if (changes != null) {
            changes.added().stream().limit(LISTED).forEach((statement) -> text.append("    + ").append(statement)
                .append('\n'));
            changes.removed().stream().limit(LISTED).forEach((statement) -> text.append("    - ").append(statement)
                .append('\n'));
        }
        text.append("\nWrite a revision for the change with `belay generate`, then build and start the application (or "
                + "run `belay apply`). If a revision written by hand already carries it, `belay generate` finds nothing "
                + "to do and records the mapping.");
        return text.toString();
    }

    /** Both parts, separated by a blank line, with the drift setting in each. */
    static String both(String schema, DatabaseDrift database, MappingDrift mapping, Drift mode) {
        String setting = " (belay.drift=" + mode.name().toLowerCase(Locale.ROOT) + ")";
        String databasePart = database(schema, database, setting);
        String mappingPart = mapping(mapping, setting);
        return (databasePart.isEmpty() || mappingPart.isEmpty()) ? databasePart + mappingPart
                : databasePart + "\n\n" + mappingPart;
    }

}
