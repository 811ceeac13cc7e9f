package dev.belay.diff;

import java.util.List;
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

    /**
     * Conversions between different types that no value makes fail (some round, see
     * {@link #LOSSY}). Not here, because an extreme value fails: {@code date} to a timestamp
     * (dates run to 5874897 AD, timestamps to 294276 AD), {@code timestamp} to
     * {@code timestamptz} and back in a time zone other than UTC (the offset carries a value
     * near either end out of range), {@code json} to {@code jsonb} ({@code \u0000} has no
     * {@code jsonb} form), {@code double precision} to {@code real} (overflow).
     */
    private static final Map<String, Set<String>> CANNOT_FAIL = Map.ofEntries(
            Map.entry("smallint", Set.of("integer", "bigint", "numeric", "real", "double precision")),
            Map.entry("integer", Set.of("bigint", "numeric", "real", "double precision", "boolean")),
            Map.entry("bigint", Set.of("numeric", "real", "double precision")),
            Map.entry("real", Set.of("double precision", "numeric")), Map.entry("double precision", Set.of("numeric")),
            Map.entry("boolean", Set.of("integer")), Map.entry("cidr", Set.of("inet")), Map.entry("inet", Set.of("cidr")),
            Map.entry("timestamp without time zone", Set.of("date", "time without time zone")),
            Map.entry("timestamp with time zone", Set.of("date", "time without time zone", "time with time zone")),
            Map.entry("time without time zone", Set.of("time with time zone", "interval")),
            Map.entry("time with time zone", Set.of("time without time zone")),
            Map.entry("interval", Set.of("time without time zone")), Map.entry("macaddr", Set.of("macaddr8")),
            Map.entry("jsonb", Set.of("json")));

    /** Conversions that drop part of a value (a fraction, a time of day, low digits, host bits). */
    private static final Map<String, Set<String>> LOSSY = Map.ofEntries(
            Map.entry("integer", Set.of("real")), Map.entry("bigint", Set.of("real", "double precision")),
            Map.entry("numeric", Set.of("smallint", "integer", "bigint", "real", "double precision")),
            Map.entry("real", Set.of("smallint", "integer", "bigint")),
            Map.entry("double precision", Set.of("smallint", "integer", "bigint", "real")),
            Map.entry("timestamp without time zone", Set.of("date", "time without time zone")),
            Map.entry("timestamp with time zone", Set.of("date", "time without time zone", "time with time zone")),
            Map.entry("time with time zone", Set.of("time without time zone")),
            Map.entry("interval", Set.of("time without time zone")), Map.entry("inet", Set.of("cidr")));

    /** How many decimal digits the integer types need. */
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);

    /**
     * The types with a fractional-second precision. A precision of 6, the largest, changes
     * nothing: {@code timestamp(6)} holds what {@code timestamp} does, and PostgreSQL changes
     * between them without a rewrite.
     */
    private static final Set<String> PRECISION_TYPES = Set.of("timestamp without time zone",
            "timestamp with time zone", "time without time zone", "time with time zone", "interval");

    private static final int MAX_PRECISION = 6;

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

    /**
     * Whether PostgreSQL rewrites the table (and rebuilds its indexes) for this change, in a
     * session whose time zone is not UTC. Measured on PostgreSQL 15 to 18 by watching
     * {@code relfilenode} (see {@code TypeChangeHazardMatrixTests}); the facts are the same on
     * every major.
     */
    boolean rewrites() {
        if (this.from.arrayDimensions() != this.to.arrayDimensions()) {
            return true;
        }
        String fromBase = this.from.base();
        String toBase = this.to.base();
        if (this.from.isArray()) {
            // An array's elements are converted one by one (a rewrite) unless nothing changes but
            // the length limit being dropped: even varchar(5)[] to varchar(10)[] or text[] rewrites.
            return !(fromBase.equals(toBase) && (limits(this.to).isEmpty() || limits(this.to).equals(limits(this.from))));
        }
        if (fromBase.equals(toBase)) {
            return !modifiersWiden();
        }
        if ((fromBase.equals("character varying") && toBase.equals("text"))
                || (fromBase.equals("text") && toBase.equals("character varying") && this.to.modifiers().isEmpty())
                || (fromBase.equals("cidr") && toBase.equals("inet"))
                || (fromBase.equals("bit") && toBase.equals("bit varying") && this.to.modifiers().isEmpty())
                || (fromBase.equals("xml") && this.to.isString() && !toBase.equals("character")
                        && this.to.modifiers().isEmpty())) {
            return false;
        }
        return true;
    }

    /**
     * Whether the rewrite is skipped when the session's time zone is UTC: between
     * {@code timestamp} and {@code timestamptz}, either way, to a type of full precision (a
     * lower precision rounds every value, UTC or not).
     */
    boolean rewritesUnlessUtc() {
        Set<String> timestamps = Set.of("timestamp without time zone", "timestamp with time zone");
        return timestamps.contains(this.from.base()) && timestamps.contains(this.to.base())
                && !this.from.base().equals(this.to.base()) && !this.from.isArray() && !this.to.isArray()
                && limits(this.to).isEmpty();
    }

    /**
     * Whether the column's indexes are built again although the table is not rewritten: the
     * values stay as they are but the index's operator class changes ({@code bit_ops} to
     * {@code varbit_ops}).
     */
    boolean rebuildsIndexesOnly() {
        return !rewrites() && this.from.base().equals("bit") && this.to.base().equals("bit varying");
    }

    /**
     * The type's modifiers as limits: a fractional-second precision of 6 is no limit at all.
     */
    private static List<Integer> limits(SqlType type) {
        if (PRECISION_TYPES.contains(type.base()) && type.modifier(0).orElse(MAX_PRECISION) == MAX_PRECISION) {
            return List.of();
        }
        return type.modifiers();
    }

    /** Whether the same base type gets equal or looser limits (a longer varchar, more precision). */
    private boolean modifiersWiden() {
        List<Integer> fromLimits = limits(this.from);
        List<Integer> toLimits = limits(this.to);
        if (toLimits.isEmpty()) {
            return true;
        }
        if (fromLimits.isEmpty()) {
            return false;
        }
        String base = this.from.base();
        if (base.equals("character varying") || base.equals("bit varying") || PRECISION_TYPES.contains(base)) {
            return toLimits.get(0) >= fromLimits.get(0);
        }
        if (base.equals("numeric")) {
            int fromScale = this.from.modifier(1).orElse(0);
            int toScale = this.to.modifier(1).orElse(0);
            return toScale == fromScale && toLimits.get(0) >= fromLimits.get(0);
        }
        return fromLimits.equals(toLimits);
    }

    /**
     * Whether some value makes the conversion fail (as opposed to rounding it, see
     * {@link #losesPrecision()}). Checked value by value against PostgreSQL 15 to 18 in
     * {@code TypeChangeHazardMatrixTests}.
     */
    boolean canFail() {
        if (this.from.arrayDimensions() != this.to.arrayDimensions()) {
            // From an array its text form is kept as is by an unlimited string; anything else parses it.
            return !(this.from.isArray() && !this.to.isArray() && unlimitedString(this.to));
        }
        if (unlimitedString(this.to)) {
            return false;
        }
        String fromBase = this.from.base();
        String toBase = this.to.base();
        if (this.to.isString()) {
            // A bounded string: fails on longer values, which a string of no greater limit cannot hold.
            return !(this.from.isString() && !this.from.modifiers().isEmpty()
                    && this.from.modifiers().get(0) <= this.to.modifier(0).orElse(1));
        }
        if (PRECISION_TYPES.contains(toBase) && fromBase.equals(toBase)) {
            // Fewer fractional digits round; rounding never fails, not even next to the end of the range.
            return false;
        }
        if (toBase.equals("numeric")) {
            return numericCanFail();
        }
        if (fromBase.equals(toBase)) {
            if (toBase.equals("bit varying")) {
                return !this.to.modifiers().isEmpty()
                        && (this.from.modifiers().isEmpty() || this.from.modifiers().get(0) > this.to.modifiers().get(0));
            }
            // A bit string must have exactly its length; unknown types: the cautious answer.
            return !this.from.modifiers().equals(this.to.modifiers());
        }
        if (fromBase.equals("bit") && toBase.equals("bit varying")) {
            return !this.to.modifiers().isEmpty()
                    && this.from.modifier(0).orElse(1) > this.to.modifiers().get(0);
        }
        if (this.fromUserType || this.toUserType) {
            return true;
        }
        return !CANNOT_FAIL.getOrDefault(fromBase, Set.of()).contains(toBase);
    }

    private static boolean unlimitedString(SqlType type) {
        return type.isString() && !type.base().equals("character") && type.modifiers().isEmpty();
    }

    /**
     * Whether a conversion to {@code numeric} can fail: only when the target has a precision, and
     * the source may need more digits before the point than it allows (one more when rounding
     * to fewer decimals can carry, 9.99 to 10.0).
     */
    private boolean numericCanFail() {
        if (this.to.modifiers().isEmpty()) {
            return !CANNOT_FAIL.getOrDefault(this.from.base(), Set.of()).contains("numeric")
                    && !this.from.base().equals("numeric");
        }
        int toWhole = this.to.modifiers().get(0) - this.to.modifier(1).orElse(0);
        String fromBase = this.from.base();
        if (INTEGER_DIGITS.containsKey(fromBase)) {
            return toWhole < INTEGER_DIGITS.get(fromBase);
        }
        if (!fromBase.equals("numeric") || this.from.modifiers().isEmpty()) {
            return true;
        }
        int fromScale = this.from.modifier(1).orElse(0);
        int fromWhole = this.from.modifiers().get(0) - fromScale;
        boolean carries = this.to.modifier(1).orElse(0) < fromScale;
        return toWhole < fromWhole + (carries ? 1 : 0);
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
        if (fromBase.equals(toBase) && PRECISION_TYPES.contains(fromBase) && !limits(this.to).isEmpty()) {
            return limits(this.to).get(0) < limits(this.from).stream().findFirst().orElse(MAX_PRECISION);
        }
        if (toBase.equals("numeric") && !this.to.modifiers().isEmpty()
                && (fromBase.equals("real") || fromBase.equals("double precision"))) {
            return true;
        }
        return false;
    }

}
