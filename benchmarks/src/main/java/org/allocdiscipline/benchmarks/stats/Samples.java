package org.allocdiscipline.benchmarks.stats;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Order statistics of measured rounds: median and minimum, which resist the outliers a shared machine produces. */
public final class Samples {
    private final double[] sorted;

    private Samples(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /**
     * The samples of a list.
     *
     * @param items the measured items
     * @param value the figure of each
     * @param <T> the items' type
     * @return their order statistics
     */
    public static <T> Samples of(List<T> items, ToDoubleFunction<T> value) {
        return new Samples(items.stream().mapToDouble(value).toArray());
    }

    /** @return the median */
    public double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * A distribution-free 95 % confidence interval for the median: the order statistics
     * {@code x(k)} and {@code x(n+1-k)}, with the largest {@code k} for which a Binomial(n, 1/2) falls
     * below {@code k} with probability at most 2.5 %. It assumes only that the rounds are independent
     * draws of one distribution; the interval says how far the median of this many noisy rounds can be
     * trusted. With fewer than 6 rounds no such {@code k} exists, and it is {@code [min, max]}.
     *
     * @return {lower, upper}
     */
    public double[] medianInterval() {
        int k = medianIntervalRank(sorted.length);
        if (k == 0) {
            return new double[] {min(), max()};
        }
        return new double[] {sorted[k - 1], sorted[sorted.length - k]};
    }

    /** The 1-based rank {@code k} of {@link #medianInterval()}'s lower end for n samples; 0 if none. */
    public static int medianIntervalRank(int n) {
        double below = 0;
        double term = Math.pow(0.5, n);
        int k = 0;
        for (int i = 0; i < n; i++) {
            below += term;
            if (below > 0.025) {
                break;
            }
            k = i + 1;
            term = term * (n - i) / (i + 1);
        }
        return k;
    }

    /** @return the smallest sample */
    public double min() {
        return sorted[0];
    }

    /** @return the largest sample */
    public double max() {
        return sorted[sorted.length - 1];
    }
}
