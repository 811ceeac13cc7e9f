package dev.belay.diff;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import dev.belay.schema.Identifiers;

import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL does when a column's type changes: whether it needs a {@code USING}
 * conversion (there is no assignment cast), whether it rewrites the table, and whether values
 * may fail to convert or lose precision. Built from {@code pg_cast} of PostgreSQL 15 to 18 and
 * the binary-compatible cases of {@code ALTER COLUMN ... TYPE} (measured by watching
 * {@code relfilenode}, see the tests); unknown types get the cautious answer.
 */
final class TypeChange {

    /** Built-in casts PostgreSQL applies in assignment context (implicit ones included). */
    private static final Map<String, Set<String>> ASSIGNMENT_CASTS = Map.ofEntries(
            Map.entry("smallint", Set.of("integer", "bigint", "numeric", "real", "double precision")),
            Map.entry("integer", Set.of("smallint", "bigint", "numeric", "real", "double precision", "money")),
            Map.entry("bigint", Set.of("smallint", "integer", "numeric", "real", "double precision", "money")),
            Map.entry("numeric", Set.of("smallint", "integer", "bigint", "real", "double precision", "money")),
            Map.entry("real", Set.of("smallint", "integer", "bigint", "numeric", "double precision")),
            Map.entry("double precision", Set.of("smallint", "integer", "bigint", "numeric", "real")),
            Map.entry("money", Set.of("numeric")), Map.entry("bit", Set.of("bit varying")),
            Map.entry("bit varying", Set.of("bit")), Map.entry("cidr", Set.of("inet")), Map.entry("inet", Set.of("cidr")),
            Map.entry("date", Set.of("timestamp without time zone", "timestamp with time zone")),
            Map.entry("timestamp without time zone",
                    Set.of("date", "time without time zone", "timestamp with time zone")),
            Map.entry("timestamp with time zone",
                    Set.of("date", "time without time zone", "time with time zone", "timestamp without time zone")),
            Map.entry("time without time zone", Set.of("interval", "time with time zone")),
            Map.entry("time with time zone", Set.of("time without time zone")),
            Map.entry("interval", Set.of("time without time zone")), Map.entry("json", Set.of("jsonb")),
            Map.entry("jsonb", Set.of("json")), Map.entry("macaddr", Set.of("macaddr8")),
            Map.entry("macaddr8", Set.of("macaddr")));

    /**
     * Built-in casts PostgreSQL 15 to 18 apply only when asked ({@code ::type}), apart from the
     * conversions from strings that every type has.
     */
    private static final Map<String, Set<String>> EXPLICIT_CASTS = Map.ofEntries(
            Map.entry("bigint", Set.of("bit")), Map.entry("integer", Set.of("bit", "boolean")),
            Map.entry("bit", Set.of("bigint", "integer")), Map.entry("boolean", Set.of("integer")),
            Map.entry("jsonb", Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision", "boolean")));

    /** Conversions that keep every value exactly (so cannot fail or lose anything). */
    private static final Map<String, Set<String>> WIDENING = Map.ofEntries(
            Map.entry("smallint", Set.of("integer", "bigint", "numeric", "real", "double precision")),
            Map.entry("integer", Set.of("bigint", "numeric", "double precision")),
            Map.entry("bigint", Set.of("numeric")), Map.entry("real", Set.of("double precision", "numeric")),
            Map.entry("cidr", Set.of("inet")), Map.entry("date", Set.of("timestamp without time zone", "timestamp with time zone")),
            Map.entry("timestamp without time zone", Set.of("timestamp with time zone")),
            Map.entry("time without time zone", Set.of("time with time zone", "interval")),
            Map.entry("macaddr", Set.of("macaddr8")), Map.entry("json", Set.of("jsonb")));

    /** Conversions that drop part of a value (a fraction, a time of day). */
    private static final Map<String, Set<String>> LOSSY = Map.ofEntries(
            Map.entry("numeric", Set.of("smallint", "integer", "bigint", "real", "double precision")),
            Map.entry("real", Set.of("smallint", "integer", "bigint")),
            Map.entry("double precision", Set.of("smallint", "integer", "bigint", "real")),
            Map.entry("timestamp without time zone", Set.of("date", "time without time zone")),
            Map.entry("timestamp with time zone", Set.of("date", "time without time zone", "time with time zone")),
            Map.entry("time with time zone", Set.of("time without time zone")),
            Map.entry("interval", Set.of("time without time zone")));

    private static final Set<String> PRECISION_TYPES = Set.of("timestamp without time zone",
            "timestamp with time zone", "time without time zone", "time with time zone", "interval");

    private final SqlType from;

    private final SqlType to;

    private final boolean fromUserType;

    private final boolean toUserType;

    /**
     * @param from the current type
     * @param to the desired type
     * @param fromUserType whether the current type is an enum (or other type) of the schema
     * @param toUserType whether the desired type is an enum (or other type) of the schema
     */
    TypeChange(String from, String to, boolean fromUserType, boolean toUserType) {
        this.from = SqlType.parse(from);
        this.to = SqlType.parse(to);
        this.fromUserType = fromUserType;
        this.toUserType = toUserType;
    }

    /**
     * The {@code USING} expression the change needs, or {@code null} when an assignment cast
     * exists: a cast when PostgreSQL has one, otherwise a conversion through text, which every
     * type has (an enum's only casts are to and from text). Between an array and a scalar there is
     * no cast but from a string: the value goes through its text form, which converts nulls and
     * array literals held in text, and fails on anything else (the change is marked so).
     */
    @Nullable String using(String column) {
        if (hasAssignmentCast(this.from, this.to)) {
            return null;
        }
        String quoted = Identifiers.quote(column);
        if (this.from.arrayDimensions() != this.to.arrayDimensions()) {
            boolean scalarString = this.from.isString() && !this.from.isArray();
            return quoted + (scalarString ? "" : "::text") + "::" + this.to.text();
        }
        if (this.from.isString() || hasExplicitCast()) {
            return quoted + "::" + this.to.text();
        }
        return quoted + "::text" + "[]".repeat(this.from.arrayDimensions()) + "::" + this.to.text();
    }

    private boolean hasExplicitCast() {
        return !this.fromUserType && !this.toUserType
                && EXPLICIT_CASTS.getOrDefault(this.from.base(), Set.of()).contains(this.to.base());
    }

    private boolean hasAssignmentCast(SqlType from, SqlType to) {
        if (from.arrayDimensions() != to.arrayDimensions()) {
            return !to.isArray() && to.isString();
        }
        if (from.base().equals(to.base())) {
            return true;
        }
        if (to.isString()) {
            return true;
        }
        if (this.fromUserType || this.toUserType) {
            return false;
        }
        return ASSIGNMENT_CASTS.getOrDefault(from.base(), Set.of()).contains(to.base());
    }

    /** Whether PostgreSQL rewrites the table (and rebuilds its indexes) for this change. */
    boolean rewrites() {
        if (this.from.arrayDimensions() != this.to.arrayDimensions()) {
            return true;
        }
        String fromBase = this.from.base();
        String toBase = this.to.base();
        if (fromBase.equals(toBase)) {
            return !modifiersWiden();
        }
        if ((fromBase.equals("character varying") && toBase.equals("text"))
                || (fromBase.equals("text") && toBase.equals("character varying") && this.to.modifiers().isEmpty())
                || (fromBase.equals("cidr") && toBase.equals("inet"))
                || (fromBase.equals("xml") && this.to.isString() && !toBase.equals("character")
                        && this.to.modifiers().isEmpty())) {
            return false;
        }
        return true;
    }

    /** Whether the rewrite is skipped when the session's time zone is UTC. */
    boolean rewritesUnlessUtc() {
        return this.from.base().equals("timestamp without time zone") && this.to.base().equals("timestamp with time zone")
                && this.from.arrayDimensions() == this.to.arrayDimensions();
    }

    /** Whether the same base type gets equal or looser limits (a longer varchar, more precision). */
    private boolean modifiersWiden() {
        if (this.to.modifiers().isEmpty()) {
            return true;
        }
        if (this.from.modifiers().isEmpty()) {
            return false;
        }
        String base = this.from.base();
        if (base.equals("character varying") || base.equals("bit varying") || PRECISION_TYPES.contains(base)) {
            return this.to.modifiers().get(0) >= this.from.modifiers().get(0);
        }
        if (base.equals("numeric")) {
            int fromScale = this.from.modifier(1).orElse(0);
            int toScale = this.to.modifier(1).orElse(0);
            return toScale == fromScale && this.to.modifiers().get(0) >= this.from.modifiers().get(0);
        }
        return this.from.modifiers().equals(this.to.modifiers());
    }

    /** Whether every value converts exactly, so the change can neither fail nor lose data. */
    boolean keepsEveryValue() {
        if (this.from.arrayDimensions() != this.to.arrayDimensions()) {
            return false;
        }
        String fromBase = this.from.base();
        String toBase = this.to.base();
        if (fromBase.equals(toBase)) {
            return modifiersWiden();
        }
        if (this.to.isString() && this.to.modifiers().isEmpty() && !toBase.equals("character")) {
            return true;
        }
        if (toBase.equals("numeric") && !this.to.modifiers().isEmpty()) {
            return false;
        }
        if (PRECISION_TYPES.contains(toBase) && !this.to.modifiers().isEmpty()
                && this.to.modifiers().get(0) < this.from.modifier(0).orElse(6)) {
            return false;
        }
        return WIDENING.getOrDefault(fromBase, Set.of()).contains(toBase);
    }

    /** Whether the conversion throws part of some values away rather than failing on them. */
    boolean losesPrecision() {
        if (this.from.arrayDimensions() != this.to.arrayDimensions()) {
            return false;
        }
        String fromBase = this.from.base();
        String toBase = this.to.base();
        if (LOSSY.getOrDefault(fromBase, Set.of()).contains(toBase)) {
            return true;
        }
        if (fromBase.equals(toBase) && fromBase.equals("numeric")) {
            OptionalInt fromScale = this.from.modifiers().isEmpty() ? OptionalInt.empty() : this.from.modifier(1);
            int toScale = this.to.modifier(1).orElse(0);
            return !this.to.modifiers().isEmpty() && (fromScale.isEmpty() || fromScale.getAsInt() > toScale);
        }
        if (fromBase.equals(toBase) && PRECISION_TYPES.contains(fromBase) && !this.to.modifiers().isEmpty()) {
            return this.to.modifiers().get(0) < this.from.modifier(0).orElse(6);
        }
        if (toBase.equals("numeric") && !this.to.modifiers().isEmpty()
                && (fromBase.equals("real") || fromBase.equals("double precision"))) {
            return true;
        }
        return false;
    }

}
