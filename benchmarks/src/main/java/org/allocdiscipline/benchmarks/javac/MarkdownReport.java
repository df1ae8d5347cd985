package org.allocdiscipline.benchmarks.javac;

import java.util.List;
import java.util.Locale;
import org.allocdiscipline.benchmarks.stats.Samples;

/** Writes the results as the markdown that docs/javac-overhead.md quotes. */
final class MarkdownReport {
    /** Real code may cost at most this much more time with the checker. */
    static final double REAL_LIMIT = 1.05;
    /** Dense synthetic code may cost at most this much more. */
    static final double SYNTHETIC_LIMIT = 1.25;
    /** Own CPU per body at any scale may exceed scale 1's by at most this factor to count as linear. */
    static final double LINEAR_TOLERANCE = 1.25;

    private final StringBuilder out = new StringBuilder();

    String render(List<CorpusResult> results, String setting) {
        out.append("Setting: ").append(setting).append("\n\n");
        overview(results);
        List<CorpusResult> synthetic = results.stream().filter(CorpusResult::synthetic).toList();
        if (!synthetic.isEmpty()) {
            linearity(synthetic);
        }
        targets(results, synthetic);
        return out.toString();
    }

    private void overview(List<CorpusResult> results) {
        out.append("Whole compilations, wall time (the targets' measure; ratio = median over rounds of with/without in"
                + " the same round). The checker as a plugin (`-proc:none`) and as an annotation processor (the"
                + " default when no `-proc:none` is given):\n\n");
        out.append("| corpus | files | lines | bodies | findings | without: ms, median (min) | with plugin: ms, median"
                + " (min) | **plugin ratio** (min–max) | with processor: ms, median (min) | **processor ratio**"
                + " (min–max) |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CorpusResult r : results) {
            Samples without = r.wallMillis(Variant.BASELINE);
            Samples plugin = r.wallMillis(Variant.PLUGIN);
            Samples pluginRatio = r.wallRatio(Variant.PLUGIN);
            Samples processor = r.wallMillis(Variant.CHECKER);
            Samples processorRatio = r.wallRatio(Variant.CHECKER);
            row(r.corpus().name(), r.corpus().sources().size(), r.corpus().lines(), r.bodies(), r.findings(),
                    f("%.0f (%.0f)", without.median(), without.min()),
                    f("%.0f (%.0f)", plugin.median(), plugin.min()),
                    f("**%.3f** (%.3f–%.3f)", pluginRatio.median(), pluginRatio.min(), pluginRatio.max()),
                    f("%.0f (%.0f)", processor.median(), processor.min()),
                    f("**%.3f** (%.3f–%.3f)", processorRatio.median(), processorRatio.min(), processorRatio.max()));
        }
        out.append("\nWhere the time goes, in CPU time of the compiling thread (less blurred by other processes than"
                + " wall time; ratios to -proc:none, median over rounds):\n\n");
        out.append("| corpus | -proc:none: CPU ms | **checker as plugin** | no-op processor | **checker as processor** |"
                + " processor / no-op processor | checker's own CPU ms (its timing note) | own CPU / compile CPU |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CorpusResult r : results) {
            row(r.corpus().name(), f("%.0f", r.cpuMillis(Variant.BASELINE).median()),
                    f("**%.3f**", r.cpuRatio(Variant.PLUGIN).median()),
                    f("%.3f", r.cpuRatio(Variant.NO_OP).median()),
                    f("**%.3f**", r.cpuRatio(Variant.CHECKER).median()),
                    f("%.3f", r.cpuRatioToNoOp().median()),
                    f("%.1f", r.ownCpuMillis().median()),
                    f("%.1f %%", 100 * r.ownCpuShare().median()));
        }
        out.append("\n");
    }

    private void linearity(List<CorpusResult> synthetic) {
        CorpusResult base = synthetic.getFirst();
        double basePerBody = base.ownCpuMillis().median() / base.bodies();
        double baseCompilePerBody = base.cpuMillis(Variant.BASELINE).median() / base.bodies();
        out.append("Growth with code size (synthetic corpus; per-body figures relative to scale ")
                .append(base.scale()).append("x):\n\n");
        out.append("| scale | bodies | lines | without: CPU ms | with plugin: CPU ms | checker's own CPU ms |"
                + " own CPU µs per body | relative | compile CPU µs per body (without) | relative |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CorpusResult r : synthetic) {
            double perBody = r.ownCpuMillis().median() / r.bodies();
            double compilePerBody = r.cpuMillis(Variant.BASELINE).median() / r.bodies();
            row(r.scale() + "x", r.bodies(), r.corpus().lines(),
                    f("%.0f", r.cpuMillis(Variant.BASELINE).median()),
                    f("%.0f", r.cpuMillis(Variant.PLUGIN).median()),
                    f("%.1f", r.ownCpuMillis().median()),
                    f("%.1f", 1000 * perBody), f("%.2f", perBody / basePerBody),
                    f("%.0f", 1000 * compilePerBody), f("%.2f", compilePerBody / baseCompilePerBody));
        }
        out.append("\n");
    }

    private void targets(List<CorpusResult> results, List<CorpusResult> synthetic) {
        // A noisy neighbour can slow one baseline run and flatter the wall ratio, never the thread's CPU time:
        // a target counts as met only when both measures meet it.
        out.append("Targets (median over rounds of with/without in the same round; met only if both wall time and"
                + " CPU time are within the target):\n\n");
        for (CorpusResult r : results) {
            double limit = r.synthetic() ? SYNTHETIC_LIMIT : REAL_LIMIT;
            out.append(f("- %s (target at most %+.0f %%): as plugin %s; as processor %s; the checker's own work is"
                            + " %.1f %% of the compilation's CPU time\n",
                    r.corpus().name(), 100 * (limit - 1), verdict(r, Variant.PLUGIN, limit),
                    verdict(r, Variant.CHECKER, limit), 100 * r.ownCpuShare().median()));
        }
        if (synthetic.size() > 1) {
            CorpusResult base = synthetic.getFirst();
            double basePerBody = base.ownCpuMillis().median() / base.bodies();
            // Linear means no term that grows faster than the code: the per-body cost must not rise with size.
            // It may fall, as the fixed costs of a compilation (options, report, warm-up) spread over more bodies.
            boolean linear = synthetic.stream()
                    .allMatch(r -> (r.ownCpuMillis().median() / r.bodies()) / basePerBody <= LINEAR_TOLERANCE);
            CorpusResult last = synthetic.getLast();
            double slope = (last.ownCpuMillis().median() - base.ownCpuMillis().median())
                    / (last.bodies() - base.bodies());
            out.append(f("- linear growth (the checker's own CPU time per body at no scale more than %.2f times"
                    + " scale %dx's): %s; marginal cost from %dx to %dx: %.1f µs per body\n", LINEAR_TOLERANCE,
                    base.scale(), linear ? "met" : "**missed**", base.scale(), last.scale(), 1000 * slope));
        }
    }

    private static String verdict(CorpusResult r, Variant variant, double limit) {
        double wall = r.wallRatio(variant).median();
        Samples cpuRatios = r.cpuRatio(variant);
        double cpu = cpuRatios.median();
        double[] interval = cpuRatios.medianInterval();
        // The interval says whether more rounds could turn the verdict: on a shared machine the median of a
        // handful of rounds moves by a few points between runs.
        return f("%+.1f %% wall, %+.1f %% CPU (95 %% interval of the CPU median %+.1f to %+.1f %%): %s",
                100 * (wall - 1), 100 * (cpu - 1), 100 * (interval[0] - 1), 100 * (interval[1] - 1),
                wall <= limit && cpu <= limit ? "met" : "**missed**");
    }

    private void row(Object... cells) {
        out.append('|');
        for (Object cell : cells) {
            out.append(' ').append(cell).append(" |");
        }
        out.append('\n');
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
