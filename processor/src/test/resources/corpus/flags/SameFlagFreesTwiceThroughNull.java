package corpus.flags;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SameFlagFreesTwiceThroughNull {
    void run(Allocator allocator, boolean big) throws AllocationException {
        MemorySegment extra = null;
        if (big) {
            extra = allocator.alloc(1 << 20);
        }
        if (big) {
            allocator.free(extra);
            allocator.free(extra); // expect: [double-free]
        }
    }
}
