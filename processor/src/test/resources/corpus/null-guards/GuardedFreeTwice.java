package corpus.null_guards;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class GuardedFreeTwice {
    void run(Allocator allocator, boolean big) throws AllocationException {
        MemorySegment extra = big ? allocator.alloc(64) : null;
        if (extra != null) {
            allocator.free(extra);
        }
        if (extra != null) {
            allocator.free(extra); // expect: [double-free]
        }
    }
}
