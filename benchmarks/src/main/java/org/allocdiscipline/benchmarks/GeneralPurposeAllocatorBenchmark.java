package org.allocdiscipline.benchmarks;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.GeneralPurposeAllocator;
import org.allocdiscipline.PageAllocator;
import org.allocdiscipline.Safety;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The general-purpose allocator against glibc's {@code malloc} + {@code free} called through FFM
 * downcalls, in ns per alloc + free pair.
 *
 * <ul>
 *   <li>{@code *Pair}: one alloc immediately freed, the best case of every allocator's cache.</li>
 *   <li>{@code *Batch}: {@link #BATCH} allocations, then their frees in allocation order, so
 *       that slots are really taken from and returned to the size class.</li>
 *   <li>{@code *TwoThreads}: the same pattern on two threads sharing one allocator (reported
 *       per pair and thread; compare with one thread to see contention).</li>
 * </ul>
 * Every pattern has three contenders: the allocator, and glibc through plain downcalls (the
 * thread state transition included) and through critical ones ({@link Linker.Option#critical},
 * the fastest FFM can call C); the malloc segments are not resized to the requested length, which
 * only flatters malloc.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GeneralPurposeAllocatorBenchmark {
    static final int BATCH = 64;

    static final MethodHandle MALLOC;
    static final MethodHandle FREE;
    static final MethodHandle MALLOC_CRITICAL;
    static final MethodHandle FREE_CRITICAL;

    static {
        Linker linker = Linker.nativeLinker();
        MemorySegment malloc = linker.defaultLookup().findOrThrow("malloc");
        MemorySegment free = linker.defaultLookup().findOrThrow("free");
        FunctionDescriptor mallocType = FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
        FunctionDescriptor freeType = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS);
        MALLOC = linker.downcallHandle(malloc, mallocType);
        FREE = linker.downcallHandle(free, freeType);
        MALLOC_CRITICAL = linker.downcallHandle(malloc, mallocType, Linker.Option.critical(false));
        FREE_CRITICAL = linker.downcallHandle(free, freeType, Linker.Option.critical(false));
    }

    @Param({"16", "64", "256"})
    public long size;

    private GeneralPurposeAllocator shared;
    private GeneralPurposeAllocator unchecked;

    /** Per-thread scratch for the batch patterns. */
    @State(Scope.Thread)
    public static class Batch {
        final MemorySegment[] segments = new MemorySegment[BATCH];
    }

    @Setup
    public void setUp() {
        shared = new GeneralPurposeAllocator(PageAllocator.INSTANCE, Safety.SHARED);
        unchecked = new GeneralPurposeAllocator(PageAllocator.UNCHECKED, Safety.UNCHECKED);
    }

    @TearDown
    public void tearDown() {
        shared.close();
        unchecked.close();
    }

    @Benchmark
    public void gpaPair(Blackhole blackhole) throws AllocationException {
        MemorySegment segment = shared.alloc(size, 8);
        blackhole.consume(segment);
        shared.free(segment);
    }

    @Benchmark
    public void gpaUncheckedPair(Blackhole blackhole) throws AllocationException {
        MemorySegment segment = unchecked.alloc(size, 8);
        blackhole.consume(segment);
        unchecked.free(segment);
    }

    @Benchmark
    public void mallocPair(Blackhole blackhole) throws Throwable {
        MemorySegment pointer = (MemorySegment) MALLOC.invokeExact(size);
        blackhole.consume(pointer);
        FREE.invokeExact(pointer);
    }

    @Benchmark
    public void mallocCriticalPair(Blackhole blackhole) throws Throwable {
        MemorySegment pointer = (MemorySegment) MALLOC_CRITICAL.invokeExact(size);
        blackhole.consume(pointer);
        FREE_CRITICAL.invokeExact(pointer);
    }

    @Benchmark
    @Threads(2)
    public void gpaPairTwoThreads(Blackhole blackhole) throws AllocationException {
        gpaPair(blackhole);
    }

    @Benchmark
    @Threads(2)
    public void mallocPairTwoThreads(Blackhole blackhole) throws Throwable {
        mallocPair(blackhole);
    }

    @Benchmark
    @Threads(2)
    public void mallocCriticalPairTwoThreads(Blackhole blackhole) throws Throwable {
        mallocCriticalPair(blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void gpaBatch(Batch batch) throws AllocationException {
        gpaBatchOn(shared, batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void mallocBatch(Batch batch) throws Throwable {
        mallocBatchOn(batch, false);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void mallocCriticalBatch(Batch batch) throws Throwable {
        mallocBatchOn(batch, true);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public void gpaBatchTwoThreads(Batch batch) throws AllocationException {
        gpaBatchOn(shared, batch);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public void mallocBatchTwoThreads(Batch batch) throws Throwable {
        mallocBatchOn(batch, false);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public void mallocCriticalBatchTwoThreads(Batch batch) throws Throwable {
        mallocBatchOn(batch, true);
    }

    private void gpaBatchOn(GeneralPurposeAllocator gpa, Batch batch) throws AllocationException {
        MemorySegment[] segments = batch.segments;
        for (int i = 0; i < BATCH; i++) {
            segments[i] = gpa.alloc(size, 8);
        }
        for (int i = 0; i < BATCH; i++) {
            gpa.free(segments[i]);
        }
    }

    /** Each downcall names its handle as a constant, as a real caller does, so that the JIT inlines it. */
    private void mallocBatchOn(Batch batch, boolean critical) throws Throwable {
        MemorySegment[] segments = batch.segments;
        for (int i = 0; i < BATCH; i++) {
            segments[i] = critical
                    ? (MemorySegment) MALLOC_CRITICAL.invokeExact(size)
                    : (MemorySegment) MALLOC.invokeExact(size);
        }
        for (int i = 0; i < BATCH; i++) {
            if (critical) {
                FREE_CRITICAL.invokeExact(segments[i]);
            } else {
                FREE.invokeExact(segments[i]);
            }
        }
    }
}
