package dev.belay.workbench;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.belay.diff.Change;
import dev.belay.diff.MigrationPlan;
import dev.belay.schema.ObjectId;
import dev.belay.schema.ObjectKind;

/**
 * A revision's message when none is given, from what its plan does, e.g.
 * {@code create ride, rider; add ride.distance}: the first few things in plan order.
 */
final class PlanSummary {

    private static final int MAX_PHRASES = 3;

    private PlanSummary() {
    }

    static String of(MigrationPlan plan) {
        Set<String> createdOrDropped = new java.util.HashSet<>();
        for (Change change : plan.changes()) {
            if (change instanceof Change.CreateTable create) {
                createdOrDropped.add(create.name());
            }
            else if (change instanceof Change.DropTable drop) {
                createdOrDropped.add(drop.name());
            }
        }
        Set<String> phrases = new LinkedHashSet<>();
        for (Change change : plan.changes()) {
            ObjectId object = change.object();
            boolean partOfWholeTable = object.kind().belongsToTable() && createdOrDropped.contains(object.table());
            if (!partOfWholeTable) {
                phrases.add(phrase(change));
            }
        }
        StringBuilder summary = new StringBuilder();
        int written = 0;
        for (String phrase : phrases) {
            if (written == MAX_PHRASES) {
                summary.append(" and more");
                break;
            }
            summary.append((written == 0) ? "" : ", ").append(phrase);
            written++;
        }
        return summary.toString();
    }

    private static String phrase(Change change) {
        if (change instanceof Change.CreateTable create) {
            return "create " + create.name();
        }
        if (change instanceof Change.DropTable drop) {
            return "drop " + drop.name();
        }
        if (change instanceof Change.RenameTable rename) {
            return "rename " + rename.from() + " to " + rename.to();
        }
        if (change instanceof Change.AddColumn add) {
            return "add " + add.table() + "." + add.column().name();
        }
        if (change instanceof Change.DropColumn drop) {
            return "drop " + drop.table() + "." + drop.column();
        }
        if (change instanceof Change.RenameColumn rename) {
            return "rename " + rename.table() + "." + rename.from() + " to " + rename.to();
        }
        if (change instanceof Change.CreateEnumType create) {
            return "create type " + create.name();
        }
        if (change instanceof Change.CreateCast create) {
            return "create " + create.object();
        }
        if (change instanceof Change.DropCast drop) {
            return "drop " + drop.object();
        }
        if (change instanceof Change.AddEnumValue add) {
            return "add " + add.label() + " to " + add.type();
        }
        ObjectId object = change.object();
        String name = (object.kind().belongsToTable() && object.table() != null) ? object.table() : object.name();
        return ((object.kind() == ObjectKind.ENUM_TYPE) ? "change type " : "change ") + name;
    }

}
