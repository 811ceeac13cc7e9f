package dev.belay.workbench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.belay.diff.Change;
import dev.belay.diff.MigrationPlan;
import dev.belay.schema.Column;
import dev.belay.schema.Table;

/** Finds the drops and adds of a plan that look like renames (see {@link RenameCandidate}). */
final class RenameCandidates {

    private RenameCandidates() {
    }

    /**
     * Each dropped column paired with each column of the same type added to the same table, and
     * each dropped table with each created table of the same columns (names and types), in plan
     * order.
     */
    static List<RenameCandidate> in(MigrationPlan plan) {
        List<RenameCandidate> candidates = new ArrayList<>();
        Map<String, List<Column>> added = new LinkedHashMap<>();
        List<Change.CreateTable> created = new ArrayList<>();
        for (Change change : plan.changes()) {
            if (change instanceof Change.AddColumn add) {
                added.computeIfAbsent(add.table(), (table) -> new ArrayList<>()).add(add.column());
            }
            else if (change instanceof Change.CreateTable create) {
                created.add(create);
            }
        }
        for (Change change : plan.changes()) {
            if (change instanceof Change.DropColumn drop) {
                Table table = plan.current().tables().get(drop.table());
                Column dropped = (table != null) ? table.column(drop.column()) : null;
                if (dropped == null || !plan.desired().tables().containsKey(drop.table())) {
                    continue;
                }
                for (Column column : added.getOrDefault(drop.table(), List.of())) {
                    if (column.type().equals(dropped.type())) {
                        candidates.add(new RenameCandidate(drop.table(), drop.column(), column.name(), dropped.type()));
                    }
                }
            }
            else if (change instanceof Change.DropTable drop) {
                Table dropped = plan.current().tables().get(drop.name());
                if (dropped == null) {
                    continue;
                }
                for (Change.CreateTable create : created) {
                    if (shape(dropped.columns().values()).equals(shape(create.columns()))) {
                        candidates.add(new RenameCandidate(drop.name(), null, create.name(), null));
                    }
                }
            }
        }
        return candidates;
    }

    /**
     * Asks about each candidate whose names are not yet taken by a confirmed rename, and returns
     * the confirmed ones.
     */
    static List<RenameCandidate> confirm(List<RenameCandidate> candidates, RenameQuestions questions) {
        List<RenameCandidate> confirmed = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (RenameCandidate candidate : candidates) {
            boolean column = candidate.column() != null;
            String from = column ? "dropped column " + candidate.table() + "\u0000" + candidate.column()
                    : "dropped table " + candidate.table();
            String to = column ? "added column " + candidate.table() + "\u0000" + candidate.to()
                    : "created table " + candidate.to();
            if (taken.contains(from) || taken.contains(to)) {
                continue;
            }
            if (questions.isRename(candidate)) {
                confirmed.add(candidate);
                taken.add(from);
                taken.add(to);
            }
        }
        return confirmed;
    }

    private static Set<String> shape(java.util.Collection<Column> columns) {
        Set<String> shape = new HashSet<>();
        for (Column column : columns) {
            shape.add(column.name() + "\u0000" + column.type());
        }
        return shape;
    }

}
