package dev.belay.workbench;

import java.util.HashMap;
import java.util.Map;

import dev.belay.schema.CheckConstraint;
import dev.belay.schema.Column;
import dev.belay.schema.ObjectId;
import dev.belay.schema.Schema;
import dev.belay.schema.Table;
import dev.belay.schema.WrittenExpressions;
import dev.belay.schema.WrittenExpressions.Written;

/**
 * The texts a baseline writes its checks, defaults and generation expressions in. PostgreSQL
 * renders an expression from its parsed form, and the rendering does not always parse back to
 * itself ({@code kind IN ('CAT', 'DOG')} renders as
 * {@code (ARRAY['CAT'::character varying, ...])::text[]}, which a new database stores as
 * {@code ARRAY[('CAT'::character varying)::text, ...]}), so a baseline written from renderings
 * alone would build a database that differs in spelling from the one taken over. Where the
 * mapping has an expression on the same table (and column) that PostgreSQL renders exactly as
 * the database does, its text, as the mapping wrote it, builds the same rendering again.
 */
final class BorrowedExpressions {

    private BorrowedExpressions() {
    }

    /**
     * @param adopted the schema a baseline builds
     * @param desired the mapping's schema, as PostgreSQL renders it
     * @param written the mapping's expressions as written
     */
    static WrittenExpressions from(Schema adopted, Schema desired, WrittenExpressions written) {
        Map<ObjectId, Written> checks = new HashMap<>();
        Map<ObjectId, Written> defaults = new HashMap<>();
        Map<ObjectId, Written> generated = new HashMap<>();
        for (Table table : adopted.tables().values()) {
            Table wanted = desired.tables().get(table.name());
            if (wanted == null) {
                continue;
            }
            for (CheckConstraint check : table.checkConstraints().values()) {
                wanted.checkConstraints()
                    .values()
                    .stream()
                    .filter((candidate) -> candidate.expression().equals(check.expression()))
                    .map(written::check)
                    .filter((text) -> text != null)
                    .findFirst()
                    .ifPresent((text) -> checks.put(check.id(), new Written(check.expression(), text)));
            }
            for (Column column : table.columns().values()) {
                Column mapped = wanted.column(column.name());
                if (mapped == null) {
                    continue;
                }
                String rendered = column.defaultExpression();
                if (rendered != null && rendered.equals(mapped.defaultExpression())) {
                    String text = written.defaultOf(table.name(), column.name(), rendered);
                    if (text != null) {
                        defaults.put(column.id(), new Written(rendered, text));
                    }
                }
                if (column.generated() != null && mapped.generated() != null
                        && column.generated().expression().equals(mapped.generated().expression())) {
                    String text = written.generatedOf(table.name(), column.name(), column.generated().expression());
                    if (text != null) {
                        generated.put(column.id(), new Written(column.generated().expression(), text));
                    }
                }
            }
        }
        return new WrittenExpressions(checks, defaults, generated);
    }

}
