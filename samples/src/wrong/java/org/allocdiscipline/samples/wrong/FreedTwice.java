package org.allocdiscipline.samples.wrong;

import java.lang.foreign.MemorySegment;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;

/** A cleanup path that frees what the main path already freed. */
public final class FreedTwice {
    private FreedTwice() {
    }

    public static void copy(Allocator allocator, MemorySegment source) throws AllocationException {
        MemorySegment copy = allocator.dupe(source);
        try {
            copy.fill((byte) 0);
            allocator.free(copy);
        } finally {
            allocator.free(copy); // expect: [double-free] "releases the value from `allocator.dupe(...)` (line 14), which may already have been released"
        }
    }
}
