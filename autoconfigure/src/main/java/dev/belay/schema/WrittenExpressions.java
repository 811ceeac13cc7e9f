package dev.belay.schema;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The expressions of a desired schema as its source wrote them: check conditions, column
 * defaults and generation expressions, each paired with the rendering PostgreSQL gave it.
 * <p>
 * PostgreSQL keeps an expression parsed and renders it back in words of its own, and it does
 * not always render its own rendering the same way again (a {@code varchar} column's
 * {@code status in ('OPEN','CLOSED')} reads back as an {@code = ANY (ARRAY[...])} whose own
 * rendering differs once more). Schemas compare by rendering; objects are best created from
 * the text they were written in, so that PostgreSQL renders exactly what it rendered for the
 * source, and so that generated code reads as the mapping does. A written text applies only to
 * an object whose rendering is still the one it was paired with.
 *
 * @param checks the check constraints' conditions by check constraint id
 * @param defaults the columns' defaults by column id
 * @param generated the generated columns' expressions by column id
 */
public record WrittenExpressions(Map<ObjectId, Written> checks, Map<ObjectId, Written> defaults,
        Map<ObjectId, Written> generated) {

    private static final WrittenExpressions NONE = new WrittenExpressions(Map.of(), Map.of(), Map.of());

    public WrittenExpressions {
        checks = Collections.unmodifiableMap(new TreeMap<>(checks));
        defaults = Collections.unmodifiableMap(new TreeMap<>(defaults));
        generated = Collections.unmodifiableMap(new TreeMap<>(generated));
    }

    /** No expression known as written: every object is created from its rendering. */
    public static WrittenExpressions none() {
        return NONE;
    }

    public boolean isEmpty() {
        return this.checks.isEmpty() && this.defaults.isEmpty() && this.generated.isEmpty();
    }

    /** The check's condition as written, or {@code null} when it is not known for this rendering. */
    public @Nullable String check(CheckConstraint check) {
        return written(this.checks.get(check.id()), check.expression());
    }

    /** The column's default as written, or {@code null} when it is not known for this rendering. */
    public @Nullable String defaultOf(String table, String column, @Nullable String rendered) {
        return written(this.defaults.get(ObjectId.column(table, column)), rendered);
    }

    /** The column's generation expression as written, or {@code null} when it is not known for this rendering. */
    public @Nullable String generatedOf(String table, String column, @Nullable String rendered) {
        return written(this.generated.get(ObjectId.column(table, column)), rendered);
    }

    /** The check with its condition as written, when that is known; otherwise the check itself. */
    public CheckConstraint apply(CheckConstraint check) {
        String written = check(check);
        return (written != null) ? new CheckConstraint(check.table(), check.name(), written, check.columns()) : check;
    }

    /** The column with its default and generation expression as written, where those are known. */
    public Column apply(Column column) {
        Column applied = column;
        String defaultExpression = defaultOf(column.table(), column.name(), column.defaultExpression());
        if (defaultExpression != null) {
            applied = applied.withDefault(defaultExpression);
        }
        String generation = (column.generated() != null)
                ? generatedOf(column.table(), column.name(), column.generated().expression()) : null;
        if (generation != null) {
            applied = applied.withGenerated(new GeneratedColumn(generation, column.generated().kind()));
        }
        return applied;
    }

    private static @Nullable String written(@Nullable Written written, @Nullable String rendered) {
        return (written != null && written.rendered().equals(rendered)) ? written.text() : null;
    }

    /**
     * One expression: as PostgreSQL rendered it and as it was written.
     *
     * @param rendered the rendering read from the catalog
     * @param text the text it was created from
     */
    public record Written(String rendered, String text) {

        public Written {
            Objects.requireNonNull(rendered, "rendered");
            Objects.requireNonNull(text, "text");
        }

    }

}
