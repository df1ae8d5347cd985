package corpus.flags;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SameFlagAllocatesAndFrees {
    void scratch(Allocator allocator, boolean big) throws AllocationException {
        MemorySegment extra = null;
        if (big) {
            extra = allocator.alloc(1 << 20);
        }
        System.out.println("working");
        if (big) {
            allocator.free(extra);
        }
    }

    void negated(Allocator allocator, boolean small) throws AllocationException {
        MemorySegment extra = null;
        if (!small) {
            extra = allocator.alloc(1 << 20);
        }
        if (small) {
            return;
        }
        allocator.free(extra);
    }
}
