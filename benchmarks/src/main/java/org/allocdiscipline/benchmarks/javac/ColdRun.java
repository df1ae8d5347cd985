package org.allocdiscipline.benchmarks.javac;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compiles each corpus with one fresh {@code javac} process per compilation, as the command line, a
 * forked compiler or each {@code mvn} invocation does, so that loading, initialising and
 * JIT-compiling the checker count: the variants interleaved round by round (A B, then B A), CPU time
 * of each process as the measure. Before the rounds, one more compilation per variant logs the classes
 * the JVM loads, a count that no neighbour on the machine can blur.
 */
final class ColdRun {
    private static final String CHECKER_PACKAGE = " org.allocdiscipline.processor.";

    private final ColdJavac javac;
    private final List<ColdVariant> variants;
    private final int rounds;
    private final Path work;
    private final PrintStream log;

    ColdRun(ColdJavac javac, List<ColdVariant> variants, int rounds, Path work, PrintStream log) {
        this.javac = javac;
        this.variants = List.copyOf(variants);
        this.rounds = rounds;
        this.work = work;
        this.log = log;
    }

    /**
     * What one corpus gave; the first variant is the baseline.
     *
     * @param corpus the corpus
     * @param cpuNanos CPU time per variant, round by round
     * @param classes classes the JVM loaded per variant
     * @param checkerClasses of those, the checker's own (its lambdas included)
     */
    record Result(Corpus corpus, Map<ColdVariant, List<Long>> cpuNanos, Map<ColdVariant, Long> classes,
            Map<ColdVariant, Long> checkerClasses) {
    }

    Result run(Corpus corpus) throws IOException {
        Map<ColdVariant, Long> classes = new LinkedHashMap<>();
        Map<ColdVariant, Long> checkerClasses = new LinkedHashMap<>();
        for (ColdVariant variant : variants) {
            Path classLog = output(corpus, variant).resolveSibling(variant.name() + ".classes");
            Files.deleteIfExists(classLog);
            javac.cpuNanos(corpus, variant, output(corpus, variant), List.of("-J-Xlog:class+load=info:file=" + classLog));
            try (Stream<String> lines = Files.lines(classLog)) {
                classes.put(variant, lines.count());
            }
            try (Stream<String> lines = Files.lines(classLog)) {
                checkerClasses.put(variant, lines.filter(l -> l.contains(CHECKER_PACKAGE)).count());
            }
        }
        Map<ColdVariant, List<Long>> cpu = new LinkedHashMap<>();
        variants.forEach(variant -> cpu.put(variant, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            List<ColdVariant> order = round % 2 == 1 ? variants.reversed() : variants;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s cold round %2d:", corpus.name(),
                    round + 1));
            for (ColdVariant variant : order) {
                long nanos = javac.cpuNanos(corpus, variant, output(corpus, variant), List.of());
                cpu.get(variant).add(nanos);
                line.append(String.format(Locale.ROOT, "  %s %.0f ms CPU", variant.label(), nanos / 1e6));
            }
            log.println(line);
        }
        return new Result(corpus, cpu, classes, checkerClasses);
    }

    private Path output(Corpus corpus, ColdVariant variant) {
        return work.resolve("cold").resolve(corpus.name()).resolve(variant.name());
    }
}
