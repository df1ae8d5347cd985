package org.allocdiscipline;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.allocdiscipline.support.HeapBackedAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class GeneralPurposeAllocatorTest {
    private final HeapBackedAllocator backing = new HeapBackedAllocator();

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 16, 17, 100, 255, 256, 1000, 4095, 4096, 4097, 10_000, 100_000})
    void returnsExactlySizedWritableSegments(long size) throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment segment = gpa.alloc(size);
            assertThat(segment.byteSize()).isEqualTo(size);
            segment.fill((byte) 0x5A);
            assertThat(segment.get(JAVA_BYTE, size - 1)).isEqualTo((byte) 0x5A);
            gpa.free(segment);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 8, 16, 64, 256, 4096, 8192, 65536})
    void honoursEveryPowerOfTwoAlignment(long alignment) throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            List<MemorySegment> segments = new ArrayList<>();
            for (long size : new long[] {1, 3, 24, 200, 5000}) {
                MemorySegment segment = gpa.alloc(size, alignment);
                assertThat(segment.address() % alignment).as("size %d", size).isZero();
                assertThat(segment.byteSize()).isEqualTo(size);
                segments.add(segment);
            }
            segments.forEach(gpa::free);
        }
    }

    @Test
    void smallAllocationsShareSlabsAndLargeOnesGoToTheBacking() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            List<MemorySegment> small = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                small.add(gpa.alloc(16));
            }
            assertThat(backing.live()).isEqualTo(1);
            MemorySegment big = gpa.alloc(GeneralPurposeAllocator.MAX_SLAB_REQUEST + 1);
            assertThat(backing.live()).isEqualTo(2);
            gpa.free(big);
            assertThat(backing.live()).isEqualTo(1);
            small.forEach(gpa::free);
        }
        assertThat(backing.live()).isZero();
    }

    @Test
    void anEmptiedSlabServesAnotherSizeClass() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            // Five 16-byte slabs; the thread's cache may keep the last two from emptying.
            List<MemorySegment> first = new ArrayList<>();
            for (int i = 0; i < 4 * 4096 + 1; i++) {
                first.add(gpa.alloc(16));
            }
            long slabs = backing.allocations();
            first.forEach(gpa::free);
            List<MemorySegment> second = new ArrayList<>();
            for (int i = 0; i < 2 * 1024; i++) {
                second.add(gpa.alloc(64));
            }
            assertThat(backing.allocations()).as("slabs taken from the backing allocator").isEqualTo(slabs);
            second.forEach(gpa::free);
        }
    }

    @Test
    void slotsKeptByAThreadThatEndedGoBackToTheirSlabs() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = Thread.ofPlatform().start(() -> {
                try {
                    List<MemorySegment> segments = new ArrayList<>();
                    for (int i = 0; i < 2 * 4096 + 1; i++) {
                        segments.add(gpa.alloc(16));
                    }
                    segments.forEach(gpa::free);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            worker.join();
            assertThat(failure.get()).isNull();
            long slabs = backing.allocations();
            // The worker's cache pinned its second slab; this thread's first call returns those slots.
            List<MemorySegment> second = new ArrayList<>();
            for (int i = 0; i < 2 * 1024; i++) {
                second.add(gpa.alloc(64));
            }
            assertThat(backing.allocations()).as("slabs taken from the backing allocator").isEqualTo(slabs);
            second.forEach(gpa::free);
        }
    }

    @Test
    void allocOfZeroGivesAnEmptySegmentThatFreeAccepts() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment empty = gpa.alloc(0, 256);
            assertThat(empty.byteSize()).isZero();
            assertThat(empty.address() % 256).isZero();
            gpa.free(empty);
            assertThat(gpa.liveAllocations()).isZero();
        }
    }

    @Test
    void doubleFreeOfASmallSegmentIsAnIllegalStateException() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment keep = gpa.alloc(32);
            MemorySegment segment = gpa.alloc(32);
            gpa.free(segment);
            assertThatThrownBy(() -> gpa.free(segment))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("double free")
                    .hasMessageContaining("0x" + Long.toHexString(segment.address()));
            gpa.free(keep);
        }
    }

    @Test
    void aSlotTakenAgainHasTheNewRequestsSizeAndEveryCheckStillHolds() throws Exception {
        // The thread's cache gives the slot it was handed last back first; its segment for the
        // slot is handed out again only for the same size, never for another size of the class.
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment first = gpa.alloc(100);
            long address = first.address();
            gpa.free(first);
            MemorySegment wider = gpa.alloc(120);
            assertThat(wider.address()).isEqualTo(address);
            assertThat(wider.byteSize()).isEqualTo(120);
            wider.fill((byte) 7);
            assertThat(wider.get(JAVA_BYTE, 119)).isEqualTo((byte) 7);
            assertThatThrownBy(() -> gpa.free(first))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wrong size")
                    .hasMessageContaining("has 120 bytes");
            gpa.free(wider);
            MemorySegment again = gpa.alloc(120);
            assertThat(again.address()).isEqualTo(address);
            assertThat(again.byteSize()).isEqualTo(120);
            gpa.free(again);
            assertThatThrownBy(() -> gpa.free(again))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("double free");
            MemorySegment narrower = gpa.alloc(100, 64);
            assertThat(narrower.address()).isEqualTo(address);
            assertThat(narrower.byteSize()).isEqualTo(100);
            assertThatThrownBy(() -> gpa.free(wider))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has 100 bytes");
            assertThatThrownBy(() -> gpa.free(narrower.asSlice(0, 64)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wrong size");
            MemorySegment grown = gpa.realloc(narrower, 110);
            assertThat(grown.address()).isEqualTo(address);
            assertThat(grown.byteSize()).isEqualTo(110);
            gpa.free(grown);
            MemorySegment afterRealloc = gpa.alloc(100);
            assertThat(afterRealloc.address()).isEqualTo(address);
            assertThat(afterRealloc.byteSize()).isEqualTo(100);
            gpa.free(afterRealloc);
        }
    }

    @Test
    void aKeptSegmentComesBackForItsSizeAndGivesWayOnlyAfterEightAllocsItDidNotFit() throws Exception {
        // Replacing the kept segment stores a reference (a write barrier); sizes of one class in
        // turn must not pay that on every alloc.
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment kept = gpa.alloc(64);
            gpa.free(kept);
            MemorySegment again = gpa.alloc(64);
            assertThat(again).isSameAs(kept);
            gpa.free(again);
            for (int miss = 1; miss < GpaThreadCache.MISSES_BEFORE_REPLACING; miss++) {
                MemorySegment other = gpa.alloc(56);
                assertThat(other.address()).isEqualTo(kept.address());
                assertThat(other.byteSize()).isEqualTo(56);
                gpa.free(other);
                MemorySegment back = gpa.alloc(64);
                assertThat(back).as("after %d misses", miss).isSameAs(kept);
                gpa.free(back);
            }
            MemorySegment replacing = gpa.alloc(56);
            gpa.free(replacing);
            assertThat(gpa.alloc(56)).isSameAs(replacing);
            gpa.free(replacing);
            MemorySegment wider = gpa.alloc(64);
            assertThat(wider).isNotSameAs(kept).isEqualTo(kept);
            gpa.free(wider);
        }
    }

    @Test
    void aSlotFreedByAnotherThreadComesBackThereWithThatThreadsSize() throws Exception {
        // Each thread keeps the segments it made; a slot that moves to another thread's cache
        // gets a segment of that thread's request there, and the first thread's is stale.
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                MemorySegment mine = gpa.alloc(48);
                long address = mine.address();
                gpa.free(mine);
                MemorySegment again = gpa.alloc(48);
                assertThat(again.address()).isEqualTo(address);
                MemorySegment theirs = other.submit(() -> {
                    gpa.free(again);
                    return gpa.alloc(40);
                }).get();
                assertThat(theirs.address()).isEqualTo(address);
                assertThat(theirs.byteSize()).isEqualTo(40);
                assertThatThrownBy(() -> gpa.free(again))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("has 40 bytes");
                gpa.free(theirs);
                assertThatThrownBy(() -> other.submit(() -> {
                    gpa.free(theirs);
                    return null;
                }).get()).cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("double free");
            } finally {
                other.shutdownNow();
            }
        }
    }

    @Test
    void doubleFreeIntoAnEmptiedSlabIsStillReported() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            List<MemorySegment> many = new ArrayList<>();
            for (int i = 0; i < 4097; i++) {
                many.add(gpa.alloc(16));
            }
            many.forEach(gpa::free);
            assertThatThrownBy(() -> gpa.free(many.get(0)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("double free");
        }
    }

    @Test
    void doubleFreeOfALargeSegmentIsReported() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment big = gpa.alloc(50_000);
            gpa.free(big);
            assertThatThrownBy(() -> gpa.free(big))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("already freed");
        }
    }

    @Test
    void aZeroLengthSliceOfAFreedSegmentFreesNothing() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment segment = gpa.alloc(16);
            gpa.free(segment);
            // A slot that is not live records size 0, as a zero-length segment has: that must not
            // pass for a live allocation, or the slot would be kept twice and handed out twice.
            gpa.free(segment.asSlice(0, 0));
            MemorySegment first = gpa.alloc(16);
            MemorySegment second = gpa.alloc(16);
            assertThat(first.address()).isNotEqualTo(second.address());
            gpa.free(first);
            gpa.free(second);
            assertThat(gpa.liveAllocations()).isZero();
        }
    }

    @Test
    void freesIntoDifferentSlabsInTurnFindEachSlab() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            // Different size classes live in different slabs: each free goes to another slab than the last.
            List<MemorySegment> segments = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                segments.add(gpa.alloc(16L << (i % 9)));
            }
            for (MemorySegment segment : segments) {
                gpa.free(segment);
            }
            for (MemorySegment segment : segments) {
                assertThatThrownBy(() -> gpa.free(segment)).hasMessageContaining("double free");
            }
            assertThat(gpa.liveAllocations()).isZero();
        }
    }

    @Test
    void foreignFreeIsAnIllegalArgumentException() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing);
                GeneralPurposeAllocator other = new GeneralPurposeAllocator(backing);
                Arena arena = Arena.ofConfined()) {
            MemorySegment fromOther = other.alloc(64);
            assertThatThrownBy(() -> gpa.free(fromOther))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a live allocation of this GeneralPurposeAllocator");
            MemorySegment fromArena = arena.allocate(64);
            assertThatThrownBy(() -> gpa.free(fromArena)).isInstanceOf(IllegalArgumentException.class);
            other.free(fromOther);
        }
    }

    @Test
    void aSegmentForgedOntoTheSlabMemoryIsForeign() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment segment = gpa.alloc(64);
            MemorySegment forged = MemorySegment.ofAddress(segment.address()).reinterpret(64);
            assertThatThrownBy(() -> gpa.free(forged))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("foreign free");
            gpa.free(segment);
        }
    }

    @Test
    void freeingASliceOrAWrongSizeIsAnIllegalArgumentException() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment segment = gpa.alloc(100);
            assertThatThrownBy(() -> gpa.free(segment.asSlice(8)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not the start of an allocation");
            assertThatThrownBy(() -> gpa.free(segment.asSlice(0, 50)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wrong size")
                    .hasMessageContaining("has 100 bytes");
            MemorySegment big = gpa.alloc(20_000);
            assertThatThrownBy(() -> gpa.free(big.asSlice(0, 10_000)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wrong size");
            gpa.free(segment);
            gpa.free(big);
        }
    }

    @Test
    void useAfterFreeDoesNotCrashAndSeesMappedMemory() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment segment = gpa.alloc(24);
            segment.set(JAVA_LONG, 0, 42);
            gpa.free(segment);
            segment.set(JAVA_LONG, 8, 7);
            assertThat(segment.get(JAVA_LONG, 8)).isEqualTo(7);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Safety.class, names = {"SHARED", "THREAD_CONFINED"})
    void afterCloseEverySmallSegmentThrowsAndEverythingIsBackInTheBacking(Safety safety) throws Exception {
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing, safety);
        MemorySegment live = gpa.alloc(40);
        MemorySegment freed = gpa.alloc(300);
        gpa.free(freed);
        gpa.free(live);
        gpa.close();
        assertThat(backing.live()).isZero();
        assertThatThrownBy(() -> live.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> freed.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> gpa.alloc(8)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> gpa.free(live)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        gpa.close();
    }

    @Test
    void afterCloseEveryThreadThatUsedTheAllocatorGetsTheClosedException() throws Exception {
        // Three threads: the fast paths find the last two that took a checked path in fields of
        // their own and the third through the table, and closing must reach all three.
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing);
        List<ExecutorService> threads = List.of(Executors.newSingleThreadExecutor(),
                Executors.newSingleThreadExecutor(), Executors.newSingleThreadExecutor());
        try {
            for (ExecutorService thread : threads) {
                thread.submit(() -> {
                    gpa.free(gpa.alloc(16));
                    return null;
                }).get();
            }
            gpa.close();
            for (ExecutorService thread : threads) {
                Future<?> alloc = thread.submit(() -> gpa.alloc(16));
                assertThatThrownBy(alloc::get).cause()
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            }
        } finally {
            threads.forEach(ExecutorService::shutdownNow);
        }
    }

    @Test
    void closeWithLiveAllocationsFreesEverythingThenReportsThem() throws Exception {
        GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing);
        MemorySegment small = gpa.alloc(12);
        MemorySegment big = gpa.alloc(70_000);
        gpa.alloc(16).fill((byte) 1);
        assertThat(gpa.liveAllocations()).isEqualTo(3);
        gpa.free(gpa.alloc(16));
        assertThatThrownBy(gpa::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("3 allocation(s) still live")
                .hasMessageContaining("12 bytes at 0x" + Long.toHexString(small.address()))
                .hasMessageContaining("70000 bytes at 0x" + Long.toHexString(big.address()));
        assertThat(backing.live()).isZero();
        gpa.close();
    }

    @Test
    void threadConfinedModeRejectsOtherThreads() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing, Safety.THREAD_CONFINED)) {
            MemorySegment segment = gpa.alloc(16);
            AtomicReference<Throwable> seen = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    gpa.alloc(16);
                } catch (Throwable t) {
                    seen.set(t);
                }
            });
            other.join();
            assertThat(seen.get()).isInstanceOf(WrongThreadException.class);
            gpa.free(segment);
        }
    }

    @Test
    void uncheckedModeServesAndValidatesAsUsual() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing, Safety.UNCHECKED)) {
            MemorySegment segment = gpa.alloc(48, 16);
            segment.fill((byte) 3);
            gpa.free(segment);
            assertThatThrownBy(() -> gpa.free(segment)).hasMessageContaining("double free");
        }
        assertThat(backing.live()).isZero();
    }

    @Test
    void reallocKeepsContentsAcrossClassesAndToLargeAndBack() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment segment = gpa.alloc(10);
            fill(segment, 0);
            for (long size : new long[] {12, 16, 17, 600, 5000, 100_000, 3000, 9}) {
                long kept = Math.min(size, segment.byteSize());
                MemorySegment resized = gpa.realloc(segment, size);
                assertThat(resized.byteSize()).isEqualTo(size);
                for (long i = 0; i < Math.min(kept, 10); i++) {
                    assertThat(resized.get(JAVA_BYTE, i)).as("byte %d after realloc to %d", i, size).isEqualTo((byte) i);
                }
                segment = resized;
            }
            gpa.free(segment);
            assertThat(gpa.liveAllocations()).isZero();
        }
    }

    @Test
    void reallocInsideTheSizeClassStaysInPlaceAndTheNewSizeIsWhatFreeExpects() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment segment = gpa.alloc(40);
            MemorySegment grown = gpa.realloc(segment, 60);
            assertThat(grown.address()).isEqualTo(segment.address());
            assertThatThrownBy(() -> gpa.free(segment)).hasMessageContaining("wrong size");
            gpa.free(grown);
        }
    }

    @Test
    void reallocKeepsTheRequestedAlignment() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment small = gpa.realloc(gpa.alloc(8, 256), 300);
            assertThat(small.address() % 256).isZero();
            MemorySegment shrunk = gpa.realloc(gpa.realloc(small, 9000), 20);
            assertThat(shrunk.address() % 256).isZero();
            MemorySegment wide = gpa.realloc(gpa.alloc(16, 16384), 40);
            assertThat(wide.address() % 16384).isZero();
            gpa.free(shrunk);
            gpa.free(wide);
        }
    }

    @Test
    void reallocToZeroFreesAndFromZeroAllocates() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment empty = gpa.realloc(gpa.alloc(64), 0);
            assertThat(empty.byteSize()).isZero();
            assertThat(gpa.liveAllocations()).isZero();
            MemorySegment grown = gpa.realloc(empty, 64);
            assertThat(grown.byteSize()).isEqualTo(64);
            gpa.free(grown);
        }
    }

    @Test
    void aFailedReallocLeavesTheOriginalIntact() throws Exception {
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            MemorySegment small = gpa.alloc(100);
            fill(small, 1);
            MemorySegment big = gpa.alloc(10_000);
            fill(big, 2);
            backing.refuseAbove(GpaSlab.SIZE - 1);
            assertThatThrownBy(() -> gpa.realloc(small, 200_000)).isInstanceOf(AllocationException.class);
            assertThatThrownBy(() -> gpa.realloc(big, 200_000)).isInstanceOf(AllocationException.class);
            assertThat(small.get(JAVA_BYTE, 99)).isEqualTo((byte) 100);
            assertThat(big.get(JAVA_BYTE, 9)).isEqualTo((byte) 11);
            gpa.free(small);
            gpa.free(big);
        }
        assertThat(backing.live()).isZero();
    }

    @Test
    void aBackingFailureForASlabIsAnAllocationException() {
        backing.refuseAbove(0);
        try (GeneralPurposeAllocator gpa = new GeneralPurposeAllocator(backing)) {
            assertThatThrownBy(() -> gpa.alloc(16))
                    .isInstanceOf(AllocationException.class)
                    .hasMessageContaining("could not provide a 64 KiB slab for the 16-byte size class");
        }
    }

    private static void fill(MemorySegment segment, int offset) {
        for (long i = 0; i < segment.byteSize(); i++) {
            segment.set(JAVA_BYTE, i, (byte) (i + offset));
        }
    }
}
