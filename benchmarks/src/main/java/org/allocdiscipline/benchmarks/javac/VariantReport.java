package org.allocdiscipline.benchmarks.javac;

import java.util.List;
import java.util.Locale;
import org.allocdiscipline.benchmarks.stats.Samples;

/**
 * The short report of a run with chosen variants ({@code --variants}): per corpus and variant, the
 * CPU time and heap allocation of the compiling thread, each as a paired ratio to {@code -proc:none}.
 * Meant for finding where a difference comes from (e.g. javac's price for a listener against the
 * checker's), not for the targets, which the full report judges.
 */
final class VariantReport {
    private VariantReport() {
    }

    static String render(List<CorpusResult> results, List<Variant> variants, String setting) {
        StringBuilder out = new StringBuilder("Setting: ").append(setting).append("\n\n");
        out.append("| corpus | variant | CPU ms, median | **CPU ratio** (95 % interval) | allocated MB, median |"
                + " **allocation ratio** (min–max) | checker's own CPU ms |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (CorpusResult r : results) {
            for (Variant v : variants) {
                Samples cpu = r.cpuMillis(v);
                Samples allocated = Samples.of(r.rounds().get(v), m -> m.allocatedBytes() / 1e6);
                String ratio = "";
                String allocationRatio = "";
                if (v != Variant.BASELINE) {
                    Samples cpuRatio = r.cpuRatio(v);
                    double[] interval = cpuRatio.medianInterval();
                    ratio = f("**%+.1f %%** (%+.1f to %+.1f)", 100 * (cpuRatio.median() - 1),
                            100 * (interval[0] - 1), 100 * (interval[1] - 1));
                    Samples allocation = r.pairedRatio(v, Variant.BASELINE, Measurement::allocatedBytes);
                    allocationRatio = f("**%+.2f %%** (%+.2f to %+.2f)", 100 * (allocation.median() - 1),
                            100 * (allocation.min() - 1), 100 * (allocation.max() - 1));
                }
                String own = v.checks() ? f("%.1f", Samples.of(r.rounds().get(v), m -> m.processorCpuNanos() / 1e6)
                        .median()) : "";
                out.append(f("| %s | %s | %.0f | %s | %.1f | %s | %s |\n", r.corpus().name(), v.label(),
                        cpu.median(), ratio, allocated.median(), allocationRatio, own));
            }
        }
        return out.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
