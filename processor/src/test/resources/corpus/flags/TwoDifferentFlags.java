package corpus.flags;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class TwoDifferentFlags {
    void scratch(Allocator allocator, boolean big, boolean verbose) throws AllocationException {
        MemorySegment extra = null;
        if (big) {
            extra = allocator.alloc(1 << 20); // expect: [owned-not-freed]
        }
        if (verbose) {
            allocator.free(extra);
        }
    }
}
