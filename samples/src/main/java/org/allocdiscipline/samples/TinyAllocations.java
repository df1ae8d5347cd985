package org.allocdiscipline.samples;

import java.lang.foreign.MemorySegment;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.ChoosesAllocator;
import org.allocdiscipline.GeneralPurposeAllocator;
import org.allocdiscipline.ArenaAllocator;
import org.allocdiscipline.PageAllocator;

/**
 * The source document's loop of 1000 tiny allocations, through the page allocator, an arena on
 * top of it and the general-purpose allocator on top of it, with the cost per allocation (each
 * allocator created and closed inside the measurement) printed side by side. A rough wall-clock
 * figure from one run; the JMH benchmarks in the benchmarks module give the careful numbers.
 */
@ChoosesAllocator // a demo program: it picks the allocators it compares
public final class TinyAllocations {
    private static final int ALLOCATIONS = 1000;
    private static final int ROUNDS = 30;

    private TinyAllocations() {
    }

    public static void main(String[] args) throws AllocationException {
        double page = bestNanosPerAllocation(TinyAllocations::throughPageAllocator);
        double arena = bestNanosPerAllocation(TinyAllocations::throughArena);
        double general = bestNanosPerAllocation(TinyAllocations::throughGeneralPurpose);
        System.out.printf("1000 allocations of 8 bytes, ns each: page allocator %,.0f | arena over it %,.0f"
                + " | general-purpose over it %,.0f%n", page, arena, general);
    }

    static void throughPageAllocator() throws AllocationException {
        loop(PageAllocator.INSTANCE);
    }

    static void throughArena() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            loop(arena);
        }
    }

    static void throughGeneralPurpose() throws AllocationException {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(PageAllocator.INSTANCE)) {
            loop(gpa);
        }
    }

    private static void loop(Allocator allocator) throws AllocationException {
        for (int i = 0; i < ALLOCATIONS; i++) {
            MemorySegment p = allocator.alloc(8);
            try {
                p.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 0, (byte) i);
            } finally {
                allocator.free(p);
            }
        }
    }

    @FunctionalInterface
    interface Work {
        void run() throws AllocationException;
    }

    private static double bestNanosPerAllocation(Work work) throws AllocationException {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return (double) best / ALLOCATIONS;
    }
}
