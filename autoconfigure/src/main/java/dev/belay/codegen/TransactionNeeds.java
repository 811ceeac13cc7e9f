package dev.belay.codegen;

import java.util.List;
import java.util.Optional;

import dev.belay.actions.SqlStatement;
import dev.belay.actions.TransactionMode;
import dev.belay.diff.Change;
import dev.belay.schema.Identifiers;

/**
 * Whether a revision can run in one transaction, and if not, why, in words for its Javadoc. A
 * revision cannot when one of its statements cannot run inside a transaction at all
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
