package dev.belay.workbench;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A step of a change that {@code belay generate --expand-contract} left for a later release,
 * because the release before still uses what it would take away: the <em>contract</em> half of
 * an expand/contract change. It is recorded in the mapping snapshot of the revision written
 * (and carried by the snapshots after it), so that {@code check}, {@code diff} and
 * {@code generate} keep the object until {@code belay generate --contract} writes the revision
 * that finishes it.
 *
 * @param kind what is left to do
 * @param table the table (for a sequence, the sequence)
 * @param column the column, for a column's step
 */
public record Deferral(Kind kind, String table, @Nullable String column) {

    private static final Pattern TEXT = Pattern.compile(
            "^(drop table|drop sequence|drop column|not null) (\\S+?)(?:\\.(\\S+))?$");

    public Deferral {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        if ((column == null) != (kind == Kind.DROP_TABLE || kind == Kind.DROP_SEQUENCE)) {
            throw new IllegalArgumentException(kind + " " + table + "." + column);
        }
    }

    /** What is left for the later release. */
    public enum Kind {

        /** A table the previous release maps, kept until then. */
        DROP_TABLE("drop table"),

        /** A sequence the previous release uses, kept until then. */
        DROP_SEQUENCE("drop sequence"),

        /** A column the previous release maps, kept (nullable) until then. */
        DROP_COLUMN("drop column"),

        /** A column the previous release does not write, nullable until then. */
        NOT_NULL("not null");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

    }

    /** As written in a mapping snapshot, e.g. {@code drop column ride.note}. */
    public String text() {
        return this.kind.words + " " + this.table + ((this.column != null) ? "." + this.column : "");
    }

    /** Reads {@link #text()}. */
    static Optional<Deferral> parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.words.equals(matcher.group(1).toLowerCase(Locale.ROOT))) {
                try {
                    return Optional.of(new Deferral(kind, matcher.group(2), matcher.group(3)));
                }
                catch (IllegalArgumentException ex) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text();
    }

}
