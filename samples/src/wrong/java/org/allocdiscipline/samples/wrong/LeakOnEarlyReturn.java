package org.allocdiscipline.samples.wrong;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.allocdiscipline.AllocationException;
import org.allocdiscipline.Allocator;

/** A buffer that is freed on the normal path but not on the early return. */
public final class LeakOnEarlyReturn {
    private LeakOnEarlyReturn() {
    }

    public static long checksum(Allocator allocator, long length) throws AllocationException {
        MemorySegment scratch = allocator.alloc(length); // expect: [owned-not-freed] "is not freed on the path through the `return` on line 17"
        if (length < 8) {
            return 0;
        }
        scratch.fill((byte) 1);
        long sum = scratch.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
        allocator.free(scratch);
        return sum;
    }
}
