package org.allocdiscipline;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;

class FixedBufferAllocatorTest {

    @Test
    void allocatesInsideTheBufferUntilItIsFull() throws AllocationException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(100, 8);
            try (FixedBufferAllocator allocator = new FixedBufferAllocator(buffer)) {
                MemorySegment a = allocator.alloc(60);
                assertThat(a.address()).isEqualTo(buffer.address());
                assertThatThrownBy(() -> allocator.alloc(41)).isInstanceOf(AllocationException.class)
                        .hasMessageContaining("40 of 100 bytes left");
                MemorySegment b = allocator.alloc(40);
                assertThat(b.address()).isEqualTo(buffer.address() + 60);
                assertThat(allocator.used()).isEqualTo(100);
            }
        }
    }

    @Test
    void segmentsAreUnusableAfterCloseButTheBufferIsNot() throws AllocationException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(64);
            MemorySegment handedOut;
            try (FixedBufferAllocator allocator = new FixedBufferAllocator(buffer)) {
                handedOut = allocator.alloc(16);
                handedOut.set(JAVA_BYTE, 0, (byte) 5);
            }
            assertThatThrownBy(() -> handedOut.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
            assertThat(buffer.get(JAVA_BYTE, 0)).isEqualTo((byte) 5);
        }
    }

    @Test
    void worksOverAHeapBuffer() throws AllocationException {
        byte[] array = new byte[32];
        try (FixedBufferAllocator allocator = new FixedBufferAllocator(MemorySegment.ofArray(array))) {
            MemorySegment a = allocator.alloc(4);
            a.set(JAVA_BYTE, 3, (byte) 7);
            assertThat(array[3]).isEqualTo((byte) 7);
            allocator.free(a);
            assertThat(allocator.used()).isZero();
            assertThatThrownBy(() -> allocator.free(MemorySegment.ofArray(new byte[32]).asSlice(0, 4)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("foreign free");
        }
    }

    @Test
    void resetStartsOverAtTheBeginning() throws AllocationException {
        try (Arena arena = Arena.ofConfined();
                FixedBufferAllocator allocator = new FixedBufferAllocator(arena.allocate(64))) {
            MemorySegment first = allocator.alloc(10);
            allocator.alloc(10);
            allocator.reset();
            assertThat(allocator.alloc(10).address()).isEqualTo(first.address());
        }
    }

    @Test
    void onlyTheMostRecentAllocationIsFreed() throws AllocationException {
        try (Arena arena = Arena.ofConfined();
                FixedBufferAllocator allocator = new FixedBufferAllocator(arena.allocate(64, 8))) {
            MemorySegment a = allocator.alloc(8, 8);
            MemorySegment b = allocator.alloc(16, 8);
            allocator.free(a); // not the most recent: ignored
            assertThat(allocator.used()).isEqualTo(24);
            allocator.free(b.asSlice(8)); // ends at the top, but a slice: ignored
            assertThat(allocator.used()).isEqualTo(24);
            allocator.free(b);
            assertThat(allocator.used()).isEqualTo(8);
            allocator.free(a); // the allocation before a freed one does not become the most recent
            assertThat(allocator.used()).isEqualTo(8);
        }
    }

    @Test
    void anAllocationShrunkToNothingAtAHighlyAlignedStartCanGrowAgain() throws AllocationException {
        // The buffer's start is 1 MiB aligned: a zero-length slice there must not pass for a 1 MiB alignment.
        MemorySegment buffer = PageAllocator.INSTANCE.alloc(4096, 1 << 20);
        try (FixedBufferAllocator allocator = new FixedBufferAllocator(buffer)) {
            MemorySegment none = allocator.realloc(allocator.alloc(100), 0);
            allocator.alloc(8);
            assertThat(allocator.realloc(none, 1).byteSize()).isEqualTo(1);
        } finally {
            PageAllocator.INSTANCE.free(buffer);
        }
    }

    @Test
    void rejectsAReadOnlyBuffer() {
        MemorySegment readOnly = MemorySegment.ofArray(new byte[8]).asReadOnly();
        assertThatThrownBy(() -> new FixedBufferAllocator(readOnly)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isUnusableAfterClose() {
        FixedBufferAllocator allocator = new FixedBufferAllocator(MemorySegment.ofArray(new byte[8]));
        allocator.close();
        allocator.close();
        assertThatThrownBy(() -> allocator.alloc(1)).isInstanceOf(IllegalStateException.class);
    }
}
