package dev.belay.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small statistics shared by the benchmarks. */
final class Stats {

    private Stats() {
    }

    static long median(List<Long> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("No samples");
        }
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

}
