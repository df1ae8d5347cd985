package com.example;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.PageAllocator;

/** Library code that javac's checker would report (hardcoded-allocator); ecj cannot check it. */
public final class Lib {

    private Lib() {
    }

    public static MemorySegment buffer() throws AllocationException {
        return PageAllocator.INSTANCE.alloc(64);
    }
}
