package org.allocdiscipline.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.allocdiscipline.benchmarks.stats.Samples;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Ratios of JMH benchmarks to a baseline, measured so that the machine's drift falls on all of them:
 * JMH runs one benchmark after the other, so on a shared machine a ratio between two of them also
 * carries whatever changed in the minutes between. Here each round runs one fork of every benchmark,
 * in an order that alternates between rounds ({@link #order}), and the result for each benchmark is
 * the median of its per-round ratios to the baseline, with its 95 % interval.
 * {@code benchmarks/ratio.sh} builds the jar and runs this.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar org.allocdiscipline.benchmarks.PairedRatio \
 *     [--rounds 11] [--param name=value]... BASELINE BENCHMARK...
 * </pre>
 * A benchmark is named as JMH lists it without the package, e.g. {@code SmallAllocationBenchmark.slicingAllocator}.
 */
public final class PairedRatio {
    private PairedRatio() {
    }

    /**
     * Runs the rounds and prints one line per round, then each benchmark's median ratio and its interval.
     *
     * @param args see the class description
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        int rounds = 11;
        Map<String, String> params = new LinkedHashMap<>();
        List<String> benchmarks = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--param" -> {
                    String[] pair = args[++i].split("=", 2);
                    params.put(pair[0], pair[1]);
                }
                default -> benchmarks.add(args[i]);
            }
        }
        if (benchmarks.size() < 2 || rounds < 1) {
            throw new IllegalArgumentException(
                    "usage: PairedRatio [--rounds N] [--param name=value]... BASELINE BENCHMARK...");
        }
        String baseline = benchmarks.getFirst();
        List<List<Double>> ratios = new ArrayList<>();
        for (int b = 1; b < benchmarks.size(); b++) {
            ratios.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            double[] scores = new double[benchmarks.size()];
            for (int index : order(benchmarks.size(), round)) {
                scores[index] = score(benchmarks.get(index), params);
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %2d: %s %.3f", round + 1,
                    baseline, scores[0]));
            for (int b = 1; b < benchmarks.size(); b++) {
                double ratio = scores[b] / scores[0];
                ratios.get(b - 1).add(ratio);
                line.append(String.format(Locale.ROOT, ", %s %.3f (ratio %.3f)", benchmarks.get(b), scores[b], ratio));
            }
            System.out.println(line);
        }
        for (int b = 1; b < benchmarks.size(); b++) {
            Samples samples = Samples.of(ratios.get(b - 1), Double::doubleValue);
            double[] interval = samples.medianInterval();
            System.out.printf(Locale.ROOT, "%s / %s%s: median ratio %.3f over %d rounds (95 %% interval %.3f to %.3f;"
                            + " min %.3f, max %.3f)%n", benchmarks.get(b), baseline,
                    params.isEmpty() ? "" : " " + params, samples.median(), rounds, interval[0], interval[1],
                    samples.min(), samples.max());
        }
    }

    /**
     * The order in which a round runs the benchmarks (indices into the command line's list): forward
     * in even rounds, backward in odd ones, so that over each pair of rounds every benchmark runs as
     * often before the baseline as after it, and a steady drift falls on both sides of each ratio.
     *
     * @param count how many benchmarks, the baseline included
     * @param round the 0-based round
     * @return the indices, each once
     */
    static int[] order(int count, int round) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = round % 2 == 0 ? i : count - 1 - i;
        }
        return order;
    }

    private static double score(String benchmark, Map<String, String> params) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("\\." + Pattern.quote(benchmark) + "$")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true);
        params.forEach(options::param);
        RunResult result = single(new Runner(options.build()).run(), benchmark);
        return result.getPrimaryResult().getScore();
    }

    private static RunResult single(Collection<RunResult> results, String benchmark) {
        if (results.size() != 1) {
            throw new IllegalArgumentException(benchmark + " matched " + results.size()
                    + " benchmark runs, not one: name it as JMH lists it, and give every @Param a single value");
        }
        return results.iterator().next();
    }
}
