package org.allocdiscipline.benchmarks;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.GeneralPurposeAllocator;
import org.allocdiscipline.PageAllocator;
import org.allocdiscipline.Safety;

/**
 * The alloc + free pair of {@link GeneralPurposeAllocatorBenchmark} timed in thread CPU time, one
 * contender per JVM: on a shared machine a thread's CPU time leaves out the time other processes
 * held the core, which wall-clock time (JMH's) does not, so the minimum over runs is close to the
 * quiet machine's figure even under load. Each thread warms up, then times {@code --runs} runs
 * of {@code --ops} pairs and keeps its fastest; the result is the mean of the threads' fastest, in
 * ns per pair. {@code benchmarks/gpa-cpu.sh} runs the contenders in interleaved JVMs.
 *
 * <p>{@code gpa} times all threads on one allocator; {@code gpaOwn} gives each thread an allocator
 * of its own; {@code gpaCrossed} too, but each thread first calls its own allocator and then the
 * next thread's, so that each allocator remembers its own thread's cache in the second of its
 * two fields for the last threads that took a checked path: with more than one thread, these
 * separate what sharing one allocator costs from what finding the cache in the second field costs.
 * {@code gpaBatch} and {@code mallocCriticalBatch} time {@link GeneralPurposeAllocatorBenchmark}'s
 * batch pattern instead (64 allocs, then their frees), still per alloc + free; {@code gpaTwoSizes}
 * and {@code mallocCriticalTwoSizes} pairs of two sizes of one class in turn, {@code gpaThreeSizes}
 * of three, where the GPA's kept segment seldom fits.
 *
 * <p>Every segment goes to {@link #sink}, which the JVM must be told is a blackhole
 * ({@code -XX:CompileCommand=blackhole,org.allocdiscipline.benchmarks.GpaPairCpuTime::sink}), so
 * that the segment is made as in JMH and nothing else is added to the loop.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -XX:+UnlockExperimentalVMOptions \
 *     -XX:CompileCommand=blackhole,org.allocdiscipline.benchmarks.GpaPairCpuTime::sink \
 *     -cp benchmarks/target/benchmarks.jar org.allocdiscipline.benchmarks.GpaPairCpuTime \
 *     gpa|gpaOwn|gpaCrossed|gpaUnchecked|gpaAlternating|gpaBatch|gpaTwoSizes|gpaThreeSizes|mallocCritical \
 *     |mallocCriticalAlternating|mallocCriticalBatch|mallocCriticalTwoSizes|malloc \
 *     [--size 16] [--threads 1] [--runs 15] [--ops 1048576] [--warmup-ms 3000]
 * </pre>
 */
public final class GpaPairCpuTime {
    private GpaPairCpuTime() {
    }

    /** The options of one run. */
    private record Options(String contender, long size, int threads, int runs, int ops, long warmupMillis) {
        static Options parse(String[] args) {
            if (args.length == 0) {
                throw usage();
            }
            long size = 16;
            int threads = 1;
            int runs = 15;
            int ops = 1 << 20;
            long warmup = 3000;
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--size" -> size = Long.parseLong(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--ops" -> ops = Integer.parseInt(args[++i]);
                    case "--warmup-ms" -> warmup = Long.parseLong(args[++i]);
                    default -> throw usage();
                }
            }
            return new Options(args[0], size, threads, runs, ops, warmup);
        }

        private static IllegalArgumentException usage() {
            return new IllegalArgumentException("usage: GpaPairCpuTime gpa|gpaOwn|gpaCrossed|gpaUnchecked|gpaAlternating|gpaBatch|gpaTwoSizes|gpaThreeSizes"
                    + "|mallocCritical|mallocCriticalAlternating|mallocCriticalBatch|mallocCriticalTwoSizes|malloc [--size B] [--threads N] [--runs N] [--ops N] [--warmup-ms MS]");
        }
    }

    /** One alloc + free pair of a contender, {@code ops} times. */
    private interface Pairs {
        void run(long size, int ops) throws Throwable;
    }

    /** Takes a segment as JMH's blackhole does, once the JVM is told it is a blackhole. */
    static void sink(MemorySegment segment) {
    }

    private static void gpaPairs(GeneralPurposeAllocator gpa, long size, int ops) throws AllocationException {
        for (int i = 0; i < ops; i++) {
            MemorySegment segment = gpa.alloc(size, 8);
            sink(segment);
            gpa.free(segment);
        }
    }

    /**
     * Two pairs per iteration, of {@code size} and {@code 4 * size} bytes, freed in turn: each free
     * goes to another slab than the free before, so the GPA finds every slab by its table's probe,
     * never through the previous free's.
     */
    private static void gpaAlternatingPairs(GeneralPurposeAllocator gpa, long size, int ops)
            throws AllocationException {
        for (int i = 0; i < ops; i += 2) {
            MemorySegment small = gpa.alloc(size, 8);
            MemorySegment larger = gpa.alloc(4 * size, 8);
            sink(small);
            sink(larger);
            gpa.free(small);
            gpa.free(larger);
        }
    }

    /**
     * {@link GeneralPurposeAllocatorBenchmark#BATCH} allocs, then their frees in allocation order
     * (the JMH batch pattern), {@code ops / BATCH} times: the slots really leave and return to
     * the cache, and with 64 B and more the cache gives half of them back to the slabs and takes
     * them again.
     */
    private static void gpaBatches(GeneralPurposeAllocator gpa, long size, int ops) throws AllocationException {
        MemorySegment[] segments = new MemorySegment[GeneralPurposeAllocatorBenchmark.BATCH];
        for (int i = 0; i < ops; i += segments.length) {
            for (int j = 0; j < segments.length; j++) {
                segments[j] = gpa.alloc(size, 8);
            }
            for (int j = 0; j < segments.length; j++) {
                gpa.free(segments[j]);
            }
        }
    }

    private static void mallocCriticalBatches(long size, int ops) throws Throwable {
        MemorySegment[] segments = new MemorySegment[GeneralPurposeAllocatorBenchmark.BATCH];
        for (int i = 0; i < ops; i += segments.length) {
            for (int j = 0; j < segments.length; j++) {
                segments[j] = (MemorySegment) GeneralPurposeAllocatorBenchmark.MALLOC_CRITICAL.invokeExact(size);
            }
            for (int j = 0; j < segments.length; j++) {
                GeneralPurposeAllocatorBenchmark.FREE_CRITICAL.invokeExact(segments[j]);
            }
        }
    }

    /**
     * Pairs of {@code size} and {@code size - 8} bytes in turn (one size class for 24 B and more,
     * and for 16 B): each alloc takes back the slot the free before gave up, with the other size,
     * so the segment the thread made for that slot never fits and every alloc makes one.
     */
    private static void gpaTwoSizesPairs(GeneralPurposeAllocator gpa, long size, int ops) throws AllocationException {
        for (int i = 0; i < ops; i += 2) {
            MemorySegment first = gpa.alloc(size, 8);
            sink(first);
            gpa.free(first);
            MemorySegment second = gpa.alloc(size - 8, 8);
            sink(second);
            gpa.free(second);
        }
    }

    /**
     * Pairs of {@code size}, {@code size - 8} and {@code size - 16} bytes in turn (one size class
     * for 40 B and more): each alloc takes back the slot just freed with a size that was not its
     * last, so the GPA's kept segment fits one alloc in three at best.
     */
    private static void gpaThreeSizesPairs(GeneralPurposeAllocator gpa, long size, int ops) throws AllocationException {
        for (int i = 0; i < ops; i += 3) {
            for (long each = size; each > size - 24; each -= 8) {
                MemorySegment segment = gpa.alloc(each, 8);
                sink(segment);
                gpa.free(segment);
            }
        }
    }

    private static void mallocCriticalTwoSizesPairs(long size, int ops) throws Throwable {
        for (int i = 0; i < ops; i += 2) {
            MemorySegment first = (MemorySegment) GeneralPurposeAllocatorBenchmark.MALLOC_CRITICAL.invokeExact(size);
            sink(first);
            GeneralPurposeAllocatorBenchmark.FREE_CRITICAL.invokeExact(first);
            MemorySegment second = (MemorySegment) GeneralPurposeAllocatorBenchmark.MALLOC_CRITICAL.invokeExact(size - 8);
            sink(second);
            GeneralPurposeAllocatorBenchmark.FREE_CRITICAL.invokeExact(second);
        }
    }

    private static void mallocCriticalAlternatingPairs(long size, int ops) throws Throwable {
        for (int i = 0; i < ops; i += 2) {
            MemorySegment small = (MemorySegment) GeneralPurposeAllocatorBenchmark.MALLOC_CRITICAL.invokeExact(size);
            MemorySegment larger = (MemorySegment) GeneralPurposeAllocatorBenchmark.MALLOC_CRITICAL.invokeExact(4 * size);
            sink(small);
            sink(larger);
            GeneralPurposeAllocatorBenchmark.FREE_CRITICAL.invokeExact(small);
            GeneralPurposeAllocatorBenchmark.FREE_CRITICAL.invokeExact(larger);
        }
    }

    private static void mallocCriticalPairs(long size, int ops) throws Throwable {
        for (int i = 0; i < ops; i++) {
            MemorySegment pointer = (MemorySegment) GeneralPurposeAllocatorBenchmark.MALLOC_CRITICAL.invokeExact(size);
            sink(pointer);
            GeneralPurposeAllocatorBenchmark.FREE_CRITICAL.invokeExact(pointer);
        }
    }

    private static void mallocPairs(long size, int ops) throws Throwable {
        for (int i = 0; i < ops; i++) {
            MemorySegment pointer = (MemorySegment) GeneralPurposeAllocatorBenchmark.MALLOC.invokeExact(size);
            sink(pointer);
            GeneralPurposeAllocatorBenchmark.FREE.invokeExact(pointer);
        }
    }

    /**
     * Runs the contender and prints its ns of thread CPU time per pair.
     *
     * @param args see the class description
     * @throws Exception if a thread failed
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        GeneralPurposeAllocator shared = new GeneralPurposeAllocator(PageAllocator.INSTANCE, Safety.SHARED);
        GeneralPurposeAllocator unchecked = new GeneralPurposeAllocator(PageAllocator.UNCHECKED, Safety.UNCHECKED);
        List<GeneralPurposeAllocator> own = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            own.add(new GeneralPurposeAllocator(PageAllocator.INSTANCE, Safety.SHARED));
        }
        boolean crossed = options.contender().equals("gpaCrossed");
        Pairs pairs = switch (options.contender()) {
            case "gpa" -> (size, ops) -> gpaPairs(shared, size, ops);
            case "gpaOwn", "gpaCrossed" -> null;
            case "gpaUnchecked" -> (size, ops) -> gpaPairs(unchecked, size, ops);
            case "gpaAlternating" -> (size, ops) -> gpaAlternatingPairs(shared, size, ops);
            case "gpaBatch" -> (size, ops) -> gpaBatches(shared, size, ops);
            case "gpaTwoSizes" -> (size, ops) -> gpaTwoSizesPairs(shared, size, ops);
            case "gpaThreeSizes" -> (size, ops) -> gpaThreeSizesPairs(shared, size, ops);
            case "mallocCriticalTwoSizes" -> GpaPairCpuTime::mallocCriticalTwoSizesPairs;
            case "mallocCritical" -> GpaPairCpuTime::mallocCriticalPairs;
            case "mallocCriticalBatch" -> GpaPairCpuTime::mallocCriticalBatches;
            case "mallocCriticalAlternating" -> GpaPairCpuTime::mallocCriticalAlternatingPairs;
            case "malloc" -> GpaPairCpuTime::mallocPairs;
            default -> throw Options.usage();
        };
        double[] fastest = new double[options.threads()];
        Throwable[] failure = new Throwable[1];
        CyclicBarrier start = new CyclicBarrier(options.threads());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            int index = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    GeneralPurposeAllocator mine = own.get(index);
                    if (crossed) {
                        mine.free(mine.alloc(options.size(), 8));
                        start.await();
                        GeneralPurposeAllocator next = own.get((index + 1) % own.size());
                        next.free(next.alloc(options.size(), 8));
                    }
                    start.await();
                    fastest[index] = fastestRun(pairs != null ? pairs : (size, ops) -> gpaPairs(mine, size, ops), options);
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        shared.close();
        unchecked.close();
        for (GeneralPurposeAllocator allocator : own) {
            allocator.close();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("a timed thread failed", failure[0]);
        }
        double sum = 0;
        for (double ns : fastest) {
            sum += ns;
        }
        StringBuilder perThread = new StringBuilder();
        for (int t = 0; t < fastest.length; t++) {
            perThread.append(String.format(Locale.ROOT, " thread %d: %.2f", threads.get(t).threadId(), fastest[t]));
        }
        System.out.printf(Locale.ROOT, "%s size=%d threads=%d %.2f ns CPU per pair (%s)%n", options.contender(),
                options.size(), options.threads(), sum / fastest.length, perThread.toString().strip());
    }

    /** Warms up, then returns the fastest run's CPU time per pair on the calling thread. */
    private static double fastestRun(Pairs pairs, Options options) throws Throwable {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long warmupEnd = System.nanoTime() + options.warmupMillis() * 1_000_000;
        while (System.nanoTime() < warmupEnd) {
            pairs.run(options.size(), options.ops() / 16);
        }
        long best = Long.MAX_VALUE;
        for (int run = 0; run < options.runs(); run++) {
            long before = cpu.getCurrentThreadCpuTime();
            pairs.run(options.size(), options.ops());
            best = Math.min(best, cpu.getCurrentThreadCpuTime() - before);
        }
        return (double) best / options.ops();
    }
}
