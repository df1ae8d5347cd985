package corpus.flags;

import java.lang.foreign.MemorySegment;
import org.allocdiscipline.*;

class SameFlagFreesTwice {
    void run(Allocator allocator, boolean big) throws AllocationException {
        MemorySegment buffer = allocator.alloc(64);
        if (big) {
            allocator.free(buffer);
        }
        if (big) {
            allocator.free(buffer); // expect: [double-free]
        } else {
            allocator.free(buffer);
        }
    }
}
