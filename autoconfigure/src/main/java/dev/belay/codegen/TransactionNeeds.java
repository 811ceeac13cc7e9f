package dev.belay.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.diff.Change;
import dev.belay.schema.Identifiers;

/**
 * Why a revision runs without a transaction, in words for its Javadoc. A revision cannot run in
 * one when one of its statements cannot run inside a transaction at all
 * ({@code CREATE INDEX CONCURRENTLY}), when it adds an enum label and then uses it (PostgreSQL
 * refuses a label in the transaction that added it), or when it adds a constraint {@code NOT VALID}
 * and validates it later, which keeps locks short only if each step commits on its own.
 */
final class TransactionNeeds {

    private TransactionNeeds() {
    }

    /**
     * Why the changes cannot share one transaction, or empty when they can.
     * @param changes the changes of {@code up} or {@code down}, in order
     * @param statements each change's statements
     */
    static Optional<String> whyNot(List<Change> changes, List<List<SqlStatement>> statements) {
        for (List<SqlStatement> ofChange : statements) {
            for (SqlStatement statement : ofChange) {
                if (statement.mode() == TransactionMode.NO_TRANSACTION) {
                    return Optional.of("PostgreSQL cannot run " + firstWords(statement.sql())
                            + " inside a transaction");
                }
            }
        }
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            List<SqlStatement> later = statements.subList(i + 1, statements.size()).stream().flatMap(List::stream).toList();
            if (change instanceof Change.AddEnumValue added) {
                String label = Identifiers.literal(added.label());
                if (later.stream().anyMatch((statement) -> statement.sql().contains(label))) {
                    return Optional.of("it adds the label " + label + " to enum type "
                            + Identifiers.quote(added.type()) + " and then uses it, which PostgreSQL only allows once "
                            + "the transaction that added the label has committed");
                }
                continue;
            }
            List<SqlStatement> own = statements.get(i);
            boolean ownTransaction = own.stream()
                .anyMatch((statement) -> statement.mode() == TransactionMode.OWN_TRANSACTION);
            if (ownTransaction && (!later.isEmpty() || own.get(own.size() - 1).mode() != TransactionMode.OWN_TRANSACTION)) {
                return Optional.of("it adds constraints NOT VALID and validates them afterwards, which keeps locks "
                        + "short only when each step commits on its own");
            }
        }
        return Optional.empty();
    }

    /**
     * Why the steps of a non-transactional segment of a chain commit on their own, e.g.
     * {@code PostgreSQL cannot run CREATE INDEX CONCURRENTLY inside a transaction}.
     * @param changes the segment's changes
     * @param statements each change's statements
     */
    static String whyOnTheirOwn(List<Change> changes, List<List<SqlStatement>> statements) {
        List<String> reasons = new ArrayList<>();
        statements.stream()
            .flatMap(List::stream)
            .filter((statement) -> statement.mode() == TransactionMode.NO_TRANSACTION)
            .map((statement) -> firstWords(statement.sql()))
            .distinct()
            .forEach((words) -> reasons.add("PostgreSQL cannot run " + words + " inside a transaction"));
        if (changes.stream().anyMatch(TransactionNeeds::validates)) {
            reasons.add("VALIDATE CONSTRAINT scans the whole table while letting reads and writes go on only if its "
                    + "transaction holds no other lock on it");
        }
        if (reasons.isEmpty()) {
            reasons.add("its steps must commit on their own");
        }
        return (reasons.size() == 1) ? reasons.get(0)
                : String.join(", ", reasons.subList(0, reasons.size() - 1)) + ", and " + reasons.get(reasons.size() - 1);
    }

    /**
     * What the Javadoc of a non-transactional, idempotent revision of a chain says after
     * "Runs without a transaction ({@code transactional = false}) because": why its steps commit on
     * their own, why running them again is safe, and that Belay resumes the revision so.
     * @param up the changes of {@code up}
     * @param statements each of their statements
     * @param down the changes of {@code down}
     */
    static String onItsOwnAndIdempotent(List<Change> up, List<List<SqlStatement>> statements, List<Change> down) {
        List<Change> both = new ArrayList<>(up);
        both.addAll(down);
        boolean builds = both.stream().anyMatch(Change.CreateIndexConcurrently.class::isInstance);
        return JavaText.javadoc(whyOnTheirOwn(up, statements)) + ": each statement commits on its own. Every "
                + "statement is safe to run again ({@code idempotent = true}): " + whySafeToRepeat(both)
                + ". So if a run stops midway, Belay resumes the revision by running it again from the start"
                + (builds ? ", after dropping an index that an interrupted build left invalid." : ".");
    }

    /**
     * Why every step of a non-transactional segment of a chain is safe to run again, e.g.
     * {@code an index is built IF NOT EXISTS}, in Javadoc.
     */
    private static String whySafeToRepeat(List<Change> changes) {
        List<String> reasons = new ArrayList<>();
        if (changes.stream().anyMatch(Change.CreateIndexConcurrently.class::isInstance)) {
            reasons.add("an index is built {@code IF NOT EXISTS}");
        }
        if (changes.stream().anyMatch(Change.DropIndexConcurrently.class::isInstance)) {
            reasons.add("an index is dropped {@code IF EXISTS}");
        }
        if (changes.stream().anyMatch(TransactionNeeds::validates)) {
            reasons.add("validating a constraint that is valid already does nothing");
        }
        if (reasons.isEmpty()) {
            return "it has nothing to do";
        }
        return (reasons.size() == 1) ? reasons.get(0)
                : String.join(", ", reasons.subList(0, reasons.size() - 1)) + " and " + reasons.get(reasons.size() - 1);
    }

    private static boolean validates(Change change) {
        return change instanceof Change.ValidateConstraint || change instanceof Change.ValidateNotNull
                || change instanceof Change.ValidateNotNullCheck;
    }

    /** The statement's first words, up to {@code CONCURRENTLY}, e.g. {@code CREATE UNIQUE INDEX CONCURRENTLY}. */
    private static String firstWords(String sql) {
        String[] words = sql.strip().split("\\s+");
        StringBuilder start = new StringBuilder();
        for (int i = 0; i < words.length && i < 4; i++) {
            if (i > 0) {
                start.append(' ');
            }
            start.append(words[i]);
            if (words[i].equalsIgnoreCase("CONCURRENTLY")) {
                break;
            }
        }
        return start.toString();
    }

}
