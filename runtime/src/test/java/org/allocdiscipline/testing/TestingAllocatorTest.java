package org.allocdiscipline.testing;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Safety;
import org.allocdiscipline.support.HeapBackedAllocator;
import org.junit.jupiter.api.Test;

class TestingAllocatorTest {
    private final HeapBackedAllocator backing = new HeapBackedAllocator();

    @Test
    void leaksListEveryLiveAllocationWithTheLineThatMadeIt() throws Exception {
        TestingAllocator allocator = new TestingAllocator(backing);
        MemorySegment freed = allocator.alloc(8);
        MemorySegment leaked = allocator.alloc(24, 8);
        allocator.free(freed);

        List<Leak> leaks = allocator.leaks();

        assertThat(leaks).hasSize(1);
        Leak leak = leaks.get(0);
        assertThat(leak.byteSize()).isEqualTo(24);
        assertThat(leak.byteAlignment()).isEqualTo(8);
        assertThat(leak.address()).isEqualTo(leaked.address());
        assertThat(leak.allocationTrace().get(0).getMethodName())
                .isEqualTo("leaksListEveryLiveAllocationWithTheLineThatMadeIt");
        assertThat(leak.toString())
                .startsWith("leak of 24 bytes (alignment 8) at 0x" + Long.toHexString(leaked.address()))
                .contains("at org.allocdiscipline.testing.TestingAllocatorTest.leaksListEveryLiveAllocation")
                .doesNotContain("org.junit.");
        assertThatThrownBy(allocator::close).isInstanceOf(AssertionError.class);
    }

    @Test
    void closeFreesTheLeaksAndThrowsListingEachOne() throws Exception {
        TestingAllocator allocator = new TestingAllocator(backing);
        MemorySegment a = allocator.alloc(16);
        allocator.alloc(100);

        Throwable thrown = catchThrowable(allocator::close);

        assertThat(thrown).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("2 leaks (116 bytes)")
                .hasMessageContaining("1. leak of 16 bytes")
                .hasMessageContaining("2. leak of 100 bytes")
                .hasMessageContaining("TestingAllocatorTest.closeFreesTheLeaksAndThrowsListingEachOne(TestingAllocatorTest.java:");
        assertThat(backing.live()).isZero();
        assertThatThrownBy(() -> a.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> allocator.alloc(1)).hasMessageContaining("closed");
        allocator.close();
    }

    @Test
    void doubleFreeCarriesTheFirstFreeAndTheAllocationTraces() throws Exception {
        try (TestingAllocator allocator = new TestingAllocator(backing)) {
            MemorySegment segment = allocator.alloc(32);
            freeOnce(allocator, segment);

            Throwable thrown = catchThrowable(() -> allocator.free(segment));

            assertThat(thrown).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("double free: free of the 32-byte segment at 0x")
                    .hasMessageContaining("already freed at org.allocdiscipline.testing.TestingAllocatorTest.freeOnce");
            Throwable firstFree = thrown.getCause();
            assertThat(firstFree).hasMessageStartingWith("first freed here");
            assertThat(firstFree.getStackTrace()[0].getMethodName()).isEqualTo("freeOnce");
            Throwable allocation = firstFree.getCause();
            assertThat(allocation).hasMessageStartingWith("allocated here: 32 bytes");
            assertThat(allocation.getStackTrace()[0].getMethodName())
                    .isEqualTo("doubleFreeCarriesTheFirstFreeAndTheAllocationTraces");
        }
    }

    private static void freeOnce(TestingAllocator allocator, MemorySegment segment) {
        allocator.free(segment);
    }

    @Test
    void useAfterFreeThrowsAndExplainNamesTheAllocation() throws Exception {
        try (TestingAllocator allocator = new TestingAllocator(backing)) {
            MemorySegment segment = allocator.alloc(JAVA_INT, 4);
            segment.set(JAVA_INT, 0, 1);
            allocator.free(segment);

            assertThatThrownBy(() -> segment.get(JAVA_INT, 0))
                    .isInstanceOf(IllegalStateException.class).hasMessage("Already closed");
            assertThat(allocator.explain(segment))
                    .startsWith("freed: 16 bytes (alignment 4)")
                    .contains("allocated on thread main at:\n\tat org.allocdiscipline.testing.TestingAllocatorTest.useAfterFree")
                    .contains("and freed on thread main at:");
            assertThat(allocator.explain(segment.asSlice(4))).startsWith("freed: 16 bytes");
        }
    }

    @Test
    void useAfterFreeIsCaughtOnAnotherThreadToo() throws Exception {
        try (TestingAllocator allocator = new TestingAllocator(backing)) {
            MemorySegment segment = allocator.alloc(8);
            allocator.free(segment);
            AtomicReference<Throwable> seen = new AtomicReference<>();
            Thread.ofPlatform().start(() -> seen.set(catchThrowable(() -> segment.get(JAVA_BYTE, 0)))).join();
            assertThat(seen.get()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void foreignFreeNamesTheOtherAllocatorsAllocation() throws Exception {
        try (TestingAllocator mine = new TestingAllocator(backing);
                TestingAllocator theirs = new TestingAllocator(backing);
                Arena arena = Arena.ofConfined()) {
            MemorySegment segment = theirs.alloc(12);

            Throwable thrown = catchThrowable(() -> mine.free(segment));

            assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("foreign free: the 12-byte segment")
                    .hasMessageContaining("was allocated by another TestingAllocator, at "
                            + "org.allocdiscipline.testing.TestingAllocatorTest.foreignFreeNamesTheOtherAllocatorsAllocation");
            assertThat(thrown.getCause()).hasMessageStartingWith("allocated here: 12 bytes");
            assertThatThrownBy(() -> mine.free(arena.allocate(12)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith("was not allocated by this TestingAllocator");
            theirs.free(segment);
        }
    }

    @Test
    void freeingASliceIsAnIllegalArgumentException() throws Exception {
        try (TestingAllocator allocator = new TestingAllocator(backing)) {
            MemorySegment segment = allocator.alloc(64);
            assertThatThrownBy(() -> allocator.free(segment.asSlice(16)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("free of a slice: the 48-byte segment at 0x")
                    .hasMessageContaining("is not the 64-byte segment at 0x" + Long.toHexString(segment.address()));
            assertThatThrownBy(() -> allocator.free(segment.asSlice(0, 10)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("free of a slice");
            allocator.free(segment);
        }
    }

    @Test
    void reallocMovesSoThatTheOldSegmentIsDeadAndTheContentsSurvive() throws Exception {
        try (TestingAllocator allocator = new TestingAllocator(backing)) {
            MemorySegment old = allocator.alloc(4);
            old.set(JAVA_INT, 0, 0x12345678);
            MemorySegment grown = allocator.realloc(old, 400);
            assertThat(grown.get(JAVA_INT, 0)).isEqualTo(0x12345678);
            assertThatThrownBy(() -> old.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> allocator.free(old)).hasMessageStartingWith("double free");
            allocator.free(grown);
        }
    }

    @Test
    void aFailedReallocLeavesTheOriginalLiveAndIntact() throws Exception {
        try (TestingAllocator allocator = new TestingAllocator(backing)) {
            MemorySegment segment = allocator.alloc(4);
            segment.set(JAVA_INT, 0, 99);
            backing.refuseAbove(100);
            assertThatThrownBy(() -> allocator.realloc(segment, 1000)).isInstanceOf(AllocationException.class);
            assertThat(segment.get(JAVA_INT, 0)).isEqualTo(99);
            assertThat(allocator.leaks()).hasSize(1);
            allocator.free(segment);
        }
    }

    @Test
    void zeroLengthAllocationsAreNotRecorded() throws Exception {
        try (TestingAllocator allocator = new TestingAllocator(backing)) {
            MemorySegment empty = allocator.alloc(0, 8);
            assertThat(empty.byteSize()).isZero();
            assertThat(allocator.leaks()).isEmpty();
            allocator.free(empty);
        }
    }

    @Test
    void threadConfinedModeCatchesUseAfterFree() throws Exception {
        try (TestingAllocator allocator = new TestingAllocator(backing, Safety.THREAD_CONFINED)) {
            MemorySegment segment = allocator.alloc(8);
            allocator.free(segment);
            assertThatThrownBy(() -> segment.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void uncheckedModeStillCatchesLeaksDoubleFreesAndSlices() throws Exception {
        TestingAllocator allocator = new TestingAllocator(backing, Safety.UNCHECKED);
        MemorySegment segment = allocator.alloc(32);
        assertThatThrownBy(() -> allocator.free(segment.asSlice(8))).hasMessageStartingWith("free of a slice");
        allocator.free(segment);
        assertThatThrownBy(() -> allocator.free(segment)).hasMessageStartingWith("double free");
        allocator.alloc(5);
        assertThatThrownBy(allocator::close).hasMessageStartingWith("1 leak (5 bytes)");
        assertThat(backing.live()).isZero();
    }
}
