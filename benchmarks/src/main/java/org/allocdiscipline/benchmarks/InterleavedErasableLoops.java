package org.allocdiscipline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.benchmarks.stats.Samples;

/**
 * The loops of {@link ErasableAllocationBenchmark} timed one after the other in one JVM, each round
 * timing every contender once, in an order that rotates between rounds, each loop with the
 * benchmark's own per-invocation setup around it (untimed). A loop takes tens of microseconds, so the contenders of a
 * round run within a millisecond of one another: on a shared machine, whose load changes the speed of
 * a JMH fork several times over between forks, the ratio within a round carries far less of that
 * drift than a ratio between forks does. Each contender gets the median of its per-round ratios to
 * the slicing allocator of the same pattern, with its 95 % interval, over the second half of the
 * rounds (the first half is the warm-up). What one JVM shares, its contenders share too: the JIT's
 * profile of {@code ArenaAllocator.alloc} is that of every arena here, so each {@code firstChunk}
 * needs a run of its own, as in JMH, where each fork is one benchmark.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     org.allocdiscipline.benchmarks.InterleavedErasableLoops [--rounds 4000] [--size 8] [--first-chunk constructor]
 * </pre>
 */
public final class InterleavedErasableLoops {
    private InterleavedErasableLoops() {
    }

    /** One timed loop: a contender of one pattern, run over the allocators of a round. */
    private interface Loop {
        long run(ErasableAllocationBenchmark.Allocators allocators, ErasableAllocationBenchmark benchmark)
                throws AllocationException;
    }

    /** A loop and the slicing loop of its pattern, which its ratio is taken to. */
    private record Contender(String name, String baseline, Loop loop) {
    }

    private static final List<Contender> CONTENDERS = List.of(
            new Contender("addressSlicing", "addressSlicing",
                    (a, b) -> ErasableAllocationBenchmark.addressesSlicing(b.big, b.size)),
            new Contender("addressArenaShared", "addressSlicing",
                    (a, b) -> ErasableAllocationBenchmark.addresses(a.arenaShared, b.size)),
            new Contender("addressArenaThreadConfined", "addressSlicing",
                    (a, b) -> ErasableAllocationBenchmark.addresses(a.arenaConfined, b.size)),
            new Contender("addressArenaUnchecked", "addressSlicing",
                    (a, b) -> ErasableAllocationBenchmark.addresses(a.arenaUnchecked, b.size)),
            new Contender("addressFixedBufferShared", "addressSlicing",
                    (a, b) -> ErasableAllocationBenchmark.addresses(a.fixedShared, b.size)),
            new Contender("writeSlicing", "writeSlicing",
                    returningNothing((a, b) -> ErasableAllocationBenchmark.writesSlicing(b.big, b.size))),
            new Contender("writeArenaShared", "writeSlicing",
                    returningNothing((a, b) -> ErasableAllocationBenchmark.writes(a.arenaShared, b.size))),
            new Contender("writeArenaThreadConfined", "writeSlicing",
                    returningNothing((a, b) -> ErasableAllocationBenchmark.writes(a.arenaConfined, b.size))),
            new Contender("writeArenaUnchecked", "writeSlicing",
                    returningNothing((a, b) -> ErasableAllocationBenchmark.writes(a.arenaUnchecked, b.size))),
            new Contender("writeFixedBufferShared", "writeSlicing",
                    returningNothing((a, b) -> ErasableAllocationBenchmark.writes(a.fixedShared, b.size))));

    /** A loop that computes nothing to return, as the write loops. */
    private interface VoidLoop {
        void run(ErasableAllocationBenchmark.Allocators allocators, ErasableAllocationBenchmark benchmark)
                throws AllocationException;
    }

    private static Loop returningNothing(VoidLoop loop) {
        return (allocators, benchmark) -> {
            loop.run(allocators, benchmark);
            return 0;
        };
    }

    /**
     * Runs the rounds and prints, per contender, its median ratio to the slicing allocator.
     *
     * @param args see the class description
     * @throws AllocationException if an allocator of the setup cannot get its memory
     */
    public static void main(String[] args) throws AllocationException {
        int rounds = 4000;
        ErasableAllocationBenchmark benchmark = new ErasableAllocationBenchmark();
        benchmark.size = 8;
        benchmark.firstChunk = "constructor";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--size" -> benchmark.size = Long.parseLong(args[++i]);
                case "--first-chunk" -> benchmark.firstChunk = args[++i];
                default -> throw new IllegalArgumentException("usage: InterleavedErasableLoops [--rounds N]"
                        + " [--size BYTES] [--first-chunk constructor|alloc]");
            }
        }
        long[][] nanos = time(benchmark, rounds);
        System.out.printf(Locale.ROOT, "size %d B, firstChunk=%s, %d rounds, the last %d measured%n", benchmark.size,
                benchmark.firstChunk, rounds, rounds - rounds / 2);
        for (int c = 0; c < CONTENDERS.size(); c++) {
            Contender contender = CONTENDERS.get(c);
            int base = indexOf(contender.baseline());
            List<Double> ratios = new ArrayList<>();
            List<Double> perAllocation = new ArrayList<>();
            for (int round = rounds / 2; round < rounds; round++) {
                ratios.add((double) nanos[c][round] / nanos[base][round]);
                perAllocation.add((double) nanos[c][round] / ErasableAllocationBenchmark.N);
            }
            Samples samples = Samples.of(ratios, Double::doubleValue);
            double[] interval = samples.medianInterval();
            System.out.printf(Locale.ROOT, "%-26s %.2f ns median per allocation; / %s: median %.3f (95 %% interval"
                    + " %.3f to %.3f)%n", contender.name(), Samples.of(perAllocation, Double::doubleValue).median(),
                    contender.baseline(), samples.median(), interval[0], interval[1]);
        }
    }

    private static long[][] time(ErasableAllocationBenchmark benchmark, int rounds) throws AllocationException {
        long[][] nanos = new long[CONTENDERS.size()][rounds];
        long sink = 0;
        benchmark.setUp();
        try {
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < CONTENDERS.size(); k++) {
                    int c = (k + round) % CONTENDERS.size();
                    ErasableAllocationBenchmark.Allocators allocators = new ErasableAllocationBenchmark.Allocators();
                    allocators.setUp(benchmark);
                    try {
                        long start = System.nanoTime();
                        sink += CONTENDERS.get(c).loop().run(allocators, benchmark);
                        nanos[c][round] = System.nanoTime() - start;
                    } finally {
                        allocators.tearDown();
                    }
                }
            }
        } finally {
            benchmark.tearDown();
        }
        if (sink == 42) {
            System.out.println("(the sum of addresses is printed only so that it is computed)");
        }
        return nanos;
    }

    private static int indexOf(String name) {
        for (int c = 0; c < CONTENDERS.size(); c++) {
            if (CONTENDERS.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
