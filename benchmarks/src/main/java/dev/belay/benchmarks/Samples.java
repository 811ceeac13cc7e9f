package dev.belay.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of one repeated measurement, in milliseconds. */
final class Samples {

    private final List<Double> millis = new ArrayList<>();

    void add(long nanos) {
        this.millis.add(nanos / 1_000_000.0);
    }

    double median() {
        if (this.millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(this.millis);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The durations in the order they were added, in milliseconds. */
    List<Double> values() {
        return List.copyOf(this.millis);
    }

    /** The median of values given in milliseconds. */
    static double median(List<Double> values) {
        Samples samples = new Samples();
        values.forEach((value) -> samples.millis.add(value));
        return samples.median();
    }

    double min() {
        return this.millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return this.millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

}
