package org.allocdiscipline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.support.HeapBackedAllocator;
import org.junit.jupiter.api.Test;

class AllocationFailuresTest {
    private final HeapBackedAllocator backing = new HeapBackedAllocator();

    /** Frees what it holds on every path: passes. */
    static void careful(Allocator allocator) throws AllocationException {
        MemorySegment a = allocator.alloc(8);
        try {
            MemorySegment b = allocator.alloc(16);
            try {
                MemorySegment c = allocator.alloc(24);
                try {
                    c = allocator.realloc(c, 48);
                } finally {
                    // On failure realloc left c alive; on success c is the resized segment.
                    allocator.free(c);
                }
            } finally {
                allocator.free(b);
            }
        } finally {
            allocator.free(a);
        }
    }

    /** Leaks {@code a} when the second allocation fails. */
    static void leaksOnFailure(Allocator allocator) throws AllocationException {
        MemorySegment a = allocator.alloc(8);
        MemorySegment b = allocator.alloc(16);
        allocator.free(b);
        allocator.free(a);
    }

    /** Swallows the failure of its second allocation. */
    static void swallows(Allocator allocator) throws AllocationException {
        MemorySegment a = allocator.alloc(8);
        try {
            allocator.free(allocator.alloc(16));
        } catch (AllocationException ignored) {
            // the bug under test
        }
        allocator.free(a);
    }

    @Test
    void codeThatHandlesEveryFailurePassesAndIsRunOncePerAllocationPlusOne() {
        AtomicInteger runs = new AtomicInteger();
        AllocationFailures.checkAll(backing, allocator -> {
            runs.incrementAndGet();
            careful(allocator);
        });
        assertThat(runs.get()).isEqualTo(1 + 4);
        assertThat(backing.live()).isZero();
    }

    @Test
    void anExceptionCausedByTheFailureCountsAsPassingItOn() {
        AllocationFailures.checkAll(backing, allocator -> {
            try {
                careful(allocator);
            } catch (AllocationException e) {
                throw new IllegalStateException("could not build the index", e);
            }
        });
    }

    @Test
    void aLeakOnTheErrorPathIsReportedWithTheLeakAndTheInducedFailure() {
        Throwable thrown = catchThrowable(() -> AllocationFailures.checkAll(backing, AllocationFailuresTest::leaksOnFailure));

        assertThat(thrown).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("checkAll: in the run where allocation #1 (0-based) of 2 failed, the code leaked"
                        + " 1 leak (8 bytes)")
                .hasMessageContaining("at org.allocdiscipline.testing.AllocationFailuresTest.leaksOnFailure(AllocationFailuresTest.java:")
                .hasMessageContaining("The induced failure: org.allocdiscipline.AllocationException: FailingAllocator:"
                        + " allocation #1 (0-based) fails on purpose: alloc(16, 1)");
        assertThat(thrown.getCause()).isInstanceOf(AllocationException.class);
        assertThat(backing.live()).isZero();
    }

    @Test
    void aSwallowedFailureIsReported() {
        Throwable thrown = catchThrowable(() -> AllocationFailures.checkAll(backing, AllocationFailuresTest::swallows));

        assertThat(thrown).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("checkAll: in the run where allocation #1 (0-based) of 2 failed, the code completed"
                        + " normally: the AllocationException was swallowed")
                .hasMessageContaining("\tat org.allocdiscipline.testing.AllocationFailuresTest.swallows(AllocationFailuresTest.java:");
        assertThat(thrown.getCause()).isInstanceOf(AllocationException.class);
    }

    @Test
    void aChangingNumberOfAllocationsIsReported() {
        AtomicInteger runs = new AtomicInteger();
        Throwable thrown = catchThrowable(() -> AllocationFailures.checkAll(backing, allocator -> {
            int allocations = runs.getAndIncrement() == 0 ? 3 : 1;
            for (int i = 0; i < allocations; i++) {
                allocator.free(allocator.alloc(8));
            }
        }));

        assertThat(thrown).isInstanceOf(AssertionError.class)
                .hasMessageContaining("allocation #1 (0-based) of 3 failed, that allocation was never reached:"
                        + " the code made only 1 allocations although the run without failures made 3");
    }

    @Test
    void anUnrelatedExceptionIsReported() {
        Throwable thrown = catchThrowable(() -> AllocationFailures.checkAll(backing, allocator -> {
            try {
                allocator.free(allocator.alloc(8));
            } catch (AllocationException e) {
                throw new IllegalStateException("lost the cause");
            }
        }));

        assertThat(thrown).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the code threw java.lang.IllegalStateException: lost the cause, which is not caused"
                        + " by the induced AllocationException");
    }

    @Test
    void aLeakWithoutAnyFailureIsReportedFirst() {
        Throwable thrown = catchThrowable(() -> AllocationFailures.checkAll(backing, allocator -> allocator.alloc(3)));

        assertThat(thrown).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("checkAll: the run without induced failures leaked 1 leak (3 bytes)");
        assertThat(backing.live()).isZero();
    }

    /** Owns a buffer that it replaces, freeing the old one first: an alloc failure leaves a freed buffer behind. */
    static final class Replacing implements AutoCloseable {
        private final Allocator allocator;
        private MemorySegment storage;

        Replacing(Allocator allocator) throws AllocationException {
            this.allocator = allocator;
            this.storage = allocator.alloc(8);
        }

        void grow() throws AllocationException {
            allocator.free(storage);
            storage = allocator.alloc(16);
        }

        @Override
        public void close() {
            allocator.free(storage);
        }
    }

    @Test
    void aDoubleFreeSuppressedByTryWithResourcesFailsTheRun() {
        Throwable thrown = catchThrowable(() -> AllocationFailures.checkAll(backing, allocator -> {
            try (Replacing buffer = new Replacing(allocator)) {
                buffer.grow();
            }
        }));

        assertThat(thrown).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("checkAll: in the run where allocation #1 (0-based) of 2 failed, the"
                        + " TestingAllocator caught a misuse, which travelled only as a cause or suppressed exception of"
                        + " org.allocdiscipline.AllocationException: FailingAllocator: allocation #1 (0-based) fails"
                        + " on purpose: alloc(16, 1): double free: free of the 8-byte segment at 0x");
        // The detector's own exception, with its traces (first free, allocation), is the cause.
        assertThat(thrown.getCause()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was already freed at org.allocdiscipline.testing.AllocationFailuresTest$Replacing.grow(");
        assertThat(thrown.getCause().getCause()).hasMessageStartingWith("first freed here");
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(AllocationException.class);
        assertThat(backing.live()).isZero();
    }

    @Test
    void aMisuseTheCodeSwallowedFailsTheRunWithoutFailures() {
        Throwable thrown = catchThrowable(() -> AllocationFailures.checkAll(backing, allocator -> {
            MemorySegment segment = allocator.alloc(8);
            allocator.free(segment);
            try {
                allocator.free(segment);
            } catch (IllegalStateException ignored) {
                // the bug under test: the double free is hidden
            }
        }));

        assertThat(thrown).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("checkAll: in the run without induced failures, the TestingAllocator caught a"
                        + " misuse, which the code under test swallowed: double free: free of the 8-byte segment");
        assertThat(thrown.getCause()).isInstanceOf(IllegalStateException.class);
    }
}
