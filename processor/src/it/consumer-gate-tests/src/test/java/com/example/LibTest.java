package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
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

    // A helper is no test: still a finding (accepted by the test baseline). It takes the buffer without
    // an annotation: its body frees it, and it is private to this class.
    private static void release(MemorySegment buffer) {
        PageAllocator.INSTANCE.free(buffer);
    }
}
