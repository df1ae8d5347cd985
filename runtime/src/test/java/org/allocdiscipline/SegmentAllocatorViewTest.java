package org.allocdiscipline;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;

import org.allocdiscipline.testing.FailingAllocator;
import org.allocdiscipline.testing.TestingAllocator;
import org.junit.jupiter.api.Test;

/** {@link Allocator#asSegmentAllocator()} beyond the conformance suite: real FFM calls and failures. */
class SegmentAllocatorViewTest {

    @Test
    void aCStringFromTheArenaViewGoesStraightIntoADowncall() throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle strlen = linker.downcallHandle(linker.defaultLookup().findOrThrow("strlen"),
                FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        try (ArenaAllocator arena = new ArenaAllocator(PageAllocator.INSTANCE)) {
            MemorySegment name = arena.asSegmentAllocator().allocateFrom("config.toml");
            assertThat((long) strlen.invokeExact(name)).isEqualTo(11L);
        }
    }

    @Test
    void aFailedAllocationIsUncheckedWithTheAllocationExceptionAsItsCause() {
        SegmentAllocator view = new FailingAllocator(PageAllocator.INSTANCE, 0).asSegmentAllocator();
        assertThatThrownBy(() -> view.allocate(64))
                .isInstanceOf(UncheckedAllocationException.class)
                .hasCauseInstanceOf(AllocationException.class)
                .satisfies(thrown -> assertThat(((UncheckedAllocationException) thrown).getCause().requestedBytes())
                        .isEqualTo(64));
    }

    @Test
    void anAbsurdSizeIsAnUncheckedAllocationFailureNotAnOutOfMemoryError() {
        SegmentAllocator view = PageAllocator.INSTANCE.asSegmentAllocator();
        assertThatThrownBy(() -> view.allocate(1L << 60))
                .isInstanceOf(UncheckedAllocationException.class)
                .hasMessageContaining("errno");
    }

    @Test
    void badArgumentsAreIllegalArgumentsAsFromAlloc() {
        SegmentAllocator view = PageAllocator.INSTANCE.asSegmentAllocator();
        assertThatThrownBy(() -> view.allocate(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> view.allocate(8, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatTheViewHandsOutIsOwnedLikeAnyAllocation() throws Exception {
        try (TestingAllocator testing = new TestingAllocator(PageAllocator.INSTANCE)) {
            MemorySegment kept = testing.asSegmentAllocator().allocateFrom("leaked on purpose");
            MemorySegment freed = testing.asSegmentAllocator().allocate(32);
            testing.free(freed);
            assertThat(testing.leaks()).hasSize(1);
            testing.free(kept);
            assertThat(testing.leaks()).isEmpty();
        }
    }
}
