package dev.belay.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import dev.belay.schema.Identifiers;
import dev.belay.schema.PrimaryKey;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;

/**
 * Primary keys that have the mapping's columns in another order. Such a key accepts and refuses
 * the same rows; rebuilding it only to reorder its index takes an {@code ACCESS EXCLUSIVE} lock
 * while the index is built again, and drops and revalidates the foreign keys that reference it.
 * The order is seldom the mapping author's choice either: Hibernate decides it for join tables
 * and composite ids, while a database built by Liquibase or Flyway has whatever order its
 * changelog wrote. So the plan keeps the current order and says so in a {@link PlanNote}, unless
 * {@link DiffOptions#reorderKeys()} asks for the mapping's order.
 * <p>
 * Unique constraints are not treated so: the mapping writes their column order itself
 * ({@code @UniqueConstraint(columnNames = ...)}), and that order decides which queries the
 * constraint's index serves, so a different order is a difference the plan makes good.
 */
final class KeyOrder {

    private KeyOrder() {
    }

    /**
     * The desired schema with each primary key that only orders the current key's columns
     * differently given the current order (keeping its desired name), and a note for each.
     */
    static Kept keep(Schema current, Schema desired) {
        Schema kept = desired;
        List<PlanNote> notes = new ArrayList<>();
        for (Table wanted : desired.tables().values()) {
            Table table = current.tables().get(wanted.name());
            PrimaryKey have = (table != null) ? table.primaryKey() : null;
            PrimaryKey want = wanted.primaryKey();
            if (have == null || want == null || !reordered(have, want)) {
                continue;
            }
            PrimaryKey keptKey = new PrimaryKey(want.table(), want.name(), have.columns(), want.deferrability());
            kept = kept.withTable(wanted.withPrimaryKey(keptKey));
            notes.add(new PlanNote(PlanNote.Kind.KEY_ORDER_KEPT, want.id(),
                    "keeps its column order " + columns(have.columns()) + "; the mapping has " + columns(want.columns())
                            + ". The key accepts the same rows either way: rebuilding it would rebuild its index "
                            + "under an ACCESS EXCLUSIVE lock (belay generate --reorder-keys does)"));
        }
        return new Kept(kept, notes);
    }

    /** Whether the keys have the same columns in another order, and nothing else differs but the name. */
    private static boolean reordered(PrimaryKey have, PrimaryKey want) {
        return !have.columns().equals(want.columns()) && have.columns().size() == want.columns().size()
                && new HashSet<>(have.columns()).equals(new HashSet<>(want.columns()))
                && have.deferrability() == want.deferrability();
    }

    private static String columns(List<String> columns) {
        return "(" + String.join(", ", columns.stream().map(Identifiers::quote).toList()) + ")";
    }

    /**
     * The desired schema as the plan builds it, and what it kept.
     *
     * @param desired the desired schema with the kept orders
     * @param notes a note for each key kept
     */
    record Kept(Schema desired, List<PlanNote> notes) {

    }

}
