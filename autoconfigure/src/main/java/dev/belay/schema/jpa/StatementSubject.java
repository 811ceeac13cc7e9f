package dev.belay.schema.jpa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.belay.schema.Identifiers;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;
import org.jspecify.annotations.Nullable;

/**
 * What a DDL statement is about, for error messages: the table (and the entities or collections
 * mapped to it), sequence or type the statement creates or alters. Only the heads of the
 * statements Hibernate writes for {@code create} are recognised; anything else is described by
 * the statement alone.
 */
final class StatementSubject {

    private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[^\\s(;]+)";

    private static final Pattern TABLE = Pattern.compile("(?is)^\\s*(?:create\\s+(?:unlogged\\s+)?table"
            + "(?:\\s+if\\s+not\\s+exists)?|alter\\s+table(?:\\s+if\\s+exists)?(?:\\s+only)?|comment\\s+on\\s+table"
            + "|create\\s+(?:unique\\s+)?index\\s+.*?\\s+on(?:\\s+only)?)\\s+" + NAME);

    private static final Pattern COLUMN_COMMENT = Pattern.compile("(?is)^\\s*comment\\s+on\\s+column\\s+" + NAME
            + "\\.");

    private static final Pattern OTHER = Pattern.compile("(?is)^\\s*create\\s+(sequence|type)(?:\\s+if\\s+not\\s+exists)?\\s+"
            + NAME);

    private final Map<String, List<String>> mappedTo = new LinkedHashMap<>();

    StatementSubject(Metadata metadata) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            String name = "entity " + entity.getJpaEntityName()
                    + (entity.getJpaEntityName().equals(entity.getClassName()) ? "" : " (" + entity.getClassName() + ")");
            map(entity.getTable(), name);
            for (Join join : entity.getJoins()) {
                map(join.getTable(), name);
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            map(collection.getCollectionTable(), "collection " + collection.getRole());
        }
    }

    private void map(@Nullable Table table, String what) {
        if (table != null) {
            List<String> names = this.mappedTo.computeIfAbsent(postgresName(table.getNameIdentifier()),
                    (key) -> new ArrayList<>());
            if (!names.contains(what)) {
                names.add(what);
            }
        }
    }

    /** E.g. {@code table book of entity Book (com.example.Book)}, or {@code null} when not recognised. */
    @Nullable String describe(String statement) {
        Matcher table = TABLE.matcher(statement);
        Matcher column = COLUMN_COMMENT.matcher(statement);
        String tableName = table.find() ? folded(table.group(1)) : column.find() ? folded(column.group(1)) : null;
        if (tableName != null) {
            List<String> mapped = this.mappedTo.get(tableName);
            return "table " + Identifiers.quote(tableName)
                    + ((mapped != null) ? " of " + String.join(", ", mapped) : "");
        }
        Matcher other = OTHER.matcher(statement);
        if (other.find()) {
            return other.group(1).toLowerCase(Locale.ROOT) + " " + Identifiers.quote(folded(other.group(2)));
        }
        return null;
    }

    /** A name as PostgreSQL stores it: quoted names as written, bare ones in lower case. */
    private static String folded(String name) {
        if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    static String postgresName(Identifier identifier) {
        return identifier.isQuoted() ? identifier.getText() : identifier.getText().toLowerCase(Locale.ROOT);
    }

}
