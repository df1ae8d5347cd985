package com.example;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.PageAllocator;
import org.allocdiscipline.Owned;
/** Library code that hard-codes the global page allocator. */
public final class Lib {
    private Lib() {
    }

    public static @Owned MemorySegment buffer() throws AllocationException {
        return PageAllocator.INSTANCE.alloc(100);
    }
}
