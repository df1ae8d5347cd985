package org.allocdiscipline.benchmarks;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.PageAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The source document's point, measured: its loop of 1000 allocations of 8 bytes, each freed
 * right away, through the page allocator, against the same 1000 allocations from an arena over
 * the page allocator (arena creation and close included). Reported in ns per allocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TinyAllocationsBenchmark {
    static final int ALLOCATIONS = 1000;

    @Benchmark
    @OperationsPerInvocation(ALLOCATIONS)
    public void pageAllocator(Blackhole blackhole) throws AllocationException {
        theLoop(PageAllocator.INSTANCE, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(ALLOCATIONS)
    public void pageAllocatorUnchecked(Blackhole blackhole) throws AllocationException {
        theLoop(PageAllocator.UNCHECKED, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(ALLOCATIONS)
    public void arenaOverPageAllocator(Blackhole blackhole) throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            theLoop(arena, blackhole);
        }
    }

    /** The source document's loop: allocate 8 bytes, use them, free them, 1000 times. */
    private static void theLoop(Allocator allocator, Blackhole blackhole) throws AllocationException {
        for (int i = 0; i < ALLOCATIONS; i++) {
            MemorySegment p = allocator.alloc(8);
            blackhole.consume(p);
            allocator.free(p);
        }
    }
}
