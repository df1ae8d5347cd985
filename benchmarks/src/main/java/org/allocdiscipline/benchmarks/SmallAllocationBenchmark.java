package org.allocdiscipline.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.concurrent.TimeUnit;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.ArenaAllocator.ResetMode;
import org.allocdiscipline.PageAllocator;
import org.allocdiscipline.Safety;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Small allocations, in ns per allocation: the arena against the bump-pointer limit
 * ({@code SegmentAllocator.slicingAllocator} over one big segment) and against a confined FFM
 * arena. Each invocation makes {@link #BATCH} allocations; the arena is reset (retaining its
 * capacity) every {@link #BATCHES_PER_RESET} invocations, and that reset is part of the measured
 * cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SmallAllocationBenchmark {
    static final int BATCH = 1000;
    static final int BATCHES_PER_RESET = 64;

    @Param({"8", "64"})
    public long size;

    private MemorySegment big;
    private ArenaAllocator arenaShared;
    private ArenaAllocator arenaConfined;
    private ArenaAllocator arenaUnchecked;
    private int batches;
    private SegmentAllocator slicing;

    @Setup(Level.Trial)
    public void setUp() throws AllocationException {
        big = PageAllocator.INSTANCE.alloc(BATCH * (size + 8));
        arenaShared = new ArenaAllocator(PageAllocator.INSTANCE, Safety.SHARED);
        arenaConfined = new ArenaAllocator(PageAllocator.INSTANCE, Safety.THREAD_CONFINED);
        arenaUnchecked = new ArenaAllocator(PageAllocator.INSTANCE, Safety.UNCHECKED);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arenaShared.close();
        arenaConfined.close();
        arenaUnchecked.close();
        PageAllocator.INSTANCE.free(big);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void slicingAllocator(Blackhole blackhole) {
        SegmentAllocator slicing = SegmentAllocator.slicingAllocator(big);
        for (int i = 0; i < BATCH; i++) {
            blackhole.consume(slicing.allocate(size, 8));
        }
    }

    /**
     * The same bump allocator held in a field, as any long-lived allocator is: its offset lives in
     * the heap, where escape analysis cannot keep it in a register as it can for the local one.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void slicingAllocatorInAField(Blackhole blackhole) {
        slicing = SegmentAllocator.slicingAllocator(big);
        for (int i = 0; i < BATCH; i++) {
            blackhole.consume(slicing.allocate(size, 8));
        }
    }

    /** Made before each batch, outside the timed code: to the compiled batch, an allocator that lives on. */
    @State(Scope.Thread)
    public static class LongLivedSlicing {
        SegmentAllocator allocator;

        @Setup(Level.Invocation)
        public void setUp(SmallAllocationBenchmark benchmark) {
            allocator = SegmentAllocator.slicingAllocator(benchmark.big);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void slicingAllocatorLongLived(LongLivedSlicing state, Blackhole blackhole) {
        SegmentAllocator allocator = state.allocator;
        for (int i = 0; i < BATCH; i++) {
            blackhole.consume(allocator.allocate(size, 8));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void arenaAllocatorShared(Blackhole blackhole) throws AllocationException {
        allocateBatch(arenaShared, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void arenaAllocatorThreadConfined(Blackhole blackhole) throws AllocationException {
        allocateBatch(arenaConfined, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void arenaAllocatorUnchecked(Blackhole blackhole) throws AllocationException {
        allocateBatch(arenaUnchecked, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void ffmConfinedArena(Blackhole blackhole) {
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < BATCH; i++) {
                blackhole.consume(arena.allocate(size, 8));
            }
        }
    }

    private void allocateBatch(ArenaAllocator arena, Blackhole blackhole) throws AllocationException {
        for (int i = 0; i < BATCH; i++) {
            blackhole.consume(arena.alloc(size, 8));
        }
        if (++batches == BATCHES_PER_RESET) {
            arena.reset(ResetMode.RETAIN_CAPACITY);
            batches = 0;
        }
    }
}
