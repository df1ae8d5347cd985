package com.example;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.PageAllocator;

/** Library code that hard-codes the global page allocator. */
// an unrelated line that moves the old finding down
public final class Lib {
    private Lib() {
    }

    public static MemorySegment buffer() throws AllocationException {
        return PageAllocator.INSTANCE.alloc(100);
    }

    public static MemorySegment added() throws AllocationException {
        return PageAllocator.INSTANCE.alloc(200);
    }
}
