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
            PageAllocator.INSTANCE.free(buffer);   // a plain warning: the gate guards the main code only
        }
    }
}
