package org.allocdiscipline.samples.wrong;

import java.lang.foreign.MemorySegment;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;
import org.allocdiscipline.GeneralPurposeAllocator;

/** Two allocators, and a segment given back to the one that did not allocate it. */
public final class FreedThroughAnotherAllocator {
    private FreedThroughAnotherAllocator() {
    }

    public static void mixUp(Allocator backing) throws AllocationException {
        try (GeneralPurposeAllocator small = new GeneralPurposeAllocator(backing);
                GeneralPurposeAllocator large = new GeneralPurposeAllocator(backing)) {
            MemorySegment segment = small.alloc(64);
            large.free(segment); // expect: [wrong-allocator] "`large.free(...)` frees the value from `small.alloc(...)` (line 17) through a different allocator"
        }
    }
}
