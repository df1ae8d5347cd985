package org.allocdiscipline.benchmarks.javac;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Order statistics of measured rounds: median and minimum, which resist the outliers a shared machine produces. */
final class Samples {
    private final double[] sorted;

    private Samples(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    static <T> Samples of(List<T> items, ToDoubleFunction<T> value) {
        return new Samples(items.stream().mapToDouble(value).toArray());
    }

    double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }
}
