package dev.belay.schema;

import java.util.Objects;

/**
 * The parameters of a sequence, or of the sequence behind an identity column, as
 * {@code pg_sequence} stores them (so defaults are spelled out).
 *
 * @param dataType {@code smallint}, {@code integer} or {@code bigint}
 * @param start the first value
 * @param increment the step, negative for a descending sequence
 * @param minValue the lowest value
 * @param maxValue the highest value
 * @param cache how many values a session preallocates
 * @param cycle whether the sequence wraps around at its limit
 */
public record SequenceOptions(String dataType, long start, long increment, long minValue, long maxValue, long cache,
        boolean cycle) {

    public SequenceOptions {
        Objects.requireNonNull(dataType, "dataType");
        if (increment == 0) {
            throw new IllegalArgumentException("A sequence's increment cannot be 0");
        }
    }

    /** PostgreSQL's defaults for an ascending sequence of the given type. */
    public static SequenceOptions defaults(String dataType) {
        long max = switch (dataType) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            case "bigint" -> Long.MAX_VALUE;
            default -> throw new IllegalArgumentException("A sequence's type is smallint, integer or bigint, not " + dataType);
        };
        return new SequenceOptions(dataType, 1, 1, 1, max, 1, false);
    }

    public SequenceOptions withStart(long start) {
        return new SequenceOptions(this.dataType, start, this.increment, this.minValue, this.maxValue, this.cache,
                this.cycle);
    }

    public SequenceOptions withIncrement(long increment) {
        return new SequenceOptions(this.dataType, this.start, increment, this.minValue, this.maxValue, this.cache,
                this.cycle);
    }

    public SequenceOptions withMinValue(long minValue) {
        return new SequenceOptions(this.dataType, this.start, this.increment, minValue, this.maxValue, this.cache,
                this.cycle);
    }

    public SequenceOptions withMaxValue(long maxValue) {
        return new SequenceOptions(this.dataType, this.start, this.increment, this.minValue, maxValue, this.cache,
                this.cycle);
    }

    public SequenceOptions withCache(long cache) {
        return new SequenceOptions(this.dataType, this.start, this.increment, this.minValue, this.maxValue, cache,
                this.cycle);
    }

    public SequenceOptions withCycle(boolean cycle) {
        return new SequenceOptions(this.dataType, this.start, this.increment, this.minValue, this.maxValue, this.cache,
                cycle);
    }

    /** The options as SQL: {@code AS bigint START WITH 1 INCREMENT BY 50 ...}. */
    public String sql() {
        return "AS " + this.dataType + " START WITH " + this.start + " INCREMENT BY " + this.increment + " MINVALUE "
                + this.minValue + " MAXVALUE " + this.maxValue + " CACHE " + this.cache + (this.cycle ? " CYCLE" : " NO CYCLE");
    }

}
