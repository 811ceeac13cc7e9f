package dev.belay.schema.jpa;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.belay.schema.SqlTokens;

import org.jspecify.annotations.Nullable;

/**
 * The {@code CREATE TABLE} statements of one script, read for their expressions once, when they
 * are first needed (a start that only checks for drift never needs them). A table that another
 * statement of the script alters in a way that may add a check or change a default or
 * generation expression ({@code ALTER TABLE} with {@code CHECK}, {@code DEFAULT} or
 * {@code EXPRESSION}) is left out: its catalog is then not what its {@code CREATE TABLE} says.
 */
final class CreateTables {

    private static final Set<String> CHANGING_EXPRESSIONS = Set.of("check", "default", "expression", "generated");

    private volatile @Nullable Map<String, CreateTableText> tables;

    /** The statements' {@code CREATE TABLE}s by table name. */
    Map<String, CreateTableText> of(List<String> statements) {
        Map<String, CreateTableText> read = this.tables;
        if (read == null) {
            read = read(statements);
            this.tables = read;
        }
        return read;
    }

    private static Map<String, CreateTableText> read(List<String> statements) {
        Map<String, CreateTableText> tables = new HashMap<>();
        Set<String> altered = new HashSet<>();
        for (String statement : statements) {
            CreateTableText table = CreateTableText.parse(statement);
            if (table != null) {
                if (tables.put(table.table(), table) != null) {
                    altered.add(table.table());
                }
                continue;
            }
            String alteredTable = alteredExpressions(statement);
            if (alteredTable != null && alteredTable.isEmpty()) {
                return Map.of();
            }
            if (alteredTable != null) {
                altered.add(alteredTable);
            }
        }
        altered.forEach(tables::remove);
        return Map.copyOf(tables);
    }

    /** Whether the word at {@code index} is the {@code DEFAULT} of {@code ON DELETE SET DEFAULT} or the like. */
    private static boolean isReferentialAction(SqlTokens tokens, int index) {
        return index >= 3 && tokens.isWord(index, "default") && tokens.isWord(index - 1, "set")
                && (tokens.isWord(index - 2, "delete") || tokens.isWord(index - 2, "update"))
                && tokens.isWord(index - 3, "on");
    }

    /**
     * The table an {@code ALTER TABLE} statement names when it may change a check, default or
     * generation expression; an empty name when it may but the table cannot be told.
     */
    private static @Nullable String alteredExpressions(String statement) {
        SqlTokens tokens;
        try {
            tokens = SqlTokens.of(statement);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
        if (!tokens.isWord(0, "alter") || !tokens.isWord(1, "table")) {
            return null;
        }
        boolean changes = false;
        for (int i = 2; i < tokens.size() && !changes; i++) {
            changes = tokens.get(i).kind() == SqlTokens.Kind.WORD
                    && CHANGING_EXPRESSIONS.contains(tokens.text(i).toLowerCase(Locale.ROOT))
                    && !isReferentialAction(tokens, i);
        }
        if (!changes) {
            return null;
        }
        int name = 2;
        while (tokens.isWord(name, "if") || tokens.isWord(name, "exists") || tokens.isWord(name, "only")) {
            name++;
        }
        String table = CreateTableText.name(tokens, name);
        return (table != null) ? table : "";
    }

}
