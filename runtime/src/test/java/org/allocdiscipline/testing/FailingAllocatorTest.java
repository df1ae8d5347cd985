package org.allocdiscipline.testing;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.support.HeapBackedAllocator;
import org.junit.jupiter.api.Test;

class FailingAllocatorTest {
    private final HeapBackedAllocator backing = new HeapBackedAllocator();

    @Test
    void theAllocationAtTheIndexFailsAndSoDoesEveryLaterOne() throws Exception {
        FailingAllocator failing = new FailingAllocator(backing, 2);
        MemorySegment first = failing.alloc(8);
        MemorySegment second = failing.alloc(8);
        assertThat(failing.inducedFailure()).isNull();

        assertThatThrownBy(() -> failing.alloc(16, 4))
                .isInstanceOf(AllocationException.class)
                .hasMessage("FailingAllocator: allocation #2 (0-based) fails on purpose: alloc(16, 4)");
        assertThat(failing.inducedFailure()).isNotNull();
        assertThat(failing.inducedFailure().requestedBytes()).isEqualTo(16);
        assertThatThrownBy(() -> failing.alloc(1))
                .isInstanceOf(AllocationException.class)
                .hasMessageContaining("memory stays exhausted after the induced failure of allocation #2");
        assertThat(failing.allocations()).isEqualTo(2);

        failing.free(first);
        failing.free(second);
        assertThat(failing.frees()).isEqualTo(2);
        assertThat(backing.live()).isZero();
    }

    @Test
    void zeroLengthAllocationsAndShrinkingDoNotCountAndNeverFail() throws Exception {
        FailingAllocator failing = new FailingAllocator(backing, 1);
        MemorySegment segment = failing.alloc(100);
        assertThat(failing.alloc(0).byteSize()).isZero();
        MemorySegment shrunk = failing.realloc(segment, 50);
        assertThat(failing.allocations()).isEqualTo(1);
        assertThatThrownBy(() -> failing.realloc(shrunk, 51))
                .isInstanceOf(AllocationException.class)
                .hasMessageContaining("allocation #1 (0-based) fails on purpose: realloc from 50 to 51 bytes");
        failing.free(shrunk);
    }

    @Test
    void aFailedReallocGrowthLeavesTheOriginalIntact() throws Exception {
        FailingAllocator failing = new FailingAllocator(backing, 1);
        MemorySegment segment = failing.alloc(10);
        segment.fill((byte) 7);
        assertThatThrownBy(() -> failing.realloc(segment, 20)).isInstanceOf(AllocationException.class);
        assertThat(segment.get(JAVA_BYTE, 9)).isEqualTo((byte) 7);
        failing.free(segment);
        assertThat(backing.live()).isZero();
    }

    @Test
    void rejectsANegativeIndex() {
        assertThatThrownBy(() -> new FailingAllocator(backing, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
