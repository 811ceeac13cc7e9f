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

    double min() {
        return this.millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return this.millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

}
