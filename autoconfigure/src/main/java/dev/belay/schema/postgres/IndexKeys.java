package dev.belay.schema.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the key list out of a {@code pg_get_indexdef} definition. PostgreSQL renders each key with
 * its collation, operator class and sort order only in the full definition, so Belay takes the keys
 * from there rather than rebuilding those clauses from the catalog; INCLUDE columns, predicate and
 * the rest come from the catalog directly.
 */
final class IndexKeys {

    private IndexKeys() {
    }

    /**
     * The keys of {@code definition}, which must start with {@code prefix} (everything up to and
     * including the parenthesis that opens the key list), e.g. {@code lower("Name") DESC NULLS LAST}
     * and {@code x} out of {@code ... USING btree (lower("Name") DESC NULLS LAST, x) WHERE ...}.
     */
    static List<String> parse(String definition, String prefix) {
        if (!definition.startsWith(prefix)) {
            throw new IllegalStateException(
                    "Unexpected index definition from PostgreSQL: expected it to start with '" + prefix + "' but got '"
                            + definition + "'");
        }
        List<String> keys = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        boolean inName = false;
        for (int i = prefix.length(); i < definition.length(); i++) {
            char c = definition.charAt(i);
            if (inString) {
                inString = c != '\'';
            }
            else if (inName) {
                inName = c != '"';
            }
            else if (c == '\'') {
                inString = true;
            }
            else if (c == '"') {
                inName = true;
            }
            else if (c == '(') {
                depth++;
            }
            else if (c == ')') {
                if (depth == 0) {
                    keys.add(key.toString().strip());
                    return List.copyOf(keys);
                }
                depth--;
            }
            else if (c == ',' && depth == 0) {
                keys.add(key.toString().strip());
                key.setLength(0);
                continue;
            }
            key.append(c);
        }
        throw new IllegalStateException("Unbalanced key list in index definition from PostgreSQL: " + definition);
    }

}
