package org.allocdiscipline.samples.wrong;

import java.lang.foreign.MemorySegment;

import org.allocdiscipline.Allocator;

/** A C string from an allocator's SegmentAllocator view, owned like any allocation and never freed. */
public final class ViewAllocationNotFreed {
    private ViewAllocationNotFreed() {
    }

    public static long nameLength(Allocator allocator, String name) {
        MemorySegment cName = allocator.asSegmentAllocator().allocateFrom(name); // expect: [owned-not-freed] "`allocator.asSegmentAllocator(...).allocateFrom(...)` is not freed on the path through the `return` on line 14"
        return cName.byteSize() - 1;
    }
}
