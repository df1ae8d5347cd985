package org.allocdiscipline.benchmarks.javac;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.allocdiscipline.benchmarks.stats.Samples;

/** Writes the cold runs as markdown: CPU time per process and the classes each setup loads. */
final class ColdReport {
    private ColdReport() {
    }

    static String render(List<ColdRun.Result> results, String setting) {
        StringBuilder out = new StringBuilder("Setting: ").append(setting).append("\n\n");
        out.append("One fresh `javac` process per compilation; CPU time = user + system time of the process;"
                + " ratio = median over rounds of with/without in the same round, with the distribution-free 95 %"
                + " interval of that median; classes = lines of `-Xlog:class+load` in one more run per setup:\n\n");
        out.append("| corpus | files | setup | CPU ms, median (min) | **CPU ratio to -proc:none** (95 % interval) |"
                + " classes loaded | of them the checker's |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|\n");
        for (ColdRun.Result r : results) {
            ColdVariant baseline = r.cpuNanos().keySet().iterator().next();
            long baseClasses = r.classes().get(baseline);
            for (ColdVariant variant : r.cpuNanos().keySet()) {
                Samples cpu = Samples.of(r.cpuNanos().get(variant), n -> n / 1e6);
                String ratio = "";
                if (variant != baseline) {
                    Samples ratios = ratio(r, variant, baseline);
                    double[] interval = ratios.medianInterval();
                    ratio = f("**%.3f** (%.3f–%.3f)", ratios.median(), interval[0], interval[1]);
                }
                long classes = r.classes().get(variant);
                out.append(f("| %s | %d | %s | %.0f (%.0f) | %s | %d%s | %d |\n", r.corpus().name(),
                        r.corpus().sources().size(), variant.label(), cpu.median(), cpu.min(), ratio, classes,
                        variant == baseline ? "" : f(" (%+d)", classes - baseClasses),
                        r.checkerClasses().get(variant)));
            }
        }
        out.append("\nTargets (the plugin setup at most +5 % CPU, cold):\n\n");
        for (ColdRun.Result r : results) {
            ColdVariant baseline = r.cpuNanos().keySet().iterator().next();
            for (ColdVariant variant : r.cpuNanos().keySet()) {
                if (variant == baseline) {
                    continue;
                }
                Samples ratios = ratio(r, variant, baseline);
                double[] interval = ratios.medianInterval();
                out.append(f("- %s, %s: %+.1f %% CPU (95 %% interval of the median %+.1f to %+.1f %%): %s\n",
                        r.corpus().name(), variant.label(), 100 * (ratios.median() - 1), 100 * (interval[0] - 1),
                        100 * (interval[1] - 1), ratios.median() <= MarkdownReport.REAL_LIMIT ? "met" : "**missed**"));
            }
        }
        return out.toString();
    }

    /** Ratios of runs of the same round: a slow phase of the machine slows both and cancels out. */
    private static Samples ratio(ColdRun.Result r, ColdVariant variant, ColdVariant baseline) {
        List<Long> with = r.cpuNanos().get(variant);
        List<Long> without = r.cpuNanos().get(baseline);
        return Samples.of(IntStream.range(0, with.size()).mapToObj(i -> (double) with.get(i) / without.get(i))
                .toList(), Double::doubleValue);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
