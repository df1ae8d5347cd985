package org.allocdiscipline.benchmarks.javac;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles one corpus in every variant, round after round, the variants interleaved so that a drift
 * in the machine's load hits them alike: warm-up rounds first (discarded), then the measured ones.
 * The order inside a round alternates (A B C, then C B A), so no variant always runs first.
 */
final class InterleavedRun {
    private final JavacRunner runner;
    private final int warmups;
    private final int rounds;
    private final Path work;
    private final PrintStream log;
    private final List<Variant> variants;
    private final boolean collectBetweenRuns;

    /**
     * @param collectBetweenRuns whether each run starts after {@code System.gc()}. A collection arms the
     *     JVM's entry barrier of every compiled method, so the first call of each method after it takes a
     *     slow path: code that calls many distinct methods once per compilation, as a checker does, pays
     *     for that in every run. Without it, the JVM collects when its young generation fills, as a build's
     *     JVM does.
     */
    InterleavedRun(JavacRunner runner, List<Variant> variants, int warmups, int rounds, Path work, PrintStream log,
            boolean collectBetweenRuns) {
        this.collectBetweenRuns = collectBetweenRuns;
        this.variants = List.copyOf(variants);
        this.runner = runner;
        this.warmups = warmups;
        this.rounds = rounds;
        this.work = work;
        this.log = log;
    }

    /**
     * The measured rounds of each variant, in round order (round i of every variant ran together).
     *
     * @param extraWarmups warm-up rounds on top of the usual ones: the first corpus also warms up
     *     the JIT for javac and the checker, which takes many more compilations than a corpus needs
     */
    Map<Variant, List<Measurement>> run(Corpus corpus, int extraWarmups) throws IOException {
        int warmups = this.warmups + extraWarmups;
        Map<Variant, List<Measurement>> measured = new EnumMap<>(Variant.class);
        for (Variant v : variants) {
            measured.put(v, new ArrayList<>());
            Files.createDirectories(output(corpus, v));
        }
        for (int round = 0; round < warmups + rounds; round++) {
            List<Variant> order = new ArrayList<>(variants);
            if (round % 2 == 1) {
                order = order.reversed();
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s %s %2d:", corpus.name(),
                    round < warmups ? "warm-up" : "round  ", round < warmups ? round + 1 : round - warmups + 1));
            for (Variant variant : order) {
                // Each run starts from a collected heap, so it does not pay for its predecessor's garbage.
                if (collectBetweenRuns) {
                    System.gc();
                }
                Measurement m = runner.compile(corpus, variant, output(corpus, variant));
                if (round >= warmups) {
                    measured.get(variant).add(m);
                }
                line.append(String.format(Locale.ROOT, "  %s %.0f ms", variant.label(), m.wallNanos() / 1e6));
            }
            log.println(line);
        }
        return measured;
    }

    private Path output(Corpus corpus, Variant variant) {
        return work.resolve("classes").resolve(corpus.name()).resolve(variant.name().toLowerCase(Locale.ROOT));
    }
}
