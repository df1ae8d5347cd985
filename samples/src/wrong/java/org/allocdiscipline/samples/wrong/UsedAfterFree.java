package org.allocdiscipline.samples.wrong;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;

/** Reads a buffer after giving it back. */
public final class UsedAfterFree {
    private UsedAfterFree() {
    }

    public static byte first(Allocator allocator) throws AllocationException {
        MemorySegment buffer = allocator.alloc(16);
        buffer.fill((byte) 7);
        allocator.free(buffer);
        return buffer.get(ValueLayout.JAVA_BYTE, 0); // expect: [use-after-free] "`buffer` is used after the value from `allocator.alloc(...)` (line 15) was released"
    }
}
