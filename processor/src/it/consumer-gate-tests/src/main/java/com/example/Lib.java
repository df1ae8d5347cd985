package com.example;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Owned;
import org.allocdiscipline.PageAllocator;

/** Library code with an accepted finding: it hard-codes the global page allocator. */
public final class Lib {
    private Lib() {
    }

    public static @Owned MemorySegment buffer() throws AllocationException {
        return PageAllocator.INSTANCE.alloc(100);
    }
}
