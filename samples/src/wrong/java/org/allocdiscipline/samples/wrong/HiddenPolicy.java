package org.allocdiscipline.samples.wrong;

import java.lang.foreign.MemorySegment;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Owned;
import org.allocdiscipline.PageAllocator;

/** The source document's "do not write this in a reusable library". */
public final class HiddenPolicy {
    private HiddenPolicy() {
    }

    @Owned
    public static MemorySegment makeBuffer() throws AllocationException {
        return PageAllocator.INSTANCE.alloc(1024); // expect: [hardcoded-allocator] "names the global PageAllocator.INSTANCE instead of taking an allocator from its caller"
    }
}
