package org.allocdiscipline.benchmarks.javac;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.allocdiscipline.benchmarks.stats.Samples;

/**
 * The measured rounds of one corpus, and the figures the report gives.
 *
 * @param corpus the corpus
 * @param scale the synthetic scale factor, or 0 for real code
 * @param rounds the measured rounds per variant, paired by index
 */
record CorpusResult(Corpus corpus, int scale, Map<Variant, List<Measurement>> rounds) {

    boolean synthetic() {
        return scale > 0;
    }

    Samples wallMillis(Variant variant) {
        return Samples.of(rounds.get(variant), m -> m.wallNanos() / 1e6);
    }

    Samples cpuMillis(Variant variant) {
        return Samples.of(rounds.get(variant), m -> m.cpuNanos() / 1e6);
    }

    /** The checker's own CPU time, from its timing note. */
    Samples ownCpuMillis() {
        return Samples.of(rounds.get(Variant.CHECKER), m -> m.processorCpuNanos() / 1e6);
    }

    /**
     * Ratios of runs that ran side by side in the same round: a slow phase of the machine
     * then slows both, and cancels out of the ratio.
     */
    Samples pairedRatio(Variant variant, Variant reference, ToDoubleFunction<Measurement> figure) {
        List<Measurement> with = rounds.get(variant);
        List<Measurement> without = rounds.get(reference);
        List<Double> ratios = IntStream.range(0, with.size())
                .mapToObj(i -> figure.applyAsDouble(with.get(i)) / figure.applyAsDouble(without.get(i))).toList();
        return Samples.of(ratios, Double::doubleValue);
    }

    Samples wallRatio(Variant variant) {
        return pairedRatio(variant, Variant.BASELINE, Measurement::wallNanos);
    }

    Samples cpuRatio(Variant variant) {
        return pairedRatio(variant, Variant.BASELINE, Measurement::cpuNanos);
    }

    /** What the checker adds to a build that runs an annotation processor anyway, in CPU time. */
    Samples cpuRatioToNoOp() {
        return pairedRatio(Variant.CHECKER, Variant.NO_OP, Measurement::cpuNanos);
    }

    /** The checker's own CPU time as a share of a compilation without it (same round, thread CPU time). */
    Samples ownCpuShare() {
        List<Measurement> with = rounds.get(Variant.CHECKER);
        List<Measurement> without = rounds.get(Variant.BASELINE);
        List<Double> shares = IntStream.range(0, with.size())
                .mapToObj(i -> (double) with.get(i).processorCpuNanos() / without.get(i).cpuNanos()).toList();
        return Samples.of(shares, Double::doubleValue);
    }

    long bodies() {
        return rounds.get(Variant.CHECKER).getFirst().bodies();
    }

    long analysedFiles() {
        return rounds.get(Variant.CHECKER).getFirst().files();
    }

    int findings() {
        return rounds.get(Variant.CHECKER).getFirst().findings();
    }
}
