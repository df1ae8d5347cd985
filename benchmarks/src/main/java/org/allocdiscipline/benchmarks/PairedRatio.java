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
 * The ratio of two JMH benchmarks, measured so that the machine's drift falls on both: JMH runs one
 * benchmark after the other, so on a shared machine a ratio between two of them also carries whatever
 * changed in the minutes between. Here each round runs one fork of each, in alternating order (A B,
 * then B A), and the result is the median of the per-round ratios B / A with its 95 % interval.
 * {@code benchmarks/ratio.sh} builds the jar and runs this.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar org.allocdiscipline.benchmarks.PairedRatio \
 *     [--rounds 11] [--param name=value]... BENCHMARK_A BENCHMARK_B
 * </pre>
 * A benchmark is named as JMH lists it without the package, e.g. {@code SmallAllocationBenchmark.slicingAllocator}.
 */
public final class PairedRatio {
    private PairedRatio() {
    }

    /**
     * Runs the rounds and prints one line per round, then the median ratio and its interval.
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
        if (benchmarks.size() != 2 || rounds < 1) {
            throw new IllegalArgumentException(
                    "usage: PairedRatio [--rounds N] [--param name=value]... BENCHMARK_A BENCHMARK_B");
        }
        String a = benchmarks.get(0);
        String b = benchmarks.get(1);
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean aFirst = round % 2 == 0;
            double first = score(aFirst ? a : b, params);
            double second = score(aFirst ? b : a, params);
            double scoreA = aFirst ? first : second;
            double scoreB = aFirst ? second : first;
            ratios.add(scoreB / scoreA);
            System.out.printf(Locale.ROOT, "round %2d: %s %.3f, %s %.3f, ratio %.3f%n", round + 1, a, scoreA, b,
                    scoreB, scoreB / scoreA);
        }
        Samples samples = Samples.of(ratios, Double::doubleValue);
        double[] interval = samples.medianInterval();
        System.out.printf(Locale.ROOT, "%s / %s%s: median ratio %.3f over %d rounds (95 %% interval %.3f to %.3f;"
                        + " min %.3f, max %.3f)%n", b, a, params.isEmpty() ? "" : " " + params, samples.median(),
                rounds, interval[0], interval[1], samples.min(), samples.max());
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
