package org.allocdiscipline.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.FixedBufferAllocator;
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

/**
 * Small allocations whose segments do not escape, in ns per allocation: a hot loop that allocates
 * {@link #N} segments and uses only each one's address ({@code address*}: the sum of the addresses
 * is returned once, no Blackhole per segment), or writes a value into each and drops it
 * ({@code write*}). Here the JIT can remove the segment object (scalar replacement) when the whole
 * allocation path is inlined, which the Blackhole of {@link SmallAllocationBenchmark} prevents for
 * every contender alike. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is about 0 B/op where
 * the segment is erased, and about 40 B/op (one segment object) where it survives.
 *
 * <p>Each allocator is created before the loop and closed after it, outside the timed code (a
 * per-invocation setup): creating and closing a checked arena costs a thread handshake and a
 * mapping, which would otherwise swamp a loop of a few nanoseconds per allocation. Its first chunk
 * is made large enough for the whole loop and touched, as the slicing allocator's segment is, so the
 * loop measures the bump and not the operating system. The JDK's slicing allocator is made in the
 * timed method, where the JIT keeps its offset in a register (the bump-pointer limit), or before it
 * ({@code *SlicingLongLived}). {@code Arena.ofConfined()} is made and closed in the timed method: its
 * close frees each allocation, which is part of what its allocations cost. Every benchmark has a
 * per-invocation setup ({@link Touched}), so JMH times them all alike.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ErasableAllocationBenchmark {
    static final int N = 16_384;
    static final long ALIGNMENT = 8;

    @Param({"8", "64"})
    public long size;

    /** Pre-allocated and touched memory for the slicing allocators and the fixed buffers. */
    MemorySegment big;

    @Setup(Level.Trial)
    public void setUp() throws AllocationException {
        big = PageAllocator.INSTANCE.alloc(N * size + 64, 16);
        big.fill((byte) 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        PageAllocator.INSTANCE.free(big);
    }

    /**
     * What every benchmark here does before each invocation, untimed: touch the memory the loop will
     * use, as the arenas' setup touches their chunk. It also gives every contender the same timing:
     * JMH times each invocation on its own when a per-invocation setup exists, and on this shared
     * machine a short timed window is preempted less often than a run of back-to-back invocations,
     * so contenders timed differently would not compare.
     */
    @State(Scope.Thread)
    public static class Touched {
        @Setup(Level.Invocation)
        public void setUp(ErasableAllocationBenchmark benchmark) {
            benchmark.big.asSlice(0, N * benchmark.size).fill((byte) 1);
        }
    }

    /** The slicing allocator of one invocation, made before it (and its memory touched). */
    @State(Scope.Thread)
    public static class LongLivedSlicing {
        SegmentAllocator slicing;

        @Setup(Level.Invocation)
        public void setUp(ErasableAllocationBenchmark benchmark) {
            benchmark.big.asSlice(0, N * benchmark.size).fill((byte) 1);
            slicing = SegmentAllocator.slicingAllocator(benchmark.big);
        }
    }

    /**
     * The arena of one invocation: made before it, its first chunk large enough for the whole loop and
     * touched (one allocation, freed, which rewinds), and closed after it.
     */
    public abstract static class ArenaState {
        ArenaAllocator arena;

        abstract Safety safety();

        @Setup(Level.Invocation)
        public void setUp(ErasableAllocationBenchmark benchmark) throws AllocationException {
            arena = new ArenaAllocator(PageAllocator.INSTANCE, safety());
            MemorySegment all = arena.alloc(N * benchmark.size + 64, 16);
            all.fill((byte) 1);
            arena.free(all);
        }

        @TearDown(Level.Invocation)
        public void tearDown() {
            arena.close();
        }
    }

    @State(Scope.Thread)
    public static class ArenaShared extends ArenaState {
        @Override
        Safety safety() {
            return Safety.SHARED;
        }
    }

    @State(Scope.Thread)
    public static class ArenaThreadConfined extends ArenaState {
        @Override
        Safety safety() {
            return Safety.THREAD_CONFINED;
        }
    }

    @State(Scope.Thread)
    public static class ArenaUnchecked extends ArenaState {
        @Override
        Safety safety() {
            return Safety.UNCHECKED;
        }
    }

    /** The fixed buffer of one invocation, over the pre-allocated segment: made before it, closed after it. */
    public abstract static class FixedState {
        FixedBufferAllocator fixed;

        abstract Safety safety();

        @Setup(Level.Invocation)
        public void setUp(ErasableAllocationBenchmark benchmark) {
            benchmark.big.asSlice(0, N * benchmark.size).fill((byte) 1);
            fixed = new FixedBufferAllocator(benchmark.big, safety());
        }

        @TearDown(Level.Invocation)
        public void tearDown() {
            fixed.close();
        }
    }

    @State(Scope.Thread)
    public static class FixedShared extends FixedState {
        @Override
        Safety safety() {
            return Safety.SHARED;
        }
    }

    @State(Scope.Thread)
    public static class FixedThreadConfined extends FixedState {
        @Override
        Safety safety() {
            return Safety.THREAD_CONFINED;
        }
    }

    @State(Scope.Thread)
    public static class FixedUnchecked extends FixedState {
        @Override
        Safety safety() {
            return Safety.UNCHECKED;
        }
    }

    // ---- uses only the address of each segment

    /** The bump-pointer limit: the JDK's slicing allocator, made in the method over a pre-allocated segment. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long addressSlicing(Touched touched) {
        SegmentAllocator slicing = SegmentAllocator.slicingAllocator(big);
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += slicing.allocate(size, ALIGNMENT).address();
        }
        return sum;
    }

    /** The slicing allocator made before the invocation: its offset lives in the heap, as an arena's does. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long addressSlicingLongLived(LongLivedSlicing state) {
        SegmentAllocator slicing = state.slicing;
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += slicing.allocate(size, ALIGNMENT).address();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressArenaShared(ArenaShared state) throws AllocationException {
        return addresses(state.arena, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressArenaThreadConfined(ArenaThreadConfined state) throws AllocationException {
        return addresses(state.arena, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressArenaUnchecked(ArenaUnchecked state) throws AllocationException {
        return addresses(state.arena, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressFixedBufferShared(FixedShared state) throws AllocationException {
        return addresses(state.fixed, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressFixedBufferThreadConfined(FixedThreadConfined state) throws AllocationException {
        return addresses(state.fixed, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressFixedBufferUnchecked(FixedUnchecked state) throws AllocationException {
        return addresses(state.fixed, size);
    }

    /** The JDK's confined arena (one malloc per allocation); its close, which frees them, is timed. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long addressFfmConfinedArena(Touched touched) {
        long sum = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < N; i++) {
                sum += arena.allocate(size, ALIGNMENT).address();
            }
        }
        return sum;
    }

    private static long addresses(ArenaAllocator arena, long size) throws AllocationException {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += arena.alloc(size, ALIGNMENT).address();
        }
        return sum;
    }

    private static long addresses(FixedBufferAllocator fixed, long size) throws AllocationException {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += fixed.alloc(size, ALIGNMENT).address();
        }
        return sum;
    }

    // ---- writes a value into each segment and drops it

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeSlicing(Touched touched) {
        SegmentAllocator slicing = SegmentAllocator.slicingAllocator(big);
        for (int i = 0; i < N; i++) {
            slicing.allocate(size, ALIGNMENT).set(ValueLayout.JAVA_LONG, 0, i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeSlicingLongLived(LongLivedSlicing state) {
        SegmentAllocator slicing = state.slicing;
        for (int i = 0; i < N; i++) {
            slicing.allocate(size, ALIGNMENT).set(ValueLayout.JAVA_LONG, 0, i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeArenaShared(ArenaShared state) throws AllocationException {
        writes(state.arena, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeArenaThreadConfined(ArenaThreadConfined state) throws AllocationException {
        writes(state.arena, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeArenaUnchecked(ArenaUnchecked state) throws AllocationException {
        writes(state.arena, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeFixedBufferShared(FixedShared state) throws AllocationException {
        writes(state.fixed, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeFixedBufferThreadConfined(FixedThreadConfined state) throws AllocationException {
        writes(state.fixed, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeFixedBufferUnchecked(FixedUnchecked state) throws AllocationException {
        writes(state.fixed, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeFfmConfinedArena(Touched touched) {
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < N; i++) {
                arena.allocate(size, ALIGNMENT).set(ValueLayout.JAVA_LONG, 0, i);
            }
        }
    }

    private static void writes(ArenaAllocator arena, long size) throws AllocationException {
        for (int i = 0; i < N; i++) {
            arena.alloc(size, ALIGNMENT).set(ValueLayout.JAVA_LONG, 0, i);
        }
    }

    private static void writes(FixedBufferAllocator fixed, long size) throws AllocationException {
        for (int i = 0; i < N; i++) {
            fixed.alloc(size, ALIGNMENT).set(ValueLayout.JAVA_LONG, 0, i);
        }
    }
}
