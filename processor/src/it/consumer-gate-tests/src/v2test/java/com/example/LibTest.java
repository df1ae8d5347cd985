package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.PageAllocator;
import org.junit.jupiter.api.Test;

class LibTest {

    @Test
    void buffersHaveTheirSize() throws Exception {
        MemorySegment buffer = Lib.buffer();
        try {
            assertEquals(100, buffer.byteSize());
        } finally {
            PageAllocator.INSTANCE.free(buffer);   // a test chooses its allocator: no finding
        }
    }

    @Test
    void buffersCanBeReleasedByAHelper() throws Exception {
        release(Lib.buffer());
    }

    @Test
    void scratchBuffersHaveTheirSize() throws Exception {
        MemorySegment scratch = scratch();
        try {
            assertEquals(64, scratch.byteSize());
        } finally {
            PageAllocator.INSTANCE.free(scratch);
        }
    }

    // A helper is no test: still a finding (accepted by the test baseline).
    private static void release(MemorySegment buffer) {
        PageAllocator.INSTANCE.free(buffer);
    }

    // New in this version: a helper that names the global allocator, a finding no baseline accepts.
    private static MemorySegment scratch() throws AllocationException {
        return PageAllocator.INSTANCE.alloc(64);
    }
}
