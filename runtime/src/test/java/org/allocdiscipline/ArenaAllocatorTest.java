package org.allocdiscipline;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import org.allocdiscipline.ArenaAllocator.ResetMode;
import org.junit.jupiter.api.Test;

class ArenaAllocatorTest {

    /** A child that counts what passes through it, to observe chunk traffic. */
    static final class CountingAllocator implements Allocator {
        final Allocator backing;
        final List<Long> chunkSizes = new ArrayList<>();
        int live;

        CountingAllocator(Allocator backing) {
            this.backing = backing;
        }

        @Override
        public MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
            MemorySegment segment = backing.alloc(byteSize, byteAlignment);
            chunkSizes.add(byteSize);
            live++;
            return segment;
        }

        @Override
        public MemorySegment realloc(MemorySegment memory, long newByteSize) throws AllocationException {
            return backing.realloc(memory, newByteSize);
        }

        @Override
        public void free(MemorySegment memory) {
            backing.free(memory);
            live--;
        }
    }

    @Test
    void everySegmentIsUnusableAfterClose() throws AllocationException {
        MemorySegment first;
        MemorySegment late;
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            first = arena.alloc(8);
            for (int i = 0; i < 2_000; i++) {
                arena.alloc(64);
            }
            late = arena.alloc(8);
            first.set(JAVA_BYTE, 0, (byte) 1);
        }
        assertThatThrownBy(() -> first.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> late.set(JAVA_BYTE, 0, (byte) 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeGivesEveryChunkBackAndIsIdempotent() throws AllocationException {
        CountingAllocator child = new CountingAllocator(PageAllocator.INSTANCE);
        ArenaAllocator arena = new ArenaAllocator(child);
        for (int i = 0; i < 10_000; i++) {
            arena.alloc(16);
        }
        assertThat(child.live).isGreaterThan(1);
        arena.close();
        arena.close();
        assertThat(child.live).isZero();
        assertThatThrownBy(() -> arena.alloc(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void chunksGrowGeometrically() throws AllocationException {
        CountingAllocator child = new CountingAllocator(PageAllocator.INSTANCE);
        try (ArenaAllocator arena = new ArenaAllocator(child)) {
            for (int i = 0; i < 100_000; i++) {
                arena.alloc(8);
            }
            List<Long> sizes = child.chunkSizes;
            assertThat(sizes.size()).isLessThan(20);
            for (int i = 1; i < sizes.size(); i++) {
                assertThat(sizes.get(i)).isGreaterThanOrEqualTo(2 * sizes.get(i - 1));
            }
        }
    }

    @Test
    void everyPathOfAllocChecksItsArgumentsAndTheArenaState() throws AllocationException {
        ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE);
        // before the first chunk (the slow path), with a chunk (the fast path), for zero bytes (its own path)
        assertThatThrownBy(() -> arena.alloc(8, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> arena.alloc(-1, 8)).isInstanceOf(IllegalArgumentException.class);
        MemorySegment first = arena.alloc(8, 8);
        assertThatThrownBy(() -> arena.alloc(8, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> arena.alloc(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(arena.alloc(8, 8).address()).isEqualTo(first.address() + 8);
        MemorySegment overAligned = arena.alloc(64, 8192);
        assertThat(overAligned.address() % 8192).isZero();
        assertThat(arena.realloc(arena.alloc(16, 16), 1 << 20).address() % 16).isZero();
        arena.close();
        assertThatThrownBy(() -> arena.alloc(8, 8)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> arena.alloc(0, 8)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> first.get(JAVA_LONG, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInitialCapacityIsOneChunkThatHoldsItAllAndIsStillInvalidatedAtClose() throws AllocationException {
        CountingAllocator child = new CountingAllocator(PageAllocator.INSTANCE);
        MemorySegment first;
        try (ArenaAllocator arena = new ArenaAllocator(child, Safety.SHARED, 100_000)) {
            assertThat(child.chunkSizes).containsExactly(100_000L);
            assertThat(arena.capacity()).isEqualTo(100_000);
            first = arena.alloc(8, 8);
            for (int i = 1; i < 100_000 / 8; i++) {
                arena.alloc(8, 8).set(JAVA_LONG, 0, i);
            }
            assertThat(child.chunkSizes).hasSize(1);
            arena.alloc(8, 8);
            assertThat(child.chunkSizes).hasSize(2);
            assertThat(child.chunkSizes.get(1)).isGreaterThanOrEqualTo(200_000L);
        }
        assertThat(child.live).isZero();
        assertThatThrownBy(() -> first.get(JAVA_LONG, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInitialCapacityOfZeroTakesNothingAndABadOneIsRefused() throws AllocationException {
        CountingAllocator child = new CountingAllocator(PageAllocator.INSTANCE);
        try (ArenaAllocator arena = new ArenaAllocator(child, Safety.UNCHECKED, 0)) {
            assertThat(child.chunkSizes).isEmpty();
            arena.alloc(8);
            assertThat(child.chunkSizes).containsExactly(4096L);
        }
        assertThatThrownBy(() -> new ArenaAllocator(child, Safety.SHARED, -1))
                .isInstanceOf(IllegalArgumentException.class);
        MemorySegment buffer = PageAllocator.INSTANCE.alloc(16 * 1024);
        try (FixedBufferAllocator small = new FixedBufferAllocator(buffer)) {
            assertThatThrownBy(() -> new ArenaAllocator(small, Safety.SHARED, 20_000))
                    .isInstanceOf(AllocationException.class).hasMessageContaining("fixed buffer exhausted");
            assertThat(small.used()).isZero();
        } finally {
            PageAllocator.INSTANCE.free(buffer);
        }
    }

    @Test
    void aTopLeftUnalignedIsRoundedUpForTheNextAllocation() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment odd = arena.alloc(3, 1);
            MemorySegment aligned = arena.alloc(8, 8);
            assertThat(aligned.address() % 8).isZero();
            // the chunk starts 16-aligned, so 3 bytes at its start leave the top 5 bytes short of the next 8
            assertThat(aligned.address()).isEqualTo(odd.address() + 8);
            MemorySegment next = arena.alloc(8, 8);
            assertThat(next.address()).isEqualTo(aligned.address() + 8);
        }
    }

    @Test
    void allocationsStayAlignedOverAChildThatReturnsMisalignedChunks() throws AllocationException {
        // A child that breaks its contract: each chunk starts 8 bytes past a multiple of 16.
        try (Arena memory = Arena.ofConfined();
                FixedBufferAllocator backing = new FixedBufferAllocator(memory.allocate(1 << 16, 16))) {
            Allocator misaligning = new Allocator() {
                @Override
                public MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
                    return backing.alloc(byteSize + 8, byteAlignment).asSlice(8);
                }

                @Override
                public MemorySegment realloc(MemorySegment memory, long newByteSize) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void free(MemorySegment memory) {
                    // the backing buffer goes with the test
                }
            };
            try (ArenaAllocator arena = new ArenaAllocator(misaligning)) {
                assertThat(arena.alloc(8, 8).address() % 16).isZero();
                assertThat(arena.alloc(8, 16).address() % 16).isZero();
                arena.alloc(1, 1);
                assertThat(arena.alloc(8, 8).address() % 8).isZero();
            }
        }
    }

    @Test
    void aLargeRequestGetsAChunkOfItsOwn() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment big = arena.alloc(10L << 20, 1L << 20);
            assertThat(big.byteSize()).isEqualTo(10L << 20);
            assertThat(big.address() % (1L << 20)).isZero();
            big.set(JAVA_BYTE, big.byteSize() - 1, (byte) 1);
        }
    }

    @Test
    void freeingTheLastAllocationRewinds() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment a = arena.alloc(32, 8);
            MemorySegment b = arena.alloc(32, 8);
            arena.free(b);
            MemorySegment c = arena.alloc(32, 8);
            assertThat(c.address()).isEqualTo(b.address());
            arena.free(a); // not the last: ignored
            MemorySegment d = arena.alloc(32, 8);
            assertThat(d.address()).isNotEqualTo(a.address());
        }
    }

    @Test
    void freeingASliceOfTheLastAllocationDoesNotRewind() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment a = arena.alloc(64, 8);
            arena.free(a.asSlice(32));
            MemorySegment b = arena.alloc(8, 8);
            assertThat(b.address()).isGreaterThanOrEqualTo(a.address() + 64);
        }
    }

    @Test
    void freeingASliceThatEndsAtTheTopIsIgnoredAndLosesNothing() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment a = arena.alloc(64, 8);
            a.set(JAVA_LONG, 40, 42L);
            arena.free(a.asSlice(32)); // ends at the top, but is not the allocation: ignored
            MemorySegment b = arena.alloc(32, 8);
            b.fill((byte) -1);
            assertThat(b.address()).isEqualTo(a.address() + 64);
            assertThat(a.get(JAVA_LONG, 40)).isEqualTo(42L);
            arena.free(a); // not the most recent allocation (b is): ignored too
            assertThat(arena.alloc(8, 8).address()).isEqualTo(b.address() + 32);
        }
    }

    @Test
    void freeingAStaleSegmentThatEndsAtTheTopIsIgnored() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            arena.alloc(8, 8);
            MemorySegment stale = arena.alloc(24, 8);
            arena.free(stale);
            MemorySegment c = arena.alloc(8, 8);
            MemorySegment d = arena.alloc(16, 8);
            assertThat(d.address() + d.byteSize()).isEqualTo(stale.address() + stale.byteSize());
            c.set(JAVA_LONG, 0, 7L);
            arena.free(stale); // ends at the top, over c and d, which are live: ignored
            assertThat(arena.alloc(8, 8).address()).isEqualTo(d.address() + 16);
            assertThat(c.get(JAVA_LONG, 0)).isEqualTo(7L);
        }
    }

    @Test
    void onlyTheMostRecentAllocationIsFreedWhenFreesComeInReverseOrder() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment a = arena.alloc(24, 8);
            MemorySegment b = arena.alloc(8, 8);
            MemorySegment c = arena.alloc(16, 8);
            arena.free(c);
            arena.free(b); // not the most recent allocation: that one was freed
            arena.free(a);
            assertThat(arena.alloc(8, 8).address()).isEqualTo(c.address());
        }
    }

    @Test
    void anAllocationBelowAFreedOneMovesWhenItGrows() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment a = arena.alloc(16, 8);
            a.set(JAVA_LONG, 8, 42L);
            MemorySegment b = arena.alloc(32, 8);
            arena.free(b);
            MemorySegment grown = arena.realloc(a, 64);
            assertThat(grown.address()).isEqualTo(b.address());
            assertThat(grown.get(JAVA_LONG, 8)).isEqualTo(42L);
        }
    }

    @Test
    void aSliceThatEndsAtTheTopDoesNotResizeInPlace() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment a = arena.alloc(64, 8);
            a.set(JAVA_LONG, 0, 5L);
            MemorySegment grown = arena.realloc(a.asSlice(32), 64);
            assertThat(grown.address()).isGreaterThanOrEqualTo(a.address() + 64);
            assertThat(a.get(JAVA_LONG, 0)).isEqualTo(5L);
        }
    }

    @Test
    void alignmentPaddingStopsTheRewind() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment a = arena.alloc(8, 8);
            MemorySegment b = arena.alloc(8, 64); // padded: starts 64 bytes into the 16-aligned chunk or later
            assertThat(b.address()).isGreaterThan(a.address() + 8);
            arena.free(b); // rewinds to b's start, not over the padding
            arena.free(a); // no longer the most recent allocation: ignored
            assertThat(arena.alloc(8, 8).address()).isEqualTo(b.address());
        }
    }

    @Test
    void aSegmentEndingWhereTheCurrentChunkBeginsDoesNotRewindIt() throws AllocationException {
        // The child hands out adjacent chunks, so the first chunk ends exactly where the second begins.
        try (Arena memory = Arena.ofConfined();
                FixedBufferAllocator child = new FixedBufferAllocator(memory.allocate(1 << 16, 4096));
                ArenaAllocator arena = new ArenaAllocator(child)) {
            MemorySegment first = arena.alloc(4096, 16);
            MemorySegment second = arena.alloc(8, 8);
            assertThat(second.address()).isEqualTo(first.address() + 4096);
            arena.free(second); // the second chunk's top is back at its start
            arena.free(first); // ends at that start, but lies in another chunk: ignored
            assertThat(arena.alloc(8, 8).address()).isEqualTo(second.address());
            assertThat(arena.capacity()).isEqualTo(4096 + 8192);
        }
    }

    @Test
    void theLastAllocationResizesInPlace() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            arena.alloc(8);
            MemorySegment last = arena.alloc(16, 8);
            last.set(JAVA_LONG, 8, 77L);
            MemorySegment grown = arena.realloc(last, 1024);
            assertThat(grown.address()).isEqualTo(last.address());
            assertThat(grown.get(JAVA_LONG, 8)).isEqualTo(77L);
            MemorySegment shrunk = arena.realloc(grown, 16);
            MemorySegment next = arena.alloc(8, 8);
            assertThat(next.address()).isEqualTo(shrunk.address() + 16);
        }
    }

    @Test
    void resetFreeAllReturnsEveryChunk() throws AllocationException {
        CountingAllocator child = new CountingAllocator(PageAllocator.INSTANCE);
        try (ArenaAllocator arena = new ArenaAllocator(child)) {
            MemorySegment before = fill(arena);
            assertThat(arena.reset(ResetMode.FREE_ALL)).isTrue();
            assertThat(child.live).isZero();
            assertThat(arena.capacity()).isZero();
            assertThatThrownBy(() -> before.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
            arena.alloc(8).set(JAVA_BYTE, 0, (byte) 1);
        }
    }

    @Test
    void resetRetainCapacityKeepsOneChunkAsLargeAsAllOfThem() throws AllocationException {
        CountingAllocator child = new CountingAllocator(PageAllocator.INSTANCE);
        try (ArenaAllocator arena = new ArenaAllocator(child)) {
            MemorySegment before = fill(arena);
            long capacity = arena.capacity();
            assertThat(arena.reset(ResetMode.RETAIN_CAPACITY)).isTrue();
            assertThat(arena.capacity()).isEqualTo(capacity);
            assertThat(child.live).isEqualTo(1);
            assertThatThrownBy(() -> before.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
            int chunksBefore = child.chunkSizes.size();
            fill(arena);
            assertThat(child.chunkSizes).as("no new chunk for the same work").hasSize(chunksBefore);
        }
    }

    @Test
    void aSteadyRetainCapacityCycleRewindsWithoutGivingMemoryBack() throws AllocationException {
        CountingAllocator child = new CountingAllocator(PageAllocator.INSTANCE);
        try (ArenaAllocator arena = new ArenaAllocator(child)) {
            fill(arena);
            arena.reset(ResetMode.RETAIN_CAPACITY); // consolidates into one chunk
            MemorySegment first = arena.alloc(8);
            first.set(JAVA_BYTE, 0, (byte) 1);
            int chunksBefore = child.chunkSizes.size();
            assertThat(arena.reset(ResetMode.RETAIN_CAPACITY)).isTrue();
            MemorySegment again = arena.alloc(8);
            assertThat(again.address()).isEqualTo(first.address());
            again.set(JAVA_BYTE, 0, (byte) 2);
            // the old segment is still memory-safe to touch: it sees the new data
            assertThat(first.get(JAVA_BYTE, 0)).isEqualTo((byte) 2);
            assertThat(child.chunkSizes).hasSize(chunksBefore);
            assertThat(child.live).isEqualTo(1);
        }
    }

    @Test
    void resetRetainWithLimitCapsWhatIsKept() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            fill(arena);
            assertThat(arena.reset(ResetMode.retainWithLimit(8192))).isTrue();
            assertThat(arena.capacity()).isEqualTo(8192);
            assertThatThrownBy(() -> ResetMode.retainWithLimit(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSegmentFromBeforeAResetIsNotFreedByIt() throws AllocationException {
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment old = fill(arena); // several chunks: the reset consolidates and invalidates
            arena.reset(ResetMode.RETAIN_CAPACITY);
            assertThatThrownBy(() -> arena.free(old)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("previous reset");
        }
    }

    @Test
    void aChildThatRunsOutIsAnAllocationException() throws AllocationException {
        MemorySegment buffer = PageAllocator.INSTANCE.alloc(16 * 1024);
        try (FixedBufferAllocator small = new FixedBufferAllocator(buffer);
                ArenaAllocator arena = new ArenaAllocator(small)) {
            arena.alloc(1000);
            assertThatThrownBy(() -> arena.alloc(20_000)).isInstanceOf(AllocationException.class)
                    .hasMessageContaining("fixed buffer exhausted");
            arena.alloc(100).fill((byte) 1); // still usable
        } finally {
            PageAllocator.INSTANCE.free(buffer);
        }
    }

    @Test
    void aChildThatReturnsTooLittleIsAnErrorNotAnEndlessGrowth() throws AllocationException {
        // alloc asks for a new chunk until one holds the request: a child that breaks its contract
        // (here, half of what was asked) must end that, naming the child.
        CountingAllocator counted = new CountingAllocator(PageAllocator.INSTANCE);
        Allocator halving = new Allocator() {
            @Override
            public MemorySegment alloc(long byteSize, long byteAlignment) throws AllocationException {
                return counted.alloc(byteSize, byteAlignment).asSlice(0, byteSize / 2);
            }

            @Override
            public MemorySegment realloc(MemorySegment memory, long newByteSize) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void free(MemorySegment memory) {
                // the page stays mapped until the JVM exits: a test's few KiB
            }
        };
        ArenaAllocator arena = new ArenaAllocator(halving, Safety.UNCHECKED);
        assertThatThrownBy(() -> arena.alloc(10_000)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not hold 10000 bytes");
        assertThat(counted.chunkSizes).hasSize(1);
    }

    @Test
    void rejectsANullChild() {
        assertThatThrownBy(() -> new ArenaAllocator(null)).isInstanceOf(NullPointerException.class);
    }

    private static MemorySegment fill(ArenaAllocator arena) throws AllocationException {
        MemorySegment first = arena.alloc(8);
        for (int i = 0; i < 5_000; i++) {
            arena.alloc(24, 8);
        }
        return first;
    }
}
