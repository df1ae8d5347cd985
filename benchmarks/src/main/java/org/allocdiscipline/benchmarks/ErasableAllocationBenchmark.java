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
 * close frees each allocation, which is part of what its allocations cost. Every benchmark takes the
 * same per-invocation setup ({@link Allocators}), so JMH times them all alike; its bookkeeping shows
 * in {@code gc.alloc.rate.norm} as about 0.25 to 0.32 B/op for every contender.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ErasableAllocationBenchmark {
    static final int N = 16_384;
    static final long ALIGNMENT = 8;

    @Param({"8", "64"})
    public long size;

    /**
     * How each arena gets the first chunk that holds the whole loop: {@code constructor} asks for it
     * when the arena is made ({@code new ArenaAllocator(child, safety, capacity)}), so no arena in
     * the fork ever grows in {@code alloc}; {@code alloc} makes it in the arena's first allocation,
     * so the growth path of {@code alloc} runs in every invocation's setup and the JIT compiles the
     * timed loop with that call in it. Every contender takes the same setup, so the slicing
     * allocator and the fixed buffers are timed alike under both.
     */
    @Param({"constructor", "alloc"})
    public String firstChunk;

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
     * The allocators of one invocation, made before it and closed after it, untimed; every benchmark
     * here takes this state, whichever allocator it uses. The arenas' first chunk is large enough for
     * the whole loop (made as {@link #firstChunk} says) and touched (one allocation, freed, which
     * rewinds), as the slicing allocator's segment is. Every contender has the same setup because, on a loaded machine, what a thread did
     * just before a short timed window changes how often the window is preempted: a thread that
     * waited (a handshake, a system call) is favoured by the scheduler when it wakes, so a contender
     * with a lighter setup, or none, would be timed at a disadvantage.
     */
    @State(Scope.Thread)
    public static class Allocators {
        SegmentAllocator slicing;
        ArenaAllocator arenaShared;
        ArenaAllocator arenaConfined;
        ArenaAllocator arenaUnchecked;
        FixedBufferAllocator fixedShared;
        FixedBufferAllocator fixedConfined;
        FixedBufferAllocator fixedUnchecked;

        @Setup(Level.Invocation)
        public void setUp(ErasableAllocationBenchmark benchmark) throws AllocationException {
            benchmark.big.fill((byte) 1);
            slicing = SegmentAllocator.slicingAllocator(benchmark.big);
            boolean grown = benchmark.firstChunk.equals("alloc");
            arenaShared = sizedArena(Safety.SHARED, benchmark.size, grown);
            arenaConfined = sizedArena(Safety.THREAD_CONFINED, benchmark.size, grown);
            arenaUnchecked = sizedArena(Safety.UNCHECKED, benchmark.size, grown);
            fixedShared = new FixedBufferAllocator(benchmark.big, Safety.SHARED);
            fixedConfined = new FixedBufferAllocator(benchmark.big, Safety.THREAD_CONFINED);
            fixedUnchecked = new FixedBufferAllocator(benchmark.big, Safety.UNCHECKED);
        }

        private static ArenaAllocator sizedArena(Safety safety, long size, boolean grown) throws AllocationException {
            long room = N * size + 64;
            ArenaAllocator arena = grown ? new ArenaAllocator(PageAllocator.INSTANCE, safety)
                    : new ArenaAllocator(PageAllocator.INSTANCE, safety, room);
            MemorySegment all = arena.alloc(room, 16);
            all.fill((byte) 1);
            arena.free(all);
            return arena;
        }

        @TearDown(Level.Invocation)
        public void tearDown() {
            fixedUnchecked.close();
            fixedConfined.close();
            fixedShared.close();
            arenaUnchecked.close();
            arenaConfined.close();
            arenaShared.close();
        }
    }

    // ---- uses only the address of each segment

    /** The bump-pointer limit: the JDK's slicing allocator, made in the method over a pre-allocated segment. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long addressSlicing(Allocators allocators) {
        return addressesSlicing(big, size);
    }

    /** The slicing allocator made before the invocation: its offset lives in the heap, as an arena's does. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long addressSlicingLongLived(Allocators allocators) {
        SegmentAllocator slicing = allocators.slicing;
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += slicing.allocate(size, ALIGNMENT).address();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressArenaShared(Allocators allocators) throws AllocationException {
        return addresses(allocators.arenaShared, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressArenaThreadConfined(Allocators allocators) throws AllocationException {
        return addresses(allocators.arenaConfined, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressArenaUnchecked(Allocators allocators) throws AllocationException {
        return addresses(allocators.arenaUnchecked, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressFixedBufferShared(Allocators allocators) throws AllocationException {
        return addresses(allocators.fixedShared, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressFixedBufferThreadConfined(Allocators allocators) throws AllocationException {
        return addresses(allocators.fixedConfined, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long addressFixedBufferUnchecked(Allocators allocators) throws AllocationException {
        return addresses(allocators.fixedUnchecked, size);
    }

    /** The JDK's confined arena (one malloc per allocation); its close, which frees them, is timed. */
    @Benchmark
    @OperationsPerInvocation(N)
    public long addressFfmConfinedArena(Allocators allocators) {
        long sum = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < N; i++) {
                sum += arena.allocate(size, ALIGNMENT).address();
            }
        }
        return sum;
    }

    static long addressesSlicing(MemorySegment big, long size) {
        SegmentAllocator slicing = SegmentAllocator.slicingAllocator(big);
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += slicing.allocate(size, ALIGNMENT).address();
        }
        return sum;
    }

    static long addresses(ArenaAllocator arena, long size) throws AllocationException {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += arena.alloc(size, ALIGNMENT).address();
        }
        return sum;
    }

    static long addresses(FixedBufferAllocator fixed, long size) throws AllocationException {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += fixed.alloc(size, ALIGNMENT).address();
        }
        return sum;
    }

    // ---- writes a value into each segment and drops it

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeSlicing(Allocators allocators) {
        writesSlicing(big, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeSlicingLongLived(Allocators allocators) {
        SegmentAllocator slicing = allocators.slicing;
        for (int i = 0; i < N; i++) {
            slicing.allocate(size, ALIGNMENT).set(ValueLayout.JAVA_LONG, 0, i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeArenaShared(Allocators allocators) throws AllocationException {
        writes(allocators.arenaShared, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeArenaThreadConfined(Allocators allocators) throws AllocationException {
        writes(allocators.arenaConfined, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeArenaUnchecked(Allocators allocators) throws AllocationException {
        writes(allocators.arenaUnchecked, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeFixedBufferShared(Allocators allocators) throws AllocationException {
        writes(allocators.fixedShared, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeFixedBufferThreadConfined(Allocators allocators) throws AllocationException {
        writes(allocators.fixedConfined, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeFixedBufferUnchecked(Allocators allocators) throws AllocationException {
        writes(allocators.fixedUnchecked, size);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void writeFfmConfinedArena(Allocators allocators) {
        try (Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < N; i++) {
                arena.allocate(size, ALIGNMENT).set(ValueLayout.JAVA_LONG, 0, i);
            }
        }
    }

    static void writesSlicing(MemorySegment big, long size) {
        SegmentAllocator slicing = SegmentAllocator.slicingAllocator(big);
        for (int i = 0; i < N; i++) {
            slicing.allocate(size, ALIGNMENT).set(ValueLayout.JAVA_LONG, 0, i);
        }
    }

    static void writes(ArenaAllocator arena, long size) throws AllocationException {
        for (int i = 0; i < N; i++) {
            arena.alloc(size, ALIGNMENT).set(ValueLayout.JAVA_LONG, 0, i);
        }
    }

    static void writes(FixedBufferAllocator fixed, long size) throws AllocationException {
        for (int i = 0; i < N; i++) {
            fixed.alloc(size, ALIGNMENT).set(ValueLayout.JAVA_LONG, 0, i);
        }
    }
}
